import { describe, expect, it } from 'vitest';
import type { Note } from '@/lib/knowledge/schema';
import { type Pin, pinId } from '@/lib/pins/schema';
import {
  countKinds,
  createDeskSearch,
  type DeskItem,
  deskEntities,
  deskTags,
  domId,
  filterDesk,
  groupByEntity,
  mergeDesk,
  parseTagInput,
  type SearchText,
  sameTags,
  toExportItems,
} from './desk-model';

function pin(factId: string, pinnedAt: number, over: Partial<Pin> = {}): Pin {
  const url = over.url ?? 'https://example.com/p';
  return {
    id: pinId(factId, url),
    factId,
    entity: 'gpt-4',
    url,
    title: 'Page',
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

const FACTS: Record<string, string> = {
  'test-event': 'A model was released in 2023 / 某模型发布',
  'test-opinion': 'The gap is narrowing / 差距正在缩小',
  'test-funding-figure': 'A company raised money / 某公司融资',
};
const NAMES: Record<string, string> = {
  'gpt-4': 'GPT-4',
  deepseek: 'DeepSeek 深度求索',
  'my-chip': 'My Chip 我的芯片',
};

const describeItem = (item: DeskItem): SearchText =>
  item.kind === 'pin'
    ? {
        names: NAMES[item.entity] ?? item.entity,
        fact: FACTS[item.pin.factId] ?? '',
        text: item.pin.note,
        quote: item.pin.quote,
        tags: item.tags.join(' '),
        title: item.pin.title,
      }
    : {
        names: NAMES[item.entity] ?? item.entity,
        fact: '',
        text: item.note.text,
        quote: item.note.quote,
        tags: item.tags.join(' '),
        title: item.note.title,
      };

const pins = [
  pin('test-event', 300, { tags: ['Models'], title: 'Release notes' }),
  pin('test-opinion', 100, {
    entity: 'deepseek',
    quote: 'Analysts say the gap keeps shrinking.',
    tags: ['gap'],
  }),
  pin('test-funding-figure', 500, { entity: 'deepseek', note: 'compare with Moonshot' }),
];
const notes = [
  note('n-a', 400, { text: 'Check the methodology of the benchmark', tags: ['models', 'todo'] }),
  note('n-b', 200, {
    entity: 'my-chip',
    text: 'Second thoughts',
    quote: 'The chip ships with 96 GB of HBM.',
    title: 'Chip launch',
    url: 'https://chips.example/launch',
  }),
  note('n-c', 300, { entity: 'gpt-4', text: 'Same time as a pin' }),
];
const items = mergeDesk(pins, notes);
const keys = (list: readonly DeskItem[]) => list.map((i) => i.key);
const search = createDeskSearch(items, describeItem);

describe('mergeDesk', () => {
  it('lists pins and notes together, newest first (pinned or written)', () => {
    expect(items.map((i) => [i.kind, i.at])).toEqual([
      ['pin', 500],
      ['note', 400],
      ['note', 300],
      ['pin', 300],
      ['note', 200],
      ['pin', 100],
    ]);
  });

  it('breaks ties by key, so the order never depends on the order given', () => {
    const reversed = mergeDesk([...pins].reverse(), [...notes].reverse());
    expect(keys(reversed)).toEqual(keys(items));
    // "note:…" sorts before "pin:…".
    expect(keys(items).slice(2, 4)).toEqual(['note:n-c', `pin:${pins[0]!.id}`]);
  });

  it('gives every item a unique key, its entity and its tags', () => {
    expect(new Set(keys(items)).size).toBe(items.length);
    const first = items[0]!;
    expect(first).toMatchObject({ kind: 'pin', entity: 'deepseek', tags: [], pin: pins[2] });
    expect(items[1]).toMatchObject({
      kind: 'note',
      entity: 'deepseek',
      tags: ['models', 'todo'],
      note: notes[0],
    });
    expect(mergeDesk([], [])).toEqual([]);
  });
});

describe('filterDesk', () => {
  it('shows everything, newest first, without a filter', () => {
    expect(keys(filterDesk(items, {}))).toEqual(keys(items));
    expect(keys(filterDesk(items, { query: '   ', kind: 'all' }, search))).toEqual(keys(items));
  });

  it('filters by kind', () => {
    expect(filterDesk(items, { kind: 'pins' }).map((i) => i.kind)).toEqual(['pin', 'pin', 'pin']);
    expect(filterDesk(items, { kind: 'notes' }).map((i) => i.at)).toEqual([400, 300, 200]);
  });

  it('filters by a tag across pins and notes, regardless of case', () => {
    expect(keys(filterDesk(items, { tag: 'models' }))).toEqual(['note:n-a', `pin:${pins[0]!.id}`]);
    expect(keys(filterDesk(items, { tag: 'MODELS', kind: 'notes' }))).toEqual(['note:n-a']);
    expect(filterDesk(items, { tag: 'nothing' })).toEqual([]);
  });

  it('filters by entity across pins and notes', () => {
    expect(keys(filterDesk(items, { entity: 'deepseek' }))).toEqual([
      `pin:${pins[2]!.id}`,
      'note:n-a',
      `pin:${pins[1]!.id}`,
    ]);
    expect(keys(filterDesk(items, { entity: 'deepseek', kind: 'pins', tag: 'gap' }))).toEqual([
      `pin:${pins[1]!.id}`,
    ]);
  });

  it('searches note texts, quotes, page titles, fact texts, names and tags', () => {
    const top = (query: string) => filterDesk(items, { query }, search)[0]?.key;
    expect(top('methodology')).toBe('note:n-a');
    expect(top('HBM')).toBe('note:n-b');
    expect(top('Chip launch')).toBe('note:n-b');
    expect(top('shrinking')).toBe(`pin:${pins[1]!.id}`);
    expect(top('Release notes')).toBe(`pin:${pins[0]!.id}`);
    expect(top('差距')).toBe(`pin:${pins[1]!.id}`);
    expect(top('Moonshot')).toBe(`pin:${pins[2]!.id}`);
    expect(top('我的芯片')).toBe('note:n-b');
    expect(top('todo')).toBe('note:n-a');
    // Fuzzy: a typo still finds it.
    expect(top('methodolgy')).toBe('note:n-a');
    expect(filterDesk(items, { query: 'zzzzqqq' }, search)).toEqual([]);
  });

  it('applies the kind, tag and entity to search results too', () => {
    expect(filterDesk(items, { query: 'methodology', kind: 'pins' }, search)).toEqual([]);
    expect(filterDesk(items, { query: 'Release notes', kind: 'notes' }, search)).toEqual([]);
    const found = filterDesk(items, { query: 'Same time', kind: 'notes' }, search);
    expect(found[0]?.key).toBe('note:n-c');
    expect(found.every((i) => i.kind === 'note')).toBe(true);
    expect(
      keys(filterDesk(items, { query: 'methodology', tag: 'TODO', entity: 'deepseek' }, search)),
    ).toEqual(['note:n-a']);
  });
});

describe('tags, entities, groups and counts', () => {
  it('lists each tag once regardless of case, the spelling of the newest item, sorted', () => {
    // The note (400) says "models", the older pin (300) "Models".
    expect(deskTags(items)).toEqual(['gap', 'models', 'todo']);
    expect(deskTags(mergeDesk(pins, []))).toEqual(['gap', 'Models']);
  });

  it('lists each entity once, where its first item comes', () => {
    expect(deskEntities(items)).toEqual(['deepseek', 'gpt-4', 'my-chip']);
  });

  it('groups by entity in the order the items come, keeping their order inside', () => {
    expect(groupByEntity(items).map((g) => [g.entity, g.items.map((i) => i.at)])).toEqual([
      ['deepseek', [500, 400, 100]],
      ['gpt-4', [300, 300]],
      ['my-chip', [200]],
    ]);
  });

  it('counts pins and notes', () => {
    expect(countKinds(items)).toEqual({ pins: 3, notes: 3 });
    expect(countKinds([])).toEqual({ pins: 0, notes: 0 });
  });

  it('hands the exports the same items in the same order', () => {
    expect(toExportItems(items.slice(0, 2))).toEqual([
      { kind: 'pin', pin: pins[2] },
      { kind: 'note', note: notes[0] },
    ]);
  });
});

describe('tag input', () => {
  it('splits on ASCII, full-width and enumeration commas, trims and drops repeats', () => {
    expect(parseTagInput(' AI, chips，政策、ai ,, ')).toEqual(['AI', 'chips', '政策']);
    expect(parseTagInput('')).toEqual([]);
  });

  it('keeps at most the limits', () => {
    const many = Array.from({ length: 25 }, (_, i) => `t${i}`).join(',');
    expect(parseTagInput(many)).toHaveLength(20);
    expect(parseTagInput('x'.repeat(50))).toEqual(['x'.repeat(40)]);
    expect(parseTagInput(`${'x'.repeat(39)}😀`, 20, 40)).toEqual(['x'.repeat(39)]);
  });

  it('compares tag lists in order', () => {
    expect(sameTags(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameTags(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameTags([], [])).toBe(true);
  });

  it('makes DOM ids from any store id', () => {
    expect(domId('note', 'test-event@1f6la2po10k')).toBe('note-test-event_1f6la2po10k');
    expect(domId('note', 'n-lx1/ä')).toBe('note-n-lx1__');
  });
});
