// @vitest-environment node
import { describe, expect, it } from 'vitest';
import v1Expected from './fixtures/v1-store.expected.json';
import v1Store from './fixtures/v1-store.json';
import { interpretKnowledge, KNOWLEDGE_MIGRATIONS, KNOWLEDGE_VERSION, problemOf, toStored } from './stored';

const entity = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  type: 'company',
  name: { en: id },
  createdAt: 10,
  ...over,
});
const note = (id: string, createdAt: number, over: Record<string, unknown> = {}) => ({
  id,
  entity: 'qwen',
  text: `note ${id}`,
  createdAt,
  ...over,
});

describe('interpretKnowledge', () => {
  it('is at version 1 with no migrations yet', () => {
    expect(KNOWLEDGE_VERSION).toBe(1);
    expect(KNOWLEDGE_MIGRATIONS).toEqual({});
  });

  it('reads nothing stored as empty, writable knowledge', () => {
    for (const value of [null, undefined]) {
      expect(interpretKnowledge(value, undefined)).toEqual({
        state: { entities: [], notes: [], packs: [] },
        setAside: [],
        problems: [],
        readOnly: false,
      });
    }
  });

  it('sets aside a stored value that is not an object, whole', () => {
    for (const [value, found] of [
      ['corrupt', 'text'],
      [[1, 2], 'a list'],
      [42, 'a number'],
    ] as const) {
      const r = interpretKnowledge(value, 1);
      expect(r.state).toEqual({ entities: [], notes: [], packs: [] });
      expect(r.readOnly).toBe(false);
      expect(r.setAside).toEqual([
        { at: '', reason: `the stored knowledge was ${found}, not an object`, entry: value },
      ]);
      expect(r.problems).toEqual([
        `The stored knowledge was set aside as a whole: the stored knowledge was ${found}, not an object.`,
      ]);
    }
  });

  it('sets aside a list that is not a list, keeping the others', () => {
    const r = interpretKnowledge({ entities: { id: 'x' }, notes: [note('n-1', 1)] }, 1);
    expect(r.setAside).toEqual([
      { at: 'entities', reason: 'entities was an object, not a list', entry: { id: 'x' } },
    ]);
    expect(r.state.notes.map((n) => n.id)).toEqual(['n-1']);
  });

  it('sets aside each bad entry with where it was and why, keeping the valid ones', () => {
    const bad = { id: 'b', type: 'spaceship', name: { en: 'B' } };
    const r = interpretKnowledge({ entities: [entity('a'), bad, entity('c'), 7] }, 1);
    expect(r.state.entities.map((e) => e.id)).toEqual(['a', 'c']);
    expect(r.setAside.map((s) => [s.at, s.entry])).toEqual([
      ['entities[1]', bad],
      ['entities[3]', 7],
    ]);
    expect(r.setAside[0]!.reason).toMatch(/^type must be one of the knowledge base's types/);
    expect(r.setAside[1]!.reason).toBe('must be an object with the fields of an entry, found a number');
    expect(r.problems[0]).toMatch(/^Stored entities\[1\] was set aside: type must be one of/);
  });

  it('sets aside a second entry, note or pack record with an id already read', () => {
    const r = interpretKnowledge(
      {
        entities: [entity('a'), entity('a', { name: { en: 'Other A' } })],
        notes: [note('n-1', 5), note('n-1', 6, { text: 'other text' })],
        packs: [
          { id: 'pack-x', name: 'X' },
          { id: 'pack-x', name: 'X again' },
        ],
      },
      1,
    );
    expect(r.state.entities.map((e) => e.name.en)).toEqual(['a']);
    expect(r.state.notes.map((n) => n.text)).toEqual(['note n-1']);
    expect(r.state.packs.map((p) => p.name)).toEqual(['X']);
    expect(r.setAside.map((s) => `${s.at}: ${s.reason}`)).toEqual([
      'entities[1]: a second entry with id "a"',
      'notes[1]: a second note with id "n-1"',
      'packs[1]: a second pack record with id "pack-x"',
    ]);
  });

  it('gives a stored note without an id the same id on every read', () => {
    const value = { notes: [note('n-1', 5), { entity: 'qwen', text: 'no id', createdAt: 3 }] };
    const first = interpretKnowledge(value, 1).state.notes.map((n) => n.id);
    expect(first).toEqual(['n-1', 'n-stored-1']);
    expect(interpretKnowledge(value, 1).state.notes.map((n) => n.id)).toEqual(first);
  });

  it('sorts notes newest first', () => {
    const r = interpretKnowledge({ notes: [note('n-1', 1), note('n-3', 3), note('n-2', 2)] }, 1);
    expect(r.state.notes.map((n) => n.id)).toEqual(['n-3', 'n-2', 'n-1']);
  });

  it('reads pack records with defaults, cutting a long name', () => {
    const r = interpretKnowledge(
      { packs: [{ id: 'pack-x', name: 'N'.repeat(200), enabled: 'yes' }, { id: '' }] },
      1,
    );
    expect(r.state.packs).toEqual([
      { id: 'pack-x', name: 'N'.repeat(120), author: '', revision: 1, enabled: true, importedAt: 0 },
    ]);
    expect(r.setAside).toEqual([{ at: 'packs[1]', reason: 'not a pack record', entry: { id: '' } }]);
  });

  it('reads a newer version read-only, with the reason, its data still readable', () => {
    const r = interpretKnowledge(
      { entities: [entity('a'), 'bad'], notes: [note('n-1', 1)], future: true },
      2,
    );
    expect(r.readOnly).toBe(true);
    expect(r.readOnlyReason).toBe(
      'Your entries and notes were saved by a newer version of Factlens (format 2); update Factlens to change them.',
    );
    expect(r.state.entities.map((e) => e.id)).toEqual(['a']);
    expect(r.state.notes.map((n) => n.id)).toEqual(['n-1']);
    // Nothing is moved while this version may not write.
    expect(r.setAside).toEqual([]);
  });

  it('reads a version label that is no number as a newer version’s', () => {
    for (const label of ['three', { major: 2 }, Number.NaN]) {
      const r = interpretKnowledge({ notes: [note('n-1', 1)] }, label);
      expect(r.readOnly, String(label)).toBe(true);
      expect(r.readOnlyReason).toMatch(/newer version of Factlens \(an unrecognised format, /);
      expect(r.state.notes.map((n) => n.id)).toEqual(['n-1']);
    }
    expect(interpretKnowledge({ notes: [] }, 'three').readOnlyReason).toContain(
      '(an unrecognised format, "three")',
    );
    expect(interpretKnowledge({ notes: [] }, 1).readOnly).toBe(false);
  });

  it('toStored gives back what interpretKnowledge reads', () => {
    const r = interpretKnowledge(v1Store, 1);
    const again = interpretKnowledge(JSON.parse(JSON.stringify(toStored(r.state))), 1);
    expect(again.state).toEqual(r.state);
    expect(again.setAside).toEqual([]);
  });
});

describe('a realistic stored v1 value', () => {
  it('is interpreted as recorded in fixtures/v1-store.expected.json', () => {
    const r = interpretKnowledge(structuredClone(v1Store), 1);
    expect(JSON.parse(JSON.stringify(r))).toEqual(v1Expected);
    expect(r.problems).toEqual(r.setAside.map(problemOf));
  });

  it('keeps every stored item: valid, or set aside', () => {
    const r = interpretKnowledge(v1Store, 1);
    expect(r.state.entities.length + r.setAside.filter((s) => s.at.startsWith('entities')).length).toBe(
      v1Store.entities.length,
    );
    expect(r.state.notes.length + r.setAside.filter((s) => s.at.startsWith('notes')).length).toBe(
      v1Store.notes.length,
    );
    expect(r.state.packs.length + r.setAside.filter((s) => s.at.startsWith('packs')).length).toBe(
      v1Store.packs.length,
    );
  });
});
