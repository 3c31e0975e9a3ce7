// The side panel's desk as a reader uses it: pins and notes in one list, the kind, tag and search
// filters, delete with undo, failures said aloud, and export and import of what is shown.
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Note, UserEntity } from '@/lib/knowledge/schema';
import type { KnowledgeWriteResult } from '@/lib/messages/background';
import { pinsToJson } from '@/lib/pins/export';
import { type Pin, pinId } from '@/lib/pins/schema';
import { click, mount, speak, type, unmount } from '../shared/test-helpers';
import { PinsView } from '../sidepanel/PinsView';
import type { PinsApi } from '../sidepanel/use-pins';

const knowledge = vi.hoisted(() => ({
  notes: [] as Note[],
  entities: [] as UserEntity[],
  readOnly: false,
  ask: (async () => ({ ok: true })) as (request: unknown) => Promise<unknown>,
}));

vi.mock('@/components/shared/use-knowledge', () => ({
  useKnowledge: () => ({
    view: {
      state: { entities: knowledge.entities, notes: knowledge.notes, packs: [] },
      problems: [],
      readOnly: knowledge.readOnly,
    },
    loaded: true,
    ask: (request: unknown) => knowledge.ask(request),
  }),
  askKnowledge: (request: unknown) => knowledge.ask(request),
}));

const FACT = 'intro-series-94-overseas-ai-unicorns';
const OTHER_FACT = 'intro-article-origin-vc-popcorn-huxiu';

function pin(factId: string, pinnedAt: number, over: Partial<Pin> = {}): Pin {
  const url = over.url ?? 'https://news.example/a';
  return {
    id: pinId(factId, url),
    factId,
    entity: 'deepseek',
    url,
    title: 'A news page',
    pinnedAt,
    note: '',
    tags: [],
    quote: '',
    ...over,
  };
}

function note(id: string, createdAt: number, over: Partial<Note> = {}): Note {
  return {
    id,
    entity: 'deepseek',
    text: 'A note',
    url: '',
    title: '',
    quote: '',
    tags: [],
    createdAt,
    updatedAt: createdAt,
    pack: 'mine',
    ...over,
  };
}

const quotedPin = pin(FACT, 400, {
  quote: 'DeepSeek released its model on Monday.',
  tags: ['models'],
});
const plainPin = pin(OTHER_FACT, 100, { entity: 'alibaba' });
const chipNote = note('n-chip', 300, {
  entity: 'my-chip',
  text: 'Check the HBM figure.',
  quote: 'The chip ships with 96 GB of HBM.',
  title: 'Chip launch',
  url: 'https://chips.example/launch',
  tags: ['todo'],
});
const deepNote = note('n-deep', 200, { text: 'Compare with the pinned fact.', tags: ['Models'] });

let root: HTMLElement | null = null;
let api: PinsApi;
let asked: unknown[];

function makeApi(pins: Pin[]): PinsApi {
  return {
    state: { pins, problems: [], readOnly: false },
    pinnedFacts: new Set(pins.map((p) => p.factId)),
    pinFromPanel: vi.fn(),
    update: vi.fn(async () => ({ ok: true })),
    remove: vi.fn(async (ids: string[]) => ({ ok: true, removed: pins.filter((p) => ids.includes(p.id)) })),
    restore: vi.fn(async () => ({ ok: true, added: 1, merged: 0, rejected: [], notices: [] })),
    clear: vi.fn(async () => ({ ok: true, removed: pins })),
    importText: vi.fn(async () => ({ ok: true, added: 1, merged: 0, rejected: [], notices: [] })),
  } as unknown as PinsApi;
}

async function show() {
  root = await mount(<PinsView lang="en" pins={api} onOpenEntity={() => {}} />);
  return root;
}

const listed = (r: HTMLElement) =>
  [...r.querySelectorAll<HTMLElement>('ul.fl-facts > li')].map((li) =>
    li.dataset.note ? `note:${li.dataset.note}` : `pin:${li.dataset.fact}`,
  );
const radio = (r: HTMLElement, value: string) =>
  r.querySelector<HTMLInputElement>(`.fl-desk-kinds input[type="radio"][value="${value}"]`)!;
const button = (r: HTMLElement, text: string | RegExp) =>
  [...r.querySelectorAll('button')].find((b) =>
    typeof text === 'string' ? b.textContent === text : text.test(b.textContent ?? ''),
  );
const alertText = (r: HTMLElement) =>
  [...r.querySelectorAll('[role="alert"]')].map((a) => a.textContent).join(' | ');

/** What the export buttons download, as text. */
function captureDownloads(): string[] {
  const files: string[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    files.push(String(files.length));
    void (blob as Blob).text().then((text) => {
      files[files.length - 1] = text;
    });
    return 'blob:test';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  return files;
}

beforeEach(() => {
  fakeBrowser.reset();
  speak('en');
  knowledge.notes = [chipNote, deepNote];
  knowledge.entities = [{ id: 'my-chip', name: { en: 'My Chip', zh: '我的芯片' } } as UserEntity];
  knowledge.readOnly = false;
  asked = [];
  knowledge.ask = async (request) => {
    asked.push(request);
    return { ok: true };
  };
  api = makeApi([quotedPin, plainPin]);
});
afterEach(async () => {
  if (root) await unmount(root);
  root = null;
  vi.restoreAllMocks();
});

describe('the desk', () => {
  it('lists pins and notes together, newest first, with the count of both', async () => {
    const r = await show();
    expect(listed(r)).toEqual([`pin:${FACT}`, 'note:n-chip', 'note:n-deep', `pin:${OTHER_FACT}`]);
    expect(r.querySelector('.fl-desk-count')?.textContent).toBe('4 of 4 items');
    // Pins are still the fact items they were; notes are their own items.
    expect(r.querySelectorAll('.fl-pins .fl-fact')).toHaveLength(2);
    expect(r.querySelectorAll('.fl-pins .fl-desk-note')).toHaveLength(2);
  });

  it("shows a pin's quote as a blockquote, and none for a pin without one", async () => {
    const r = await show();
    const [quoted, plain] = [...r.querySelectorAll('.fl-fact')];
    expect(quoted?.querySelector('blockquote.fl-quote')?.textContent).toBe(
      'DeepSeek released its model on Monday.',
    );
    expect(plain?.querySelector('blockquote')).toBeNull();
  });

  it("names a note's entry from the reader's own entries, else by its id", async () => {
    knowledge.notes = [chipNote, note('n-x', 1, { entity: 'unknown-thing' })];
    const r = await show();
    const names = [...r.querySelectorAll('.fl-desk-note .fl-note-entity')].map((b) => b.textContent);
    expect(names).toEqual(['My Chip', 'unknown-thing']);
  });

  it('filters by kind: all, pins, notes', async () => {
    const r = await show();
    const legend = r.querySelector('.fl-desk-kinds legend')?.textContent;
    expect(legend).toBe('Show:');
    expect([...r.querySelectorAll('.fl-desk-kinds label')].map((l) => l.textContent)).toEqual([
      'All',
      'Pins',
      'Notes',
    ]);
    expect(radio(r, 'all').checked).toBe(true);
    await click(radio(r, 'notes'));
    expect(listed(r)).toEqual(['note:n-chip', 'note:n-deep']);
    expect(r.querySelector('.fl-desk-count')?.textContent).toBe('2 of 4 items');
    await click(radio(r, 'pins'));
    expect(listed(r)).toEqual([`pin:${FACT}`, `pin:${OTHER_FACT}`]);
    await click(radio(r, 'all'));
    expect(listed(r)).toHaveLength(4);
  });

  it('filters by a tag across pins and notes, and by entry', async () => {
    const r = await show();
    const select = r.querySelector<HTMLSelectElement>('select.fl-desk-filter')!;
    expect([...select.options].map((o) => o.value)).toEqual([
      '',
      'tag:models',
      'tag:todo',
      'entity:deepseek',
      'entity:my-chip',
      'entity:alibaba',
    ]);
    await act(() => {
      select.value = 'tag:models';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(listed(r)).toEqual([`pin:${FACT}`, 'note:n-deep']);
    await act(() => {
      select.value = 'entity:my-chip';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(listed(r)).toEqual(['note:n-chip']);
  });

  it('searches note texts and quotes', async () => {
    const r = await show();
    await type(r.querySelector<HTMLInputElement>('#pins-q')!, 'HBM');
    expect(listed(r)[0]).toBe('note:n-chip');
    await type(r.querySelector<HTMLInputElement>('#pins-q')!, 'released its model on Monday');
    expect(listed(r)[0]).toBe(`pin:${FACT}`);
    await type(r.querySelector<HTMLInputElement>('#pins-q')!, 'qqqzzzxx');
    expect(listed(r)).toEqual([]);
    expect(r.textContent).toContain('Nothing on the desk matches.');
  });

  it('deletes a note with undo', async () => {
    knowledge.ask = async (request) => {
      asked.push(request);
      return (request as { type: string }).type === 'notes/remove'
        ? { ok: true, removed: [chipNote] }
        : { ok: true, added: 1 };
    };
    const r = await show();
    const item = r.querySelector('[data-note="n-chip"]')!;
    await click(button(item as HTMLElement, 'Delete'));
    expect(asked).toEqual([{ type: 'notes/remove', ids: ['n-chip'] }]);
    expect(r.querySelector('[role="status"]')?.textContent).toContain('1 note deleted.');
    const undo = button(r, 'Undo');
    expect(document.activeElement).toBe(undo);
    await click(undo);
    expect(asked[1]).toEqual({ type: 'notes/restore', notes: [chipNote] });
    expect(r.querySelector('[role="status"]')?.textContent).toContain('Restored.');
  });

  it('says so when a delete fails, with the reason', async () => {
    knowledge.ask = async () =>
      ({
        ok: false,
        error: 'storage',
        message: 'The extension could not be reached; nothing was changed.',
      }) as KnowledgeWriteResult;
    const r = await show();
    await click(button(r.querySelector('[data-note="n-chip"]') as HTMLElement, 'Delete'));
    expect(alertText(r)).toBe(
      'Not deleted: The browser’s storage could not be used: nothing was changed. (The extension could not be reached; nothing was changed.)',
    );
    expect(button(r, 'Undo')).toBeUndefined();
  });

  it('says so when deleting a pin fails', async () => {
    (api.remove as ReturnType<typeof vi.fn>).mockResolvedValue({
      ok: false,
      error: 'quota',
      message: 'Browser storage is full: the change was not saved and your pins are unchanged.',
    });
    const r = await show();
    const pinItem = r.querySelector(`[data-fact="${FACT}"]`) as HTMLElement;
    await click(button(pinItem, 'Delete'));
    expect(alertText(r)).toBe(
      'Not deleted: Browser storage is full: the change was not saved and your pins are unchanged.',
    );
  });

  it("when a pin's note cannot be saved: says why beside it and shows what is stored", async () => {
    (api.update as ReturnType<typeof vi.fn>).mockResolvedValue({ ok: false, error: 'quota' });
    const r = await show();
    const pinItem = r.querySelector(`[data-fact="${FACT}"]`) as HTMLElement;
    const field = pinItem.querySelector<HTMLTextAreaElement>('textarea.fl-note')!;
    await type(field, 'A note that does not fit');
    await act(async () => {
      field.dispatchEvent(new FocusEvent('blur'));
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(api.update).toHaveBeenCalledWith(quotedPin.id, { note: 'A note that does not fit' });
    expect(pinItem.querySelector('[role="alert"]')?.textContent).toBe(
      'Not saved: browser storage is full; nothing was changed',
    );
    expect(field.value).toBe('');
  });

  it('saves an edited note through notes/update', async () => {
    const r = await show();
    const field = r.querySelector<HTMLTextAreaElement>('[data-note="n-deep"] textarea.fl-note-edit')!;
    await type(field, 'Compared: they agree.');
    await act(async () => {
      field.dispatchEvent(new FocusEvent('blur'));
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(asked).toEqual([{ type: 'notes/update', id: 'n-deep', text: 'Compared: they agree.' }]);
    expect(r.querySelector('[role="status"]')?.textContent).toContain('Saved.');
  });

  it('exports what is shown: pins and notes, or notes only', async () => {
    const files = captureDownloads();
    const r = await show();
    const md = r.querySelector<HTMLButtonElement>('button[data-export="md"]')!;
    const csv = r.querySelector<HTMLButtonElement>('button[data-export="csv"]')!;
    const json = r.querySelector<HTMLButtonElement>('button[data-export="json"]')!;
    expect([md.textContent, csv.textContent, json.textContent]).toEqual([
      'Markdown',
      'CSV',
      'JSON (for import)',
    ]);
    await click(json);
    await click(csv);
    await click(radio(r, 'notes'));
    await click(json);
    await click(md);
    await vi.waitFor(() => expect(files.every((f) => f.length > 2)).toBe(true));
    const all = JSON.parse(files[0]!);
    expect(all.pins.map((p: Pin) => p.factId)).toEqual([FACT, OTHER_FACT]);
    expect(all.pins[0].quote).toBe('DeepSeek released its model on Monday.');
    expect(all.notes.map((n: Note) => n.id)).toEqual(['n-chip', 'n-deep']);
    const rows = files[1]!.replace(/^\uFEFF/, '').split('\r\n');
    expect(rows[0]).toMatch(/^kind,date,.*,note,quote,tags,page_title,page_url$/);
    expect(rows.slice(1, 5).map((row) => row.split(',')[0])).toEqual(['pin', 'note', 'note', 'pin']);
    const notesOnly = JSON.parse(files[2]!);
    expect([notesOnly.pins, notesOnly.notes.length]).toEqual([[], 2]);
    expect(files[3]).toContain('## My Chip / 我的芯片');
    expect(files[3]).toContain('  > The chip ships with 96 GB of HBM.');
    expect(files[3]).not.toContain('## Sources');
  });

  it('imports a desk file: its pins to the pin store, its notes to the knowledge store', async () => {
    knowledge.ask = async (request) => {
      asked.push(request);
      return { ok: true, added: 1, rejected: [] };
    };
    const r = await show();
    const text = pinsToJson([plainPin], new Date(0), [chipNote, deepNote]);
    const input = r.querySelector<HTMLInputElement>('[data-testid="import-file"]')!;
    Object.defineProperty(input, 'files', { value: [new File([text], 'desk.json')], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    await vi.waitFor(() => expect(asked).toHaveLength(1));
    expect(api.importText).toHaveBeenCalledWith(text);
    expect(asked[0]).toEqual({ type: 'notes/restore', notes: JSON.parse(text).notes });
    await vi.waitFor(() =>
      expect(r.querySelector('[role="status"]')?.textContent).toContain(
        'Imported: 1 new, 0 merged. Notes: 1 added, 1 already here or about entries this browser does not have.',
      ),
    );
  });

  it('tells an empty desk how to fill it', async () => {
    knowledge.notes = [];
    api = makeApi([]);
    const r = await show();
    expect(r.querySelector('.fl-empty-state')?.textContent).toMatch(/^No pins yet/);
  });
});
