// The reader's entries in the side panel: Explore finds them, EntityPage shows them and the notes.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type KnowledgeState,
  type Note,
  parseNote,
  parseUserEntity,
  type UserEntity,
} from '@/lib/knowledge/schema';
import { speak } from '../shared/test-helpers';
import type { KnowledgeApi } from '../shared/use-knowledge';
import { EntityPage } from '../sidepanel/EntityPage';
import { ExploreView } from '../sidepanel/ExploreView';

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
  const parsed = parseUserEntity({ type: 'chip', ...input }, 1000);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}
function note(input: Record<string, unknown>): Note {
  const parsed = parseNote(input, 2000);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}

const kunlun = entity({
  id: 'kunlun-p800',
  name: { en: 'Kunlun P800', zh: '昆仑芯 P800' },
  aliases: ['Kunlun'],
  summary: { zh: '百度的芯片。' },
  related: ['deepseek', 'gone-entry'],
});
const state: KnowledgeState = {
  entities: [kunlun],
  notes: [
    note({
      id: 'n-1',
      entity: 'kunlun-p800',
      text: 'Check the yield',
      url: 'https://example.com/a',
      title: 'A page',
      quote: 'The P800 ships',
    }),
    note({ id: 'n-2', entity: 'deepseek', text: 'Open weights', url: 'javascript:alert(1)' }),
  ],
  packs: [],
};
const knowledge: KnowledgeApi = {
  view: { state, problems: [], readOnly: false },
  loaded: true,
  ask: async () => ({ ok: true }),
};
const pins = { pinnedFacts: new Set<string>(), pinFromPanel: vi.fn() } as never;

describe('Explore', () => {
  it('finds the reader’s entry, labelled, before an equally good built-in match', async () => {
    await act(() =>
      render(
        <ExploreView
          lang="en"
          query="kunlun"
          onQuery={() => {}}
          onOpenEntity={() => {}}
          pins={pins}
          knowledge={knowledge}
          newEntry={null}
          onNewEntry={() => {}}
          onEntrySaved={() => {}}
        />,
        root,
      ),
    );
    const first = root.querySelector('.fl-entity-list button')!;
    expect(first.getAttribute('data-entity-id')).toBe('kunlun-p800');
    expect(first.getAttribute('data-own')).toBe('true');
    expect(first.textContent).toContain('Your entry');
  });

  it('opens the editor from "New entry", prefilled from a request', async () => {
    const onNewEntry = vi.fn();
    const props = {
      lang: 'en' as const,
      query: '',
      onQuery: () => {},
      onOpenEntity: () => {},
      pins,
      knowledge,
      onNewEntry,
      onEntrySaved: () => {},
    };
    await act(() => render(<ExploreView {...props} newEntry={null} />, root));
    expect(root.querySelector('[data-own="true"]')?.textContent).toBe('Kunlun P800');
    await act(() => root.querySelector<HTMLButtonElement>('[data-action="new-entry"]')!.click());
    expect(onNewEntry).toHaveBeenCalledWith({ text: '', at: expect.any(Number) });
    await act(() => render(<ExploreView {...props} newEntry={{ text: '昇腾 910C', at: 1 }} />, root));
    expect(root.querySelector<HTMLInputElement>('input[name="nameEn"]')!.value).toBe('昇腾 910C');
  });
});

describe('EntityPage', () => {
  const page = (id: string, lang: 'en' | 'zh' = 'en', onOpenEntity = vi.fn()) =>
    act(() =>
      render(
        <EntityPage
          id={id}
          lang={lang}
          knowledge={knowledge}
          pinnedFacts={new Set()}
          onPin={() => {}}
          onOpenEntity={onOpenEntity}
          onBack={() => {}}
        />,
        root,
      ),
    );

  it('shows a user entry: names, type, description in the other language, aliases, related, notes', async () => {
    const open = vi.fn();
    await page('kunlun-p800', 'en', open);
    const article = root.querySelector('article[data-own="true"]')!;
    expect(article.querySelector('h2')?.textContent).toBe('Kunlun P800 昆仑芯 P800');
    expect(article.textContent).toContain('Chip');
    expect(article.querySelector('[data-field="source"]')?.textContent).toBe('Your entry');
    expect(article.querySelector('[data-field="summary"]')?.textContent).toBe('百度的芯片。');
    expect(article.querySelector('[data-field="aliases"]')?.textContent).toContain('Kunlun');
    const related = [...article.querySelectorAll('.fl-related button')];
    expect(related.map((b) => b.textContent)).toEqual(['DeepSeek']);
    await act(() => (related[0] as HTMLButtonElement).click());
    expect(open).toHaveBeenCalledWith('deepseek');
    const notes = article.querySelectorAll('[data-note-id]');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.textContent).toContain('Check the yield');
    expect(notes[0]!.querySelector('blockquote')?.textContent).toBe('The P800 ships');
    expect(notes[0]!.querySelector('a')?.getAttribute('href')).toBe('https://example.com/a');
  });

  it('edits a user entry in place', async () => {
    await page('kunlun-p800');
    await act(() => root.querySelector<HTMLButtonElement>('[data-action="edit-entry"]')!.click());
    expect(root.querySelector('form')?.getAttribute('data-editing')).toBe('kunlun-p800');
  });

  it('lists the reader’s notes on a built-in entry, never linking a script URL', async () => {
    await page('deepseek');
    const notes = root.querySelectorAll('[data-note-id]');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.textContent).toContain('Open weights');
    expect(notes[0]!.querySelector('a')).toBeNull();
  });
});
