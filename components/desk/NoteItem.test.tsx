import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Note } from '@/lib/knowledge/schema';
import type { KnowledgeWriteResult } from '@/lib/messages/background';
import { leave, mount, press, speak, type, unmount } from '../shared/test-helpers';
import { NoteItem, type NoteItemProps } from './NoteItem';

const note: Note = {
  id: 'n-lx1-ab',
  entity: 'my-chip',
  text: 'Check the HBM figure.',
  url: 'https://chips.example/launch',
  title: 'Chip launch',
  quote: 'The chip ships with 96 GB of HBM.',
  tags: ['chips', 'todo'],
  createdAt: Date.UTC(2024, 10, 6, 9, 0),
  updatedAt: Date.UTC(2024, 10, 6, 9, 0),
  pack: 'mine',
};

let root: HTMLElement | null = null;

async function show(over: Partial<NoteItemProps> = {}) {
  const props: NoteItemProps = {
    note,
    lang: 'en',
    entityName: 'My Chip',
    readOnly: false,
    onUpdate: vi.fn(async () => ({ ok: true }) as KnowledgeWriteResult),
    onStatus: vi.fn(),
    onDelete: vi.fn(),
    onOpenEntity: vi.fn(),
    ...over,
  };
  root = await mount(
    <ul>
      <NoteItem {...props} />
    </ul>,
  );
  const item = root.querySelector<HTMLElement>('li.fl-desk-note')!;
  return {
    props,
    item,
    text: item.querySelector<HTMLTextAreaElement>('textarea.fl-note-edit')!,
    tags: item.querySelector<HTMLInputElement>('input.fl-note-tags')!,
    alert: () => item.querySelector('[role="alert"]')?.textContent ?? null,
  };
}

beforeEach(() => {
  fakeBrowser.reset();
  speak('en');
});
afterEach(async () => {
  if (root) await unmount(root);
  root = null;
  vi.restoreAllMocks();
});

describe('a note on the desk', () => {
  it('shows the entry, the text, the tags, the quote, the page as a link, and the date', async () => {
    const { item, text, tags } = await show();
    expect(item.dataset.note).toBe('n-lx1-ab');
    expect(item.querySelector('.fl-kind-note')?.textContent).toBe('Note');
    expect(item.querySelector('.fl-note-entity')?.textContent).toBe('My Chip');
    expect(text.value).toBe('Check the HBM figure.');
    expect(item.querySelector(`label[for="${text.id}"]`)?.textContent).toBe('Note on My Chip');
    expect(tags.value).toBe('chips, todo');
    const quote = item.querySelector('blockquote.fl-quote');
    expect(quote?.textContent).toBe('The chip ships with 96 GB of HBM.');
    expect(quote?.getAttribute('aria-label')).toBe('Quote from the page');
    const link = item.querySelector<HTMLAnchorElement>('.fl-note-source a');
    expect(link?.getAttribute('href')).toBe('https://chips.example/launch');
    expect(link?.textContent).toBe(
      `Noted on Chip launch, ${new Date(note.createdAt).toLocaleDateString('en')}`,
    );
    expect(item.querySelector('[role="alert"]')).toBeNull();
  });

  it('a note written in the side panel has no page and no quote', async () => {
    const { item } = await show({ note: { ...note, url: '', title: '', quote: '' } });
    expect(item.querySelector('blockquote')).toBeNull();
    expect(item.querySelector('.fl-note-source a')).toBeNull();
    expect(item.querySelector('.fl-note-source')?.textContent).toMatch(/^Written /);
  });

  it('saves an edited text when the reader leaves the field', async () => {
    const { props, text } = await show();
    await type(text, 'Check the HBM figure against the spec sheet.');
    await leave(text);
    expect(props.onUpdate).toHaveBeenCalledWith({ text: 'Check the HBM figure against the spec sheet.' });
    expect(props.onStatus).toHaveBeenCalledWith('Saved.');
  });

  it('saves with Ctrl+Enter, and Escape puts back what is stored', async () => {
    const { props, text } = await show();
    await type(text, 'Draft');
    await press(text, 'Escape');
    expect(text.value).toBe('Check the HBM figure.');
    await type(text, 'Final');
    await press(text, 'Enter', { ctrlKey: true });
    expect(props.onUpdate).toHaveBeenCalledWith({ text: 'Final' });
  });

  it('does not write an unchanged text', async () => {
    const { props, text } = await show();
    await leave(text);
    expect(props.onUpdate).not.toHaveBeenCalled();
  });

  it('saves normalised tags', async () => {
    const { props, tags } = await show();
    await type(tags, 'chips， later, Chips');
    await leave(tags);
    expect(props.onUpdate).toHaveBeenCalledWith({ tags: ['chips', 'later'] });
  });

  it('when the write fails: says why and shows what is stored', async () => {
    const onUpdate = vi.fn(
      async (): Promise<KnowledgeWriteResult> => ({
        ok: false,
        error: 'quota',
        message:
          'Browser storage is full: nothing was saved and your entries and notes are unchanged. (QUOTA_BYTES)',
      }),
    );
    const { props, text, tags, alert } = await show({ onUpdate });
    await type(text, 'An edit that will not fit');
    await leave(text);
    expect(alert()).toBe('The browser’s storage for Factlens is full: nothing was changed. (QUOTA_BYTES)');
    expect(text.value).toBe('Check the HBM figure.');
    expect(text.getAttribute('aria-invalid')).toBe('true');
    expect(text.getAttribute('aria-describedby')).toContain(root!.querySelector('[role="alert"]')!.id);
    expect(props.onStatus).not.toHaveBeenCalled();

    await type(tags, 'other');
    await leave(tags);
    expect(tags.value).toBe('chips, todo');
  });

  it('says it in Chinese too, with the store’s detail', async () => {
    speak('zh');
    const { text, alert } = await show({
      lang: 'zh',
      onUpdate: async () => ({
        ok: false,
        error: 'not-found',
        message: 'It no longer exists; it may have been deleted in another window.',
      }),
    });
    await type(text, '改一下');
    await leave(text);
    expect(alert()).toBe('它已不存在,可能已在其他窗口中删除。');
    expect(text.value).toBe('Check the HBM figure.');
  });

  it('a failure without an answer reads as storage', async () => {
    const { text, alert } = await show({ onUpdate: async () => ({ ok: false, error: 'storage' }) });
    await type(text, 'x');
    await leave(text);
    expect(alert()).toBe('The browser’s storage could not be used: nothing was changed.');
  });

  it('refuses an empty text without writing, and keeps the stored one', async () => {
    const { props, text, alert } = await show();
    await type(text, '   ');
    await leave(text);
    expect(props.onUpdate).not.toHaveBeenCalled();
    expect(alert()).toBe('A note needs some text: delete it instead if you no longer want it.');
    expect(text.value).toBe('Check the HBM figure.');
  });

  it('is read-only when the notes are', async () => {
    const { item, text, tags } = await show({ readOnly: true });
    expect(text.readOnly).toBe(true);
    expect(tags.readOnly).toBe(true);
    const del = [...item.querySelectorAll('button')].find((b) => b.textContent === 'Delete');
    expect(del?.disabled).toBe(true);
  });

  it('opens its entry and asks to be deleted', async () => {
    const { props, item } = await show();
    item.querySelector<HTMLButtonElement>('.fl-note-entity')!.click();
    expect(props.onOpenEntity).toHaveBeenCalledWith('my-chip');
    [...item.querySelectorAll('button')].find((b) => b.textContent === 'Delete')!.click();
    expect(props.onDelete).toHaveBeenCalled();
  });
});
