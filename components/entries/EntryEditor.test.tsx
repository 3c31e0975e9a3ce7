import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  EMPTY_KNOWLEDGE,
  type KnowledgeState,
  parseUserEntity,
  type UserEntity,
} from '@/lib/knowledge/schema';
import type { KnowledgeWriteResult } from '@/lib/messages/background';
import { speak } from '../shared/test-helpers';
import type { KnowledgeRequest } from '../shared/use-knowledge';
import { EntryEditor } from './EntryEditor';

let root: HTMLDivElement;
beforeEach(() => {
  speak('en');
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

function entity(input: Record<string, unknown>): UserEntity {
  const parsed = parseUserEntity({ id: 'kunlun', type: 'chip', name: { en: 'Kunlun' }, ...input }, 1000);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}

interface Setup {
  entity?: UserEntity;
  initialName?: string;
  state?: KnowledgeState;
  answer?: (request: KnowledgeRequest) => KnowledgeWriteResult;
}

async function mount(setup: Setup = {}) {
  const requests: KnowledgeRequest[] = [];
  const onSaved = vi.fn();
  const onCancel = vi.fn();
  const ask = vi.fn(async (request: KnowledgeRequest): Promise<KnowledgeWriteResult> => {
    requests.push(request);
    return setup.answer?.(request) ?? { ok: true, entity: entity({}), verdicts: [] };
  });
  await act(() => {
    render(
      <EntryEditor
        entity={setup.entity}
        initialName={setup.initialName}
        state={setup.state ?? EMPTY_KNOWLEDGE}
        lang="en"
        onSaved={onSaved}
        onCancel={onCancel}
        ask={ask}
      />,
      root,
    );
  });
  return { requests, onSaved, onCancel, ask };
}

const $ = <T extends Element = HTMLElement>(selector: string) => {
  const el = root.querySelector<T & Element>(selector);
  if (!el) throw new Error(`no ${selector}`);
  return el as unknown as T;
};
const byLabel = (text: string) => {
  const label = [...root.querySelectorAll('label')].find((l) => l.textContent?.trim() === text);
  if (!label) throw new Error(`no label ${text}`);
  const control = label.htmlFor
    ? root.querySelector(`[id="${label.htmlFor}"]`)
    : label.querySelector('input');
  return control as HTMLInputElement;
};
const button = (text: string) => {
  const b = [...root.querySelectorAll('button')].find((x) => x.textContent?.trim() === text);
  if (!b) throw new Error(`no button ${text}`);
  return b;
};

async function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
async function click(el: HTMLElement) {
  await act(() => {
    el.click();
  });
}
async function submit() {
  await act(async () => {
    $<HTMLFormElement>('form').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await Promise.resolve();
  });
}

describe('EntryEditor', () => {
  it('labels every field and says the names are aliases and the description private', async () => {
    await mount();
    for (const label of [
      'English name',
      'Chinese name',
      'Type',
      'Description (English)',
      'Description (Chinese)',
    ]) {
      expect(byLabel(label), label).toBeTruthy();
    }
    expect(byLabel('Look up on hover or tap only — no mark on the page').type).toBe('checkbox');
    expect(root.textContent).toContain('Both names are aliases automatically');
    expect(root.textContent).toContain('never readable by the page');
    expect($<HTMLSelectElement>('select[name="type"]').value).toBe('technology');
    expect($('[role="combobox"]').getAttribute('aria-autocomplete')).toBe('list');
  });

  it('prefills a selection: Latin letters in the English name, Chinese in the Chinese one', async () => {
    await mount({ initialName: 'Kunlun P800' });
    expect(byLabel('English name').value).toBe('Kunlun P800');
    expect(byLabel('Chinese name').value).toBe('');
    render(null, root);
    await mount({ initialName: '昆仑芯' });
    expect(byLabel('English name').value).toBe('');
    expect(byLabel('Chinese name').value).toBe('昆仑芯');
  });

  it('refuses an alias that would mark ordinary words, says why and holds Save back', async () => {
    await mount({ initialName: 'Kunlun' });
    await click(button('Add an alias'));
    const alias = $<HTMLInputElement>('input[name="alias"]');
    expect(document.activeElement).toBe(alias);
    await type(alias, 'the');
    const save = button('Save');
    expect(save.disabled).toBe(true);
    expect(alias.getAttribute('aria-invalid')).toBe('true');
    const verdicts = $(`[id="${alias.getAttribute('aria-describedby')}"]`);
    expect(verdicts.textContent).toContain('“the” can’t be used: it is a common word');
    expect(root.textContent).toContain('1 alias would mark ordinary words');
    await type(alias, 'Kunlun chip');
    expect(button('Save').disabled).toBe(false);
    expect(alias.getAttribute('aria-invalid')).toBe('false');
  });

  it('checks the names too: a one-letter name is refused', async () => {
    await mount();
    await type(byLabel('English name'), 'X');
    expect(button('Save').disabled).toBe(true);
    expect(root.textContent).toContain('“X” can’t be used');
  });

  it('asks which entry wins an alias a built-in entry uses, and saves the choice in prefer', async () => {
    const { requests } = await mount({ initialName: 'My DeepSeek notes' });
    await click(button('Add an alias'));
    await type($<HTMLInputElement>('input[name="alias"]'), 'DeepSeek');
    expect(root.textContent).toContain('“DeepSeek” is also the built-in entry DeepSeek.');
    const radios = root.querySelectorAll<HTMLInputElement>(
      '[data-problem="builtin-conflict"] input[type="radio"]',
    );
    expect(radios).toHaveLength(2);
    expect(radios[0]!.checked).toBe(true);
    expect(button('Save').disabled).toBe(false);
    await click(radios[1]!);
    await submit();
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      type: 'entities/save',
      entity: { name: { en: 'My DeepSeek notes' }, aliases: ['DeepSeek'], prefer: ['DeepSeek'] },
    });
    expect(requests[0]).not.toHaveProperty('previousId');
  });

  it('warns when another of the reader’s entries has the alias', async () => {
    const other = entity({ id: 'other', name: { en: 'Other' }, aliases: ['shared name'] });
    await mount({ initialName: 'Mine', state: { ...EMPTY_KNOWLEDGE, entities: [other] } });
    await click(button('Add an alias'));
    await type($<HTMLInputElement>('input[name="alias"]'), 'Shared name');
    expect($('[data-problem="user-conflict"]').dataset.level).toBe('warn');
    expect(root.textContent).toContain('“Shared name” is also your entry Other');
    expect(button('Save').disabled).toBe(false);
  });

  it('needs a name, told next to the fields', async () => {
    const { requests } = await mount();
    await submit();
    expect(requests).toHaveLength(0);
    expect(root.textContent).toContain('Give an English or a Chinese name.');
    const en = byLabel('English name');
    expect(en.getAttribute('aria-invalid')).toBe('true');
    const described = en.getAttribute('aria-describedby')!.split(' ');
    expect(described.some((id) => root.querySelector(`[id="${id}"]`)?.textContent?.includes('Give an'))).toBe(
      true,
    );
  });

  it('saves an edit under its previous id and hands the saved entry back', async () => {
    const current = entity({ summary: { en: 'Old' }, related: ['baidu'] });
    const saved = entity({ summary: { en: 'New' }, related: ['baidu'] });
    const { requests, onSaved } = await mount({
      entity: current,
      answer: () => ({ ok: true, entity: saved, verdicts: [] }),
    });
    expect(byLabel('English name').value).toBe('Kunlun');
    expect(root.querySelector('[data-related="baidu"]')?.textContent).toContain('Baidu');
    await type($<HTMLTextAreaElement>('textarea[name="summaryEn"]'), 'New');
    await submit();
    expect(requests[0]).toMatchObject({
      type: 'entities/save',
      previousId: 'kunlun',
      entity: { id: 'kunlun', summary: { en: 'New' }, related: ['baidu'] },
    });
    expect(onSaved).toHaveBeenCalledWith(saved);
  });

  it('shows a failed save in an alert and keeps the form as typed', async () => {
    const { onSaved } = await mount({
      initialName: 'Kunlun',
      answer: () => ({
        ok: false,
        error: 'quota',
        message: 'Browser storage is full: nothing was saved and your entries and notes are unchanged.',
      }),
    });
    await type($<HTMLTextAreaElement>('textarea[name="summaryEn"]'), 'Typed text');
    await submit();
    expect(onSaved).not.toHaveBeenCalled();
    expect($('[role="alert"]').textContent).toContain('The browser’s storage for Factlens is full');
    expect($<HTMLTextAreaElement>('textarea[name="summaryEn"]').value).toBe('Typed text');
    expect(byLabel('English name').value).toBe('Kunlun');
  });

  it('lists the verdicts of a refused save', async () => {
    await mount({
      initialName: 'Kunlun',
      answer: () => ({
        ok: false,
        error: 'refused',
        message: 'Some aliases would mark ordinary words; nothing was saved.',
        verdicts: [{ alias: 'AI', level: 'refuse', problem: 'too-short', reason: 'is two letters' }],
      }),
    });
    await submit();
    const alert = $('[role="alert"]');
    expect(alert.textContent).toContain('Some aliases would mark ordinary words: nothing was saved.');
    expect(alert.textContent).toContain('“AI” can’t be used');
  });

  it('picks related entries with the keyboard and removes them', async () => {
    const { requests } = await mount({ initialName: 'Kunlun' });
    const combo = $<HTMLInputElement>('[role="combobox"]');
    await act(() => combo.focus());
    await type(combo, 'deepseek');
    expect(combo.getAttribute('aria-expanded')).toBe('true');
    const first = root.querySelector('[role="option"]')!;
    expect(first.getAttribute('data-entity-id')).toBe('deepseek');
    expect(combo.getAttribute('aria-activedescendant')).toBe(first.id);
    await act(() => {
      combo.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    });
    expect(root.querySelector('[data-related="deepseek"]')).not.toBeNull();
    expect(combo.value).toBe('');
    await submit();
    expect(requests[0]).toMatchObject({ entity: { related: ['deepseek'] } });
    await click($('[data-related="deepseek"] button'));
    expect(root.querySelector('[data-related]')).toBeNull();
  });

  it('removes an alias row and keeps the focus in the list', async () => {
    await mount({ initialName: 'Kunlun' });
    await click(button('Add an alias'));
    await type($<HTMLInputElement>('input[name="alias"]'), 'KL chip');
    await click($('[data-alias-row="0"] button'));
    expect(root.querySelector('input[name="alias"]')).toBeNull();
    expect(document.activeElement?.textContent).toBe('Add an alias');
  });

  it('cancels', async () => {
    const { onCancel } = await mount();
    await click(button('Cancel'));
    expect(onCancel).toHaveBeenCalled();
  });
});
