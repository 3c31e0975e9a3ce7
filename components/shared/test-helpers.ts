// For component tests: the UI strings in English or Chinese (as the locale files
// have them), and a root to render into.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { allStrings } from '@/components/i18n/all-strings';

export function speak(lang: 'en' | 'zh'): void {
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(lang === 'zh' ? 'zh-CN' : 'en-US');
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(
    (name: string, subs?: string | (string | number)[]) => {
      const list = (Array.isArray(subs) ? subs : subs === undefined ? [] : [subs]).map(String);
      const key = Object.keys(allStrings).find((k) => k.replace(/-/g, '_') === name);
      const text = key ? (allStrings[key]?.[lang] ?? '') : '';
      return text.replace(/\$(\d)/g, (_, i: string) => list[Number(i) - 1] ?? '');
    },
  );
}

export async function mount(ui: preact.ComponentChild): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.append(root);
  await act(() => {
    render(ui, root);
  });
  return root;
}

export async function unmount(root: HTMLElement): Promise<void> {
  await act(() => {
    render(null, root);
  });
  root.remove();
}

/** Types into a field the way a reader does: input events, then leaving it. */
export async function type(field: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  await act(() => {
    field.focus();
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function leave(field: HTMLElement): Promise<void> {
  await act(async () => {
    field.dispatchEvent(new FocusEvent('blur'));
    field.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    await Promise.resolve();
  });
  // Let the awaited write and its state updates land.
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

export async function press(field: HTMLElement, key: string, init: KeyboardEventInit = {}): Promise<void> {
  await act(() => {
    field.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
  });
}

export async function click(element: Element | null | undefined): Promise<void> {
  if (!element) throw new Error('nothing to click');
  await act(async () => {
    (element as HTMLElement).click();
    await new Promise((r) => setTimeout(r, 0));
  });
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}
