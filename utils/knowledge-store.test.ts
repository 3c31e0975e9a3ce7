import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PACK_FORMAT, packContextFromKb } from '@/lib/knowledge/pack';
import type { Note, UserEntity } from '@/lib/knowledge/schema';
import type { KnowledgeWriteResult } from '@/lib/messages/background';
import {
  type BuiltInKnowledge,
  createKnowledgeReader,
  createKnowledgeStore,
  KNOWLEDGE_KEY,
  KNOWLEDGE_META_KEY,
  KNOWLEDGE_QUARANTINE_KEY,
} from './knowledge-store';

const local = () => fakeBrowser.storage.local;
const dump = async () => structuredClone(await local().get()) as Record<string, unknown>;
const seed = (data: Record<string, unknown>) => local().set(structuredClone(data));
const KEY = KNOWLEDGE_KEY.slice('local:'.length);
const META = KNOWLEDGE_META_KEY.slice('local:'.length);
const QUARANTINE = KNOWLEDGE_QUARANTINE_KEY.slice('local:'.length);

const names = new Map([
  ['qwen', 'Qwen'],
  ['kimi', 'Kimi'],
]);
const builtIn: BuiltInKnowledge = {
  builtIn: packContextFromKb({
    entities: [
      { id: 'qwen', aliases: ['Qwen', '通义千问'], name: { en: 'Qwen', zh: '通义千问' } },
      { id: 'kimi', aliases: ['Kimi', 'Kimi Chat'], name: { en: 'Kimi' } },
    ],
  }),
  nameOf: (id) => names.get(id),
};

let clock = 1_800_000_000_000;
const now = () => ++clock;
const newStore = () => createKnowledgeStore(builtIn, { now });

type Ok = Record<string, unknown> & { ok: true };
function ok(r: KnowledgeWriteResult): Ok {
  if (!r.ok) throw new Error(`expected ok, got ${r.error}: ${r.message}`);
  return r as Ok;
}
const noteOf = (r: KnowledgeWriteResult) => ok(r).note as Note;
const entityOf = (r: KnowledgeWriteResult) => ok(r).entity as UserEntity;

const norvane = (over: Record<string, unknown> = {}) => ({
  type: 'company',
  name: { en: 'Norvane Labs' },
  aliases: ['Norvane'],
  ...over,
});

const packText = (body: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: PACK_FORMAT,
    version: 1,
    name: 'Chip Notes',
    author: 'Ann',
    revision: 1,
    ...body,
  });
const lumen = (over: Record<string, unknown> = {}) => ({
  id: 'lumen-7b',
  type: 'model',
  name: { en: 'Lumen 7B' },
  aliases: ['Lumen-7B'],
  ...over,
});

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('notes', () => {
  it('adds a note about a built-in entry, stored with the version', async () => {
    const store = newStore();
    const r = await store.addNote({
      entity: 'qwen',
      text: '  Worth a look. ',
      url: 'https://example.com/a',
      tags: ['x'],
    });
    const note = noteOf(r);
    expect(note).toEqual({
      id: expect.stringMatching(/^n-/),
      entity: 'qwen',
      text: 'Worth a look.',
      url: 'https://example.com/a',
      title: '',
      quote: '',
      tags: ['x'],
      createdAt: clock,
      updatedAt: clock,
      pack: 'mine',
    });
    const stored = await dump();
    expect(stored[KEY]).toEqual({ entities: [], notes: [note], packs: [] });
    expect(stored[META]).toEqual({ v: 1 });
  });

  it('refuses a note about an unknown entry, and an empty one, storing nothing', async () => {
    const store = newStore();
    expect(await store.addNote({ entity: 'no-such-entry', text: 'hi' })).toMatchObject({
      ok: false,
      error: 'not-found',
      message: expect.stringMatching(/no entry "no-such-entry"/),
    });
    expect(await store.addNote({ entity: 'qwen', text: '   ' })).toMatchObject({
      ok: false,
      error: 'invalid',
      message: expect.stringMatching(/text must not be empty/),
    });
    expect(await dump()).toEqual({});
  });

  it('adds a note about one of the reader’s entries', async () => {
    const store = newStore();
    const e = entityOf(await store.saveEntity(norvane()));
    expect(noteOf(await store.addNote({ entity: e.id, text: 'mine' })).entity).toBe('norvane-labs');
  });

  it('updates text and tags, keeping createdAt; refuses an unknown id or an empty text', async () => {
    const store = newStore();
    const first = noteOf(await store.addNote({ entity: 'qwen', text: 'first' }));
    const updated = noteOf(await store.updateNote(first.id, { text: 'second', tags: ['a', 'A', 'b'] }));
    expect(updated).toMatchObject({
      id: first.id,
      text: 'second',
      tags: ['a', 'b'],
      createdAt: first.createdAt,
    });
    expect(updated.updatedAt).toBeGreaterThan(first.updatedAt);
    // A patch without text keeps the text.
    expect(noteOf(await store.updateNote(first.id, { tags: [] }))).toMatchObject({
      text: 'second',
      tags: [],
    });
    expect(await store.updateNote('n-missing', { text: 'x' })).toMatchObject({
      ok: false,
      error: 'not-found',
    });
    expect(await store.updateNote(first.id, { text: '' })).toMatchObject({ ok: false, error: 'invalid' });
    expect((await store.read()).state.notes.map((n) => n.text)).toEqual(['second']);
  });

  it('removes notes and restores them as they were', async () => {
    const store = newStore();
    const a = noteOf(await store.addNote({ entity: 'qwen', text: 'a' }));
    const b = noteOf(await store.addNote({ entity: 'kimi', text: 'b' }));
    const removed = ok(await store.removeNotes([a.id, 'n-missing'])).removed;
    expect(removed).toEqual([a]);
    expect((await store.read()).state.notes).toEqual([b]);
    expect(ok(await store.restoreNotes([a, b, { entity: 'qwen' }]))).toEqual({
      ok: true,
      added: 1,
      rejected: [{ index: 2, reason: 'missing field "text"' }],
    });
    expect((await store.read()).state.notes).toEqual([b, a]);
  });

  it('does not restore a note about an entry that no longer exists', async () => {
    const store = newStore();
    const e = entityOf(await store.saveEntity(norvane()));
    const n = noteOf(await store.addNote({ entity: e.id, text: 'about it' }));
    await store.removeEntities([e.id]);
    expect(ok(await store.restoreNotes([n]))).toMatchObject({ added: 0 });
    expect((await store.read()).state.notes).toEqual([]);
  });

  it('keeps both of two notes added at once', async () => {
    const store = newStore();
    const [a, b] = await Promise.all([
      store.addNote({ entity: 'qwen', text: 'from tab A' }),
      store.addNote({ entity: 'kimi', text: 'from tab B' }),
    ]);
    expect(a?.ok && b?.ok).toBe(true);
    const { notes } = (await store.read()).state;
    expect(notes.map((n) => n.text).sort()).toEqual(['from tab A', 'from tab B']);
    expect(((await dump())[KEY] as { notes: unknown[] }).notes).toHaveLength(2);
  });

  it('serialises mixed changes from many tabs: none is lost', async () => {
    const store = newStore();
    const results = await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => store.addNote({ entity: 'qwen', text: `note ${i}` })),
      store.saveEntity(norvane()),
      store.saveEntity(norvane({ name: { en: 'Norvane X1' }, aliases: ['NX-1'] })),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    const { state } = await store.read();
    expect(state.notes).toHaveLength(10);
    expect(state.entities.map((e) => e.id)).toEqual(['norvane-labs', 'norvane-x1']);
  });
});

describe('entries', () => {
  it('saves a new entry with a generated id in the reader’s own pack', async () => {
    const store = newStore();
    const r = ok(
      await store.saveEntity(norvane({ aliases: ['Norvane', { text: 'NV', caseSensitive: true }] })),
    );
    expect(r.entity).toEqual({
      id: 'norvane-labs',
      type: 'company',
      name: { en: 'Norvane Labs' },
      aliases: [{ text: 'Norvane' }, { text: 'NV', caseSensitive: true }, { text: 'Norvane Labs' }],
      summary: {},
      related: [],
      pack: 'mine',
      lookupOnly: false,
      prefer: [],
      createdAt: clock,
      updatedAt: clock,
    });
    // Warnings are saved along, and reported.
    expect((r.verdicts as { alias: string; level: string }[]).map((v) => `${v.alias} ${v.level}`)).toEqual([
      'NV warn',
    ]);
    expect(((await dump())[KEY] as { entities: unknown[] }).entities).toEqual([r.entity]);
  });

  it('numbers the id of a second entry with the same name; an id the input gives is kept', async () => {
    const store = newStore();
    await store.saveEntity(norvane());
    expect(entityOf(await store.saveEntity(norvane({ aliases: ['Norvane Two'] }))).id).toBe('norvane-labs-2');
    expect(entityOf(await store.saveEntity(norvane({ id: 'my-lab', aliases: ['Lab Three'] }))).id).toBe(
      'my-lab',
    );
    expect(await store.saveEntity(norvane({ id: 'my-lab', aliases: ['Lab Four'] }))).toMatchObject({
      ok: false,
      error: 'invalid',
      message: expect.stringMatching(/an entry "my-lab" already exists/),
    });
  });

  it('gives a Chinese-only entry an entry-<time> id', async () => {
    const store = newStore();
    const e = entityOf(await store.saveEntity({ type: 'chip', name: { zh: '星衡一号' } }));
    expect(e.id).toMatch(/^entry-[0-9a-z]+$/);
    expect(e.aliases).toEqual([{ text: '星衡一号' }]);
  });

  it('edits an entry keeping its id, createdAt and pack', async () => {
    const store = newStore();
    const first = entityOf(await store.saveEntity(norvane()));
    const edited = entityOf(
      await store.saveEntity(
        norvane({ id: 'another-id', name: { en: 'Norvane Laboratories' }, summary: { en: 'Edited.' } }),
        first.id,
      ),
    );
    expect(edited).toMatchObject({
      id: 'norvane-labs',
      name: { en: 'Norvane Laboratories' },
      summary: { en: 'Edited.' },
      pack: 'mine',
      createdAt: first.createdAt,
    });
    expect(edited.updatedAt).toBeGreaterThan(first.updatedAt);
    expect((await store.read()).state.entities).toEqual([edited]);
    expect(await store.saveEntity(norvane(), 'no-such-entry')).toMatchObject({
      ok: false,
      error: 'not-found',
    });
  });

  it('refuses the id of a built-in entry, naming it', async () => {
    const store = newStore();
    const r = await store.saveEntity(norvane({ id: 'qwen' }));
    expect(r).toMatchObject({ ok: false, error: 'invalid' });
    expect(!r.ok && r.message).toMatch(/"qwen" is the built-in entry Qwen/);
    // A name whose slug is a built-in id gets another id instead.
    expect(
      entityOf(await store.saveEntity({ type: 'model', name: { en: 'Qwen' }, aliases: ['Qwen Fork'] })).id,
    ).toBe('qwen-2');
  });

  it('refuses an entry with an alias that would mark ordinary words, storing nothing', async () => {
    const store = newStore();
    const r = await store.saveEntity(norvane({ aliases: ['Norvane', 'AI', 'the'] }));
    expect(r).toMatchObject({
      ok: false,
      error: 'refused',
      message: expect.stringMatching(/ordinary words/),
    });
    expect(!r.ok && r.verdicts?.map((v) => `${v.alias} ${v.level} ${v.problem}`)).toEqual([
      'AI refuse too-short',
      'the refuse stopword',
    ]);
    expect(await dump()).toEqual({});
  });

  it('saves a built-in conflict, reporting it with the built-in id', async () => {
    const store = newStore();
    const r = ok(await store.saveEntity(norvane({ aliases: ['Kimi'], prefer: ['Kimi'] })));
    expect(r.verdicts).toEqual([
      expect.objectContaining({ alias: 'Kimi', level: 'conflict', entity: 'kimi' }),
    ]);
    expect((r.entity as UserEntity).prefer).toEqual(['Kimi']);
  });

  it('refuses an invalid entry with the reason, and input that is not an entry', async () => {
    const store = newStore();
    expect(await store.saveEntity(norvane({ type: 'spaceship' }))).toMatchObject({
      ok: false,
      error: 'invalid',
      message: expect.stringMatching(/type must be one of/),
    });
    expect(await store.saveEntity(norvane({ name: { en: 42 } }))).toMatchObject({
      ok: false,
      error: 'invalid',
    });
    expect(await store.saveEntity('Norvane')).toMatchObject({ ok: false, error: 'invalid' });
    expect(await store.saveEntity(null)).toMatchObject({ ok: false, error: 'invalid' });
    expect(await dump()).toEqual({});
  });

  it('removes entries with their notes, and restores both', async () => {
    const store = newStore();
    const a = entityOf(await store.saveEntity(norvane()));
    const b = entityOf(await store.saveEntity(norvane({ name: { en: 'Norvane X1' }, aliases: ['NX-1'] })));
    const noteA = noteOf(await store.addNote({ entity: a.id, text: 'about A' }));
    const noteQ = noteOf(await store.addNote({ entity: 'qwen', text: 'about Qwen' }));
    const removed = ok(await store.removeEntities([a.id])).removed;
    expect(removed).toEqual({ entities: [a], notes: [noteA] });
    expect((await store.read()).state).toMatchObject({ entities: [b], notes: [noteQ] });

    const back = ok(await store.restoreEntities([a], [noteA]));
    expect(back).toEqual({ ok: true, entities: 1, notes: 1 });
    const { state } = await store.read();
    expect(state.entities).toEqual([b, a]);
    expect(state.notes).toEqual([noteQ, noteA].sort((x, y) => y.createdAt - x.createdAt));
    // Restoring again adds nothing twice.
    expect(ok(await store.restoreEntities([a], [noteA]))).toEqual({ ok: true, entities: 0, notes: 0 });
  });

  it('removing nothing that exists changes nothing', async () => {
    const store = newStore();
    expect(ok(await store.removeEntities(['no-such-entry']))).toEqual({
      ok: true,
      removed: { entities: [], notes: [] },
    });
    expect(await dump()).toEqual({});
  });

  it('clearOwn removes only the reader’s own entries and notes', async () => {
    const store = newStore();
    const own = entityOf(await store.saveEntity(norvane()));
    await store.addNote({ entity: own.id, text: 'own note' });
    ok(
      await store.importPack(
        packText({ entities: [lumen()], notes: [{ entity: 'lumen-7b', text: 'pack note' }] }),
      ),
    );
    const r = ok(await store.clearOwn());
    expect((r.removed as { entities: UserEntity[] }).entities.map((e) => e.id)).toEqual(['norvane-labs']);
    expect((r.removed as { notes: Note[] }).notes.map((n) => n.text)).toEqual(['own note']);
    const { state } = await store.read();
    expect(state.entities.map((e) => `${e.id} ${e.pack}`)).toEqual(['lumen-7b pack-chip-notes']);
    expect(state.notes.map((n) => n.text)).toEqual(['pack note']);
    expect(state.packs.map((p) => p.id)).toEqual(['pack-chip-notes']);
  });
});

describe('packs', () => {
  it('imports another pack: its entries and notes, and the pack listed enabled', async () => {
    const store = newStore();
    const r = ok(
      await store.importPack(
        packText({
          revision: 3,
          entities: [lumen()],
          notes: [{ id: 'n-p1', entity: 'lumen-7b', text: 'Apache-2.0.', createdAt: '2026-11-30T10:00:00Z' }],
        }),
      ),
    );
    expect(r).toMatchObject({
      pack: { id: 'pack-chip-notes', name: 'Chip Notes', author: 'Ann', revision: 3, own: false },
      accepted: { entities: 1, notes: 1 },
      skipped: { entities: 0, notes: 0 },
    });
    const { state } = await store.read();
    expect(state.packs).toEqual([
      {
        id: 'pack-chip-notes',
        name: 'Chip Notes',
        author: 'Ann',
        revision: 3,
        enabled: true,
        importedAt: clock,
      },
    ]);
    expect(state.entities.map((e) => `${e.id} ${e.pack}`)).toEqual(['lumen-7b pack-chip-notes']);
    expect(state.notes).toEqual([
      expect.objectContaining({
        id: 'n-p1',
        pack: 'pack-chip-notes',
        createdAt: Date.parse('2026-11-30T10:00:00Z'),
      }),
    ]);
  });

  it('refuses a file that is not a pack, storing nothing', async () => {
    const store = newStore();
    const r = await store.importPack('{"hello":1}');
    expect(r).toMatchObject({
      ok: false,
      error: 'invalid',
      message: expect.stringMatching(/not a Factlens pack/),
    });
    expect(await store.importPack('not json')).toMatchObject({ ok: false, error: 'invalid' });
    expect(await dump()).toEqual({});
  });

  it('replaces a pack’s entries and notes on re-import of a new revision, keeping it disabled', async () => {
    const store = newStore();
    ok(
      await store.importPack(
        packText({
          entities: [lumen(), lumen({ id: 'lumen-13b', name: { en: 'Lumen 13B' }, aliases: [] })],
          notes: [{ id: 'n-old', entity: 'lumen-13b', text: 'old' }],
        }),
      ),
    );
    ok(await store.setPackEnabled('pack-chip-notes', false));
    const mine = noteOf(await store.addNote({ entity: 'lumen-7b', text: 'my own note on a pack entry' }));
    ok(
      await store.importPack(
        packText({
          revision: 2,
          entities: [
            lumen({ summary: { en: 'Revised.' } }),
            lumen({ id: 'lumen-70b', name: { en: 'Lumen 70B' } }),
          ],
          notes: [{ id: 'n-new', entity: 'lumen-70b', text: 'new' }],
        }),
      ),
    );
    const { state } = await store.read();
    expect(state.entities.map((e) => e.id)).toEqual(['lumen-7b', 'lumen-70b']);
    expect(state.entities[0]!.summary).toEqual({ en: 'Revised.' });
    expect(state.notes.map((n) => n.id).sort()).toEqual(['n-new', mine.id].sort());
    expect(state.packs).toEqual([
      expect.objectContaining({ id: 'pack-chip-notes', revision: 2, enabled: false }),
    ]);
  });

  it('skips an entry whose id another pack or the reader’s own entries hold, with a problem', async () => {
    const store = newStore();
    await store.saveEntity(norvane());
    ok(await store.importPack(packText({ name: 'Other Pack', entities: [lumen()] })));
    const r = ok(
      await store.importPack(
        packText({
          entities: [
            norvane({ id: 'norvane-labs' }),
            lumen(),
            lumen({ id: 'lumen-9b', name: { en: 'Lumen 9B' } }),
          ],
        }),
      ),
    );
    expect(r.accepted).toEqual({ entities: 1, notes: 0 });
    expect(r.skipped).toEqual({ entities: 2, notes: 0 });
    const messages = (r.problems as { severity: string; id: string; message: string }[])
      .filter((p) => p.severity === 'error')
      .map((p) => `${p.id}: ${p.message}`);
    expect(messages).toEqual([
      'norvane-labs: entry "norvane-labs" already comes from your own entries; skipped',
      'lumen-7b: entry "lumen-7b" already comes from pack "pack-other-pack"; skipped',
    ]);
    const { state } = await store.read();
    expect(state.entities.map((e) => `${e.id} ${e.pack}`)).toEqual([
      'norvane-labs mine',
      'lumen-7b pack-other-pack',
      'lumen-9b pack-chip-notes',
    ]);
  });

  it('restores an own pack into the reader’s entries, with no pack record', async () => {
    const store = newStore();
    const r = ok(
      await store.importPack(
        packText({
          own: true,
          entities: [norvane({ id: 'norvane-labs' })],
          notes: [{ id: 'n-1', entity: 'norvane-labs', text: 'restored' }],
        }),
      ),
    );
    expect(r.pack).toMatchObject({ id: 'mine', own: true });
    const { state } = await store.read();
    expect(state.entities.map((e) => `${e.id} ${e.pack}`)).toEqual(['norvane-labs mine']);
    expect(state.notes.map((n) => `${n.id} ${n.pack}`)).toEqual(['n-1 mine']);
    expect(state.packs).toEqual([]);
  });

  it('keeps at most 50 packs, while a listed one can still be re-imported', async () => {
    const packs = Array.from({ length: 50 }, (_, i) => ({
      id: i === 0 ? 'pack-chip-notes' : `pack-${i}`,
      name: `Pack ${i}`,
      author: '',
      revision: 1,
      enabled: true,
      importedAt: 1,
    }));
    await seed({ [KEY]: { entities: [], notes: [], packs }, [META]: { v: 1 } });
    const store = newStore();
    const before = await dump();
    expect(await store.importPack(packText({ name: 'One Too Many', entities: [lumen()] }))).toMatchObject({
      ok: false,
      error: 'too-many',
      message: expect.stringMatching(/at most 50 packs/),
    });
    expect(await dump()).toEqual(before);
    ok(await store.importPack(packText({ revision: 2, entities: [lumen()] })));
    ok(await store.importPack(packText({ own: true, entities: [norvane({ id: 'norvane-labs' })] })));
    expect((await store.read()).state.packs).toHaveLength(50);
  });

  it('sets a pack enabled or not; an unknown pack is not found', async () => {
    const store = newStore();
    ok(await store.importPack(packText({ entities: [lumen()] })));
    expect(ok(await store.setPackEnabled('pack-chip-notes', false)).pack).toMatchObject({ enabled: false });
    expect((await store.read()).state.packs[0]!.enabled).toBe(false);
    const before = await dump();
    expect(ok(await store.setPackEnabled('pack-chip-notes', false)).pack).toMatchObject({ enabled: false });
    expect(await dump()).toEqual(before);
    expect(ok(await store.setPackEnabled('pack-chip-notes', true)).pack).toMatchObject({ enabled: true });
    expect(await store.setPackEnabled('pack-none', true)).toMatchObject({ ok: false, error: 'not-found' });
  });

  it('removes a pack with its entries and notes, leaving the rest', async () => {
    const store = newStore();
    await store.saveEntity(norvane());
    ok(
      await store.importPack(
        packText({ entities: [lumen()], notes: [{ entity: 'lumen-7b', text: 'pack note' }] }),
      ),
    );
    ok(await store.removePack('pack-chip-notes'));
    const { state } = await store.read();
    expect(state).toEqual({
      entities: [expect.objectContaining({ id: 'norvane-labs' })],
      notes: [],
      packs: [],
    });
    expect(await store.removePack('pack-chip-notes')).toMatchObject({ ok: false, error: 'not-found' });
  });
});

describe('what storage holds', () => {
  const corrupt = {
    entities: [
      { id: 'norvane-labs', type: 'company', name: { en: 'Norvane Labs' }, createdAt: 1 },
      { id: 'bad', type: 'spaceship', name: { en: 'Bad' } },
    ],
    notes: [{ id: 'n-1', entity: 'qwen', text: 'kept', createdAt: 1 }, 'garbage'],
    packs: [],
  };

  it('moves corrupt items to the quarantine on first read, keeping what was there', async () => {
    await seed({
      [KEY]: corrupt,
      [META]: { v: 1 },
      [QUARANTINE]: [{ at: 'notes[9]', reason: 'earlier', entry: 1 }],
    });
    const store = newStore();
    const view = await store.read();
    expect(view.state.entities.map((e) => e.id)).toEqual(['norvane-labs']);
    expect(view.problems).toEqual([
      expect.stringMatching(/^Stored entities\[1\] was set aside: type must be one of/),
      'Stored notes[1] was set aside: must be an object with the fields of a note, found text.',
    ]);
    const stored = await dump();
    expect(stored[QUARANTINE]).toEqual([
      { at: 'notes[9]', reason: 'earlier', entry: 1 },
      {
        at: 'entities[1]',
        reason: expect.stringMatching(/^type must be one of/),
        entry: corrupt.entities[1],
        quarantinedAt: clock,
      },
      {
        at: 'notes[1]',
        reason: 'must be an object with the fields of a note, found text',
        entry: 'garbage',
        quarantinedAt: clock,
      },
    ]);
    expect((stored[KEY] as { entities: unknown[]; notes: unknown[] }).entities).toHaveLength(1);
    expect((stored[KEY] as { entities: unknown[]; notes: unknown[] }).notes).toHaveLength(1);
    // Once moved, nothing is set aside twice.
    expect((await store.read()).problems).toEqual([]);
    expect((await dump())[QUARANTINE]).toHaveLength(3);
  });

  it('moves corrupt items to the quarantine on the first write too', async () => {
    await seed({ [KEY]: corrupt, [META]: { v: 1 } });
    const store = newStore();
    noteOf(await store.addNote({ entity: 'norvane-labs', text: 'new' }));
    const stored = await dump();
    expect((stored[QUARANTINE] as { entry: unknown }[]).map((q) => q.entry)).toEqual([
      corrupt.entities[1],
      'garbage',
    ]);
    expect((stored[KEY] as { notes: Note[] }).notes.map((n) => n.text)).toEqual(['new', 'kept']);
  });

  it('sets a whole value that is not an object aside, and starts afresh', async () => {
    await seed({ [KEY]: 'not an object', [META]: { v: 1 } });
    const store = newStore();
    expect((await store.read()).state).toEqual({ entities: [], notes: [], packs: [] });
    expect((await dump())[QUARANTINE]).toEqual([expect.objectContaining({ at: '', entry: 'not an object' })]);
  });

  it('a reader shows the problems but never writes', async () => {
    await seed({ [KEY]: corrupt, [META]: { v: 1 } });
    const before = await dump();
    const view = await createKnowledgeReader().read();
    expect(view.problems).toHaveLength(2);
    expect(view.readOnly).toBe(false);
    expect(await dump()).toEqual(before);
  });

  it('a reader’s watch follows the store’s writes', async () => {
    const store = newStore();
    const seen: number[] = [];
    const stop = createKnowledgeReader().watch((view) => seen.push(view.state.notes.length));
    await store.addNote({ entity: 'qwen', text: 'watched' });
    await vi.waitFor(() => expect(seen.at(-1)).toBe(1));
    stop();
  });

  it('a newer version is read-only: readable, never written', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await seed({ [KEY]: { ...corrupt, future: 'field' }, [META]: { v: 2 } });
    const before = await dump();
    const store = newStore();
    const view = await store.read();
    expect(view.readOnly).toBe(true);
    expect(view.readOnlyReason).toMatch(/newer version of Factlens \(format 2\)/);
    expect(view.state.notes.map((n) => n.text)).toEqual(['kept']);
    const results = [
      await store.addNote({ entity: 'qwen', text: 'x' }),
      await store.updateNote('n-1', { text: 'x' }),
      await store.removeNotes(['n-1']),
      await store.restoreNotes([]),
      await store.saveEntity(norvane()),
      await store.removeEntities(['norvane-labs']),
      await store.restoreEntities([], []),
      await store.importPack(packText({ entities: [lumen()] })),
      await store.setPackEnabled('pack-x', true),
      await store.removePack('pack-x'),
      await store.clearOwn(),
    ];
    for (const r of results) {
      expect(r).toMatchObject({
        ok: false,
        error: 'readonly',
        message: expect.stringMatching(/newer version/),
      });
    }
    expect(await dump()).toEqual(before);
  });

  it('a version label that is no number is read-only too, and left as it is', async () => {
    await seed({ [KEY]: corrupt, [META]: { v: 'three' } });
    const before = await dump();
    const store = newStore();
    const view = await store.read();
    expect(view.readOnly).toBe(true);
    expect(view.readOnlyReason).toMatch(/unrecognised format, "three"/);
    expect(await store.addNote({ entity: 'qwen', text: 'x' })).toMatchObject({
      ok: false,
      error: 'readonly',
    });
    expect(await dump()).toEqual(before);
  });

  it('a full storage: an error value, and storage unchanged', async () => {
    const store = newStore();
    const note = noteOf(await store.addNote({ entity: 'qwen', text: 'before' }));
    await store.saveEntity(norvane());
    const before = await dump();
    vi.spyOn(local(), 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const results = [
      await store.addNote({ entity: 'qwen', text: 'x' }),
      await store.updateNote(note.id, { text: 'x' }),
      await store.saveEntity(norvane({ name: { en: 'Other' } })),
      await store.removeEntities(['norvane-labs']),
      await store.importPack(packText({ entities: [lumen()] })),
      await store.clearOwn(),
    ];
    for (const r of results) {
      expect(r).toMatchObject({
        ok: false,
        error: 'quota',
        message: expect.stringMatching(/^Browser storage is full/),
      });
    }
    vi.restoreAllMocks();
    expect(await dump()).toEqual(before);
  });

  it('any other storage failure is a storage error; an unreadable store is shown read-only', async () => {
    const store = newStore();
    vi.spyOn(local(), 'set').mockRejectedValue(new Error('IO error: disk'));
    expect(await store.addNote({ entity: 'qwen', text: 'x' })).toMatchObject({
      ok: false,
      error: 'storage',
      message: expect.stringMatching(/disk/),
    });
    vi.spyOn(local(), 'get').mockRejectedValue(new Error('broken'));
    const view = await createKnowledgeReader().read();
    expect(view).toMatchObject({ readOnly: true, state: { entities: [], notes: [], packs: [] } });
    expect(view.problems[0]).toMatch(/could not be read \(broken\)/);
    expect(await store.addNote({ entity: 'qwen', text: 'x' })).toMatchObject({ ok: false, error: 'storage' });
  });
});
