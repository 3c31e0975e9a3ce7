import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PACK_FORMAT, readPack } from '@/lib/knowledge/pack';
import {
  type KnowledgeState,
  type Note,
  parseNote,
  parseUserEntity,
  type UserEntity,
} from '@/lib/knowledge/schema';
import type { KnowledgeWriteResult } from '@/lib/messages/background';
import { speak } from '../shared/test-helpers';
import type { KnowledgeApi, KnowledgeRequest } from '../shared/use-knowledge';
import { EntriesSection } from './EntriesSection';
import { PacksSection, problemLine } from './PacksSection';

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

function entity(id: string, en: string, pack = 'mine'): UserEntity {
  const parsed = parseUserEntity({ id, type: 'chip', name: { en }, pack }, 1000);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}
function note(id: string, about: string): Note {
  const parsed = parseNote({ id, entity: about, text: `About ${about}` }, 2000);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}

function api(state: KnowledgeState, answer: (r: KnowledgeRequest) => KnowledgeWriteResult) {
  const requests: KnowledgeRequest[] = [];
  const knowledge: KnowledgeApi = {
    view: { state, problems: [], readOnly: false },
    loaded: true,
    ask: async (request) => {
      requests.push(request);
      return answer(request);
    },
  };
  return { knowledge, requests };
}

const button = (text: string, scope: ParentNode = root) => {
  const b = [...scope.querySelectorAll('button')].find((x) => x.textContent?.trim() === text);
  if (!b) throw new Error(`no button ${text}`);
  return b;
};
async function click(el: HTMLElement) {
  await act(async () => {
    el.click();
    await new Promise((r) => setTimeout(r, 0));
  });
}

describe('Your entries', () => {
  const mine = entity('kunlun', 'Kunlun');
  const packed = entity('ascend-x', 'Ascend X', 'pack-chips');
  const state: KnowledgeState = {
    entities: [mine, packed],
    notes: [note('n-1', 'kunlun')],
    packs: [{ id: 'pack-chips', name: 'Chips', author: 'Li', revision: 2, enabled: true, importedAt: 1 }],
  };

  it('lists every entry with its type, aliases and where it comes from', async () => {
    const { knowledge } = api(state, () => ({ ok: true }));
    await act(() => render(<EntriesSection knowledge={knowledge} lang="en" />, root));
    const rows = root.querySelectorAll('#entries [data-entry-id]');
    expect([...rows].map((r) => r.getAttribute('data-entry-id'))).toEqual(['ascend-x', 'kunlun']);
    const kunlun = root.querySelector('[data-entry-id="kunlun"]')!;
    expect(kunlun.textContent).toContain('Your entry');
    expect(kunlun.textContent).toContain('Chip');
    expect(kunlun.textContent).toContain('1 note');
    expect(kunlun.querySelector('[data-field="aliases"]')?.textContent).toBe('Aliases: Kunlun');
    expect(root.querySelector('[data-entry-id="ascend-x"]')?.textContent).toContain('From pack “Chips”');
    expect(button('Edit', kunlun).getAttribute('aria-label')).toBe('Edit “Kunlun”');
    expect(root.textContent).toContain('What a page can see');
  });

  it('deletes with an undo that restores the removed entries and notes', async () => {
    const removed = { entities: [mine], notes: state.notes };
    const { knowledge, requests } = api(state, (r) =>
      r.type === 'entities/remove' ? { ok: true, removed } : { ok: true, entities: 1, notes: 1 },
    );
    await act(() => render(<EntriesSection knowledge={knowledge} lang="en" />, root));
    await click(button('Delete', root.querySelector('[data-entry-id="kunlun"]')!));
    expect(requests[0]).toEqual({ type: 'entities/remove', ids: ['kunlun'] });
    expect(root.querySelector('[role="status"]')?.textContent).toContain('Deleted “Kunlun” and its 1 note.');
    const undo = button('Undo');
    expect(document.activeElement).toBe(undo);
    await click(undo);
    expect(requests[1]).toEqual({ type: 'entities/restore', entities: [mine], notes: state.notes });
    expect(root.querySelector('[role="status"]')?.textContent).toContain('Restored.');
  });

  it('shows why a delete failed', async () => {
    const { knowledge } = api(state, () => ({ ok: false, error: 'quota', message: 'full' }));
    await act(() => render(<EntriesSection knowledge={knowledge} lang="en" />, root));
    await click(button('Delete', root.querySelector('[data-entry-id="kunlun"]')!));
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('storage for Factlens is full');
  });

  it('opens the editor for a new entry and for an edit', async () => {
    const { knowledge } = api(state, () => ({ ok: true }));
    await act(() => render(<EntriesSection knowledge={knowledge} lang="en" />, root));
    await click(button('New entry'));
    expect(root.querySelector('#entries form[data-testid="entry-editor"]')).not.toBeNull();
    await click(button('Cancel'));
    await click(button('Edit', root.querySelector('[data-entry-id="kunlun"]')!));
    expect(root.querySelector('[data-entry-id="kunlun"] form')?.getAttribute('data-editing')).toBe('kunlun');
  });
});

describe('Packs', () => {
  const state: KnowledgeState = {
    entities: [entity('kunlun', 'Kunlun'), entity('ascend-x', 'Ascend X', 'pack-chips')],
    notes: [note('n-1', 'kunlun')],
    packs: [{ id: 'pack-chips', name: 'Chips', author: 'Li', revision: 2, enabled: true, importedAt: 1 }],
  };

  async function choose(file: unknown) {
    const input = root.querySelector<HTMLInputElement>('input[type="file"]')!;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
    });
  }

  it('lists the built-in knowledge base first, then each pack with its counts and switch', async () => {
    const { knowledge, requests } = api(state, () => ({ ok: true }));
    await act(() => render(<PacksSection knowledge={knowledge} lang="en" />, root));
    const rows = root.querySelectorAll('#packs [data-pack-id]');
    expect([...rows].map((r) => r.getAttribute('data-pack-id'))).toEqual(['built-in', 'pack-chips']);
    expect(rows[0]!.textContent).toMatch(/Built in.*\d+ entries · \d+ facts · Always on/);
    expect(rows[0]!.querySelector('button, input')).toBeNull();
    expect(rows[1]!.textContent).toContain('by Li · 1 entry · 0 notes');
    const toggle = rows[1]!.querySelector<HTMLInputElement>('input[role="switch"]')!;
    expect(toggle.checked).toBe(true);
    await click(toggle);
    expect(requests[0]).toEqual({ type: 'packs/set-enabled', id: 'pack-chips', enabled: false });
  });

  it('shows a failed switch and redraws it as stored', async () => {
    const { knowledge } = api(state, () => ({ ok: false, error: 'quota', message: 'full' }));
    await act(() => render(<PacksSection knowledge={knowledge} lang="en" />, root));
    await click(root.querySelector<HTMLInputElement>('[data-pack-id="pack-chips"] input[role="switch"]')!);
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('storage for Factlens is full');
    const toggle = root.querySelector<HTMLInputElement>('[data-pack-id="pack-chips"] input[role="switch"]')!;
    expect(toggle.checked).toBe(true);
  });

  it('asks before removing a pack', async () => {
    const { knowledge, requests } = api(state, () => ({ ok: true }));
    await act(() => render(<PacksSection knowledge={knowledge} lang="en" />, root));
    await click(button('Remove'));
    expect(requests).toHaveLength(0);
    expect(root.textContent).toContain('Remove “Chips” with its entries (1) and notes (0)?');
    await click(button('Remove pack'));
    expect(requests).toEqual([{ type: 'packs/remove', id: 'pack-chips' }]);
  });

  it('refuses a file over the limit without reading it', async () => {
    const { knowledge, requests } = api(state, () => ({ ok: true }));
    await act(() => render(<PacksSection knowledge={knowledge} lang="en" />, root));
    const text = vi.fn(async () => '');
    await choose({ name: 'huge.json', size: 25_000_000, text });
    expect(text).not.toHaveBeenCalled();
    expect(requests).toHaveLength(0);
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(
      '“huge.json” is 25.0 MB; a pack can be at most 20 MB. It was not read, and nothing was changed.',
    );
  });

  it('imports a pack and reports what was accepted, skipped and why', async () => {
    const text = JSON.stringify({ format: PACK_FORMAT, version: 1, name: 'Chips', entities: [] });
    const { knowledge, requests } = api(state, () => ({
      ok: true,
      pack: { id: 'pack-chips', name: 'Chips' },
      accepted: { entities: 3, notes: 1 },
      skipped: { entities: 1, notes: 0 },
      problems: [
        { severity: 'error', kind: 'entity', id: 'bad', field: 'name', message: 'name needs a name' },
        { severity: 'warning', kind: 'pack', id: 'pack-chips', field: '', message: 'no author' },
      ],
    }));
    await act(() => render(<PacksSection knowledge={knowledge} lang="en" />, root));
    await choose(new File([text], 'chips.json', { type: 'application/json' }));
    expect(requests).toEqual([{ type: 'packs/import', text }]);
    const report = root.querySelector('[data-testid="pack-report"]')!;
    expect(report.textContent).toContain(
      'Imported “Chips”. Accepted: entries 3, notes 1. Skipped: entries 1, notes 0.',
    );
    expect([...report.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Error · entry bad · name: name needs a name',
      'Warning · pack pack-chips: no author',
    ]);
  });

  it('says nothing was changed when a pack is refused whole', async () => {
    const read = readPack('not json', { builtIn: { ids: new Set(), aliases: new Map() } });
    const { knowledge } = api(state, () => ({
      ok: false,
      error: 'invalid',
      message: read.problems[0]!.message,
      problems: read.problems,
    }));
    await act(() => render(<PacksSection knowledge={knowledge} lang="en" />, root));
    await choose(new File(['not json'], 'bad.json'));
    expect(root.querySelector('[role="alert"]')?.textContent).toMatch(
      /^Nothing was imported and nothing was changed: the pack is not JSON/,
    );
  });

  it('exports the reader’s own entries and notes as a dated pack file', async () => {
    const names: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:x');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    let blob: Blob | undefined;
    vi.mocked(URL.createObjectURL).mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:x';
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const { knowledge } = api(state, () => ({ ok: true }));
    await act(() => render(<PacksSection knowledge={knowledge} lang="en" />, root));
    await click(button('Export my entries and notes'));
    expect(names[0]).toMatch(/^factlens-pack-\d{4}-\d{2}-\d{2}\.json$/);
    const pack = JSON.parse(await blob!.text());
    expect(pack).toMatchObject({ format: PACK_FORMAT, name: 'My Factlens entries', author: '', own: true });
    expect(pack.entities.map((e: { id: string }) => e.id)).toEqual(['kunlun']);
    expect(pack.notes).toHaveLength(1);
  });

  it('deletes all the reader’s entries and notes after asking, with an undo', async () => {
    const removed = { entities: [state.entities[0]], notes: state.notes };
    const { knowledge, requests } = api(state, (r) =>
      r.type === 'knowledge/clear' ? { ok: true, removed } : { ok: true, entities: 1, notes: 1 },
    );
    await act(() => render(<PacksSection knowledge={knowledge} lang="en" />, root));
    await click(button('Delete all my entries and notes'));
    expect(requests).toHaveLength(0);
    await click(button('Delete all'));
    expect(requests[0]).toEqual({ type: 'knowledge/clear' });
    expect(root.textContent).toContain('Deleted your entries (1) and notes (1).');
    await click(button('Undo'));
    expect(requests[1]).toEqual({
      type: 'entities/restore',
      entities: removed.entities,
      notes: removed.notes,
    });
    expect(root.textContent).toContain('Restored entries (1) and notes (1).');
  });

  it('writes a problem as severity · kind id · field: message, in the reader’s language', () => {
    speak('zh');
    expect(problemLine({ severity: 'warning', kind: 'note', id: 'n-1', field: 'url', message: 'm' })).toBe(
      '警告 · 笔记 n-1 · url: m',
    );
  });
});
