// @vitest-environment node
import { describe, expect, it } from 'vitest';
import kb from '@/generated/kb.json';
import {
  migratePack,
  PACK_FORMAT,
  PACK_LIMITS,
  PACK_MIGRATIONS,
  PACK_VERSION,
  type PackContext,
  type PackProblem,
  packContextFromKb,
  type ReadPack,
  readPack,
  writePack,
} from './pack';
import { EMPTY_KNOWLEDGE, type KnowledgeState, type Note, OWN_PACK, type UserEntity } from './schema';

const NOW = Date.parse('2026-12-01T00:00:00Z');
const builtIn = packContextFromKb({
  entities: [
    { id: 'qwen', aliases: ['Qwen', '通义千问', 'QwQ'], name: { en: 'Qwen', zh: '通义千问' } },
    { id: 'nvidia', aliases: ['Nvidia', 'NVIDIA', '英伟达'], name: { en: 'Nvidia' } },
  ],
});
const ctx: PackContext = { builtIn, now: NOW };

const chip = (over: Record<string, unknown> = {}) => ({
  id: 'norvane-x1',
  type: 'chip',
  name: { en: 'Norvane X1', zh: '星衡一号' },
  aliases: ['NX-1'],
  summary: { en: 'An inference chip.' },
  related: ['nvidia'],
  ...over,
});

const packText = (body: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: PACK_FORMAT,
    version: 1,
    name: 'Chip Notes',
    author: 'Ann',
    revision: 3,
    ...body,
  });

const read = (body: Record<string, unknown> = {}) => readPack(packText(body), ctx);
const lines = (r: ReadPack) =>
  r.problems.map((p) => `${p.severity} ${p.kind} ${p.id} ${p.field}: ${p.message}`);
const only = (r: ReadPack, severity: PackProblem['severity']) =>
  r.problems.filter((p) => p.severity === severity);
const fatalMessage = (r: ReadPack) => {
  expect(r.ok).toBe(false);
  expect(r.entities).toEqual([]);
  expect(r.notes).toEqual([]);
  expect(r.problems).toHaveLength(1);
  expect(r.problems[0]).toMatchObject({ severity: 'error', kind: 'pack' });
  return r.problems[0]!.message;
};

describe('readPack: a valid pack', () => {
  it('reads the issue example: info, entities and notes, with pack ids and ms times', () => {
    const r = read({
      entities: [chip({ aliases: ['NX-1', { text: 'NVX', caseSensitive: true }], extra: 'ignored' })],
      notes: [
        {
          entity: 'qwen',
          text: 'Compare with Norvane.',
          url: 'https://example.com/a',
          title: 'A page',
          quote: 'the sentence',
          createdAt: '2026-11-30T10:00:00Z',
          tags: ['chips'],
        },
        { entity: 'norvane-x1', text: 'About the pack entry.', createdAt: '2026-11-30T11:00:00+01:00' },
      ],
    });
    expect(r.ok).toBe(true);
    expect(r.problems).toEqual([]);
    expect(r.info).toEqual({
      id: 'pack-chip-notes',
      name: 'Chip Notes',
      author: 'Ann',
      revision: 3,
      own: false,
    });
    expect(r.accepted).toEqual({ entities: 1, notes: 2 });
    expect(r.skipped).toEqual({ entities: 0, notes: 0 });
    expect(r.entities[0]).toEqual({
      id: 'norvane-x1',
      type: 'chip',
      name: { en: 'Norvane X1', zh: '星衡一号' },
      aliases: [
        { text: 'NX-1' },
        { text: 'NVX', caseSensitive: true },
        { text: 'Norvane X1' },
        { text: '星衡一号' },
      ],
      summary: { en: 'An inference chip.' },
      related: ['nvidia'],
      pack: 'pack-chip-notes',
      lookupOnly: false,
      prefer: [],
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(r.notes.map((n) => [n.entity, n.createdAt, n.pack, n.tags])).toEqual([
      ['qwen', Date.parse('2026-11-30T10:00:00Z'), 'pack-chip-notes', ['chips']],
      ['norvane-x1', Date.parse('2026-11-30T10:00:00Z'), 'pack-chip-notes', []],
    ]);
  });

  it('ignores a "pack" field in entries and notes: they belong to the pack being read', () => {
    const r = read({
      entities: [chip({ pack: 'Not An Id' })],
      notes: [{ entity: 'qwen', text: 'x', pack: 'mine' }],
    });
    expect(r.problems).toEqual([]);
    expect(r.entities[0]!.pack).toBe('pack-chip-notes');
    expect(r.notes[0]!.pack).toBe('pack-chip-notes');
  });

  it('derives the pack id from the name, and falls back when there is none to slug', () => {
    expect(read({ name: '  Ann’s  Chips & Labs 2026 ' }).info).toMatchObject({
      id: 'pack-ann-s-chips-labs-2026',
      name: 'Ann’s Chips & Labs 2026',
    });
    expect(read({ name: '芯片笔记' }).info.id).toBe('pack-unnamed');
    const unnamed = read({ name: undefined, author: undefined, revision: undefined });
    expect(unnamed.info).toEqual({
      id: 'pack-unnamed',
      name: 'Unnamed pack',
      author: '',
      revision: 1,
      own: false,
    });
    expect(lines(unnamed)).toContain(
      'warning pack pack-unnamed name: the pack has no "name"; it is listed as "Unnamed pack"',
    );
  });

  it('warns about a bad revision or author and reads on', () => {
    const r = read({ revision: 'two', author: 7 });
    expect(r.ok).toBe(true);
    expect(r.info).toMatchObject({ revision: 1, author: '' });
    expect(only(r, 'warning').map((p) => p.field)).toEqual(['author', 'revision', '']);
  });

  it('reads an own pack as the reader’s own entries', () => {
    const r = read({ own: true, entities: [chip()], notes: [{ entity: 'norvane-x1', text: 'mine' }] });
    expect(r.info).toMatchObject({ id: OWN_PACK, own: true, name: 'Chip Notes' });
    expect(r.entities[0]!.pack).toBe(OWN_PACK);
    expect(r.notes[0]!.pack).toBe(OWN_PACK);
  });

  it('warns about an empty pack without failing it', () => {
    const r = read();
    expect(r.ok).toBe(true);
    expect(lines(r)).toEqual(['warning pack pack-chip-notes : the pack holds no entries and no notes']);
  });

  it('uses the real knowledge base as context', () => {
    const real = packContextFromKb(kb);
    expect(real.ids.has('qwen')).toBe(true);
    expect(real.aliases.get('通义千问')).toBe('qwen');
    const r = readPack(packText({ entities: [chip({ id: 'qwen' })] }), { builtIn: real });
    expect(r.problems[0]!.message).toBe('pack entry "qwen" clashes with the built-in entry "qwen" (Qwen)');
  });
});

describe('readPack: entities', () => {
  it('skips an invalid entry with one error naming the field, keeping the others', () => {
    const r = read({
      entities: [
        chip({ id: 'ok-one' }),
        chip({ id: 'Bad Id' }),
        chip({ id: 'no-type', type: 'gadget' }),
        chip({ id: 'long-alias', aliases: ['ok alias', 'x'.repeat(81)] }),
        chip({ id: 'bad-alias', aliases: ['fine', 3] }),
        { id: 'no-name', type: 'chip', name: {} },
        { type: 'chip', name: { en: 'No id' } },
        'a string',
      ],
    });
    expect(r.accepted.entities).toBe(1);
    expect(r.skipped.entities).toBe(7);
    expect(only(r, 'error').map((p) => `${p.id} ${p.field}: ${p.message}`)).toEqual([
      'Bad Id id: id must be an id such as "my-chip" (lower-case letters, digits and single hyphens)',
      expect.stringMatching(/^no-type type: type must be one of the knowledge base's types \(company, /),
      'long-alias aliases[1]: aliases[1] is too long (81 characters; at most 80)',
      'bad-alias aliases[1]: aliases[1] must be text or { "text": …, "caseSensitive": true }',
      'no-name name: name needs an English or a Chinese name',
      'entities[6] id: missing field "id"',
      'entities[7] : must be an entry object, found a string',
    ]);
  });

  it('refuses an id of a built-in entry, naming both', () => {
    const r = read({ entities: [chip({ id: 'qwen' })] });
    expect(r.skipped.entities).toBe(1);
    expect(lines(r)).toEqual([
      'error entity qwen id: pack entry "qwen" clashes with the built-in entry "qwen" (Qwen)',
    ]);
  });

  it('keeps the first of two entries with the same id', () => {
    const r = read({ entities: [chip(), chip({ name: { en: 'Other' }, aliases: ['Other chip'] })] });
    expect(r.entities.map((e) => e.name.en)).toEqual(['Norvane X1']);
    expect(lines(r)).toEqual([
      'error entity norvane-x1 id: entry "norvane-x1" appears more than once in the pack; only the first is imported',
    ]);
  });

  it('drops refused aliases with a warning naming alias and reason', () => {
    const r = read({ entities: [chip({ aliases: ['N', 'the', '星', 'NX-1', '---'] })] });
    expect(r.entities[0]!.aliases.map((a) => a.text)).toEqual(['NX-1', 'Norvane X1', '星衡一号']);
    expect(only(r, 'warning').map((p) => `${p.field}: ${p.message}`)).toEqual([
      'aliases[0]: alias "N" is one letter: it would mark ordinary words; it is dropped',
      'aliases[1]: alias "the" is a common word: it would mark ordinary text; it is dropped',
      'aliases[2]: alias "星" is a single Chinese character: it would mark ordinary words; it is dropped',
      'aliases[4]: alias "---" has no letters or digits; it is dropped',
    ]);
    expect(r.skipped.entities).toBe(0);
  });

  it('warns about an alias a built-in uses, unless the entry prefers it', () => {
    const r = read({
      entities: [
        chip({ aliases: ['NX-1', 'QwQ'] }),
        chip({ id: 'qwq-fork', name: { en: 'QwQ Fork' }, aliases: ['qwq'], prefer: ['QWQ'] }),
      ],
    });
    expect(only(r, 'warning').map((p) => `${p.id} ${p.field}: ${p.message}`)).toEqual([
      'norvane-x1 aliases[1]: alias "QwQ" is also the built-in entry "qwen"\'s; the built-in entry wins unless listed in prefer',
    ]);
    // The first entry does not take "QwQ" from the built-in, so the second (which prefers it) may.
    // The conflicting alias stays on the entry: the detector decides with `prefer`.
    expect(r.entities[0]!.aliases.map((a) => a.text)).toContain('QwQ');
  });

  it('warns that an entry with no usable alias will not be marked', () => {
    const r = read({ entities: [chip({ id: 'just-ai', name: { en: 'AI' }, aliases: ['Qwen'] })] });
    expect(r.accepted.entities).toBe(1);
    expect(only(r, 'warning').map((p) => `${p.field}: ${p.message}`)).toEqual([
      'aliases[0]: alias "Qwen" is also the built-in entry "qwen"\'s; the built-in entry wins unless listed in prefer',
      'name: alias "AI" is two letters: it would mark ordinary words; it is dropped',
      'aliases: has no alias the detector can use: it will not be marked on pages',
    ]);
  });

  it('accepts markup in names and summaries as plain text, with a warning', () => {
    const r = read({
      entities: [
        chip({
          name: { en: '<img src=x onerror=alert(1)> Chip' },
          summary: { en: 'fine', zh: '<script>alert(1)</script>' },
        }),
      ],
    });
    expect(r.entities[0]!.name.en).toBe('<img src=x onerror=alert(1)> Chip');
    expect(r.entities[0]!.summary.zh).toBe('<script>alert(1)</script>');
    expect(only(r, 'warning').map((p) => `${p.field}: ${p.message}`)).toEqual([
      'name.en: contains markup; it is shown as plain text, never as HTML',
      'summary.zh: contains markup; it is shown as plain text, never as HTML',
    ]);
  });

  it('does not call "a < b and c > d" markup', () => {
    expect(read({ entities: [chip({ summary: { en: 'a < b and c > d, Qwen <3' } })] }).problems).toEqual([]);
  });

  it('warns about related ids that are neither built-in nor in the pack, including later entries', () => {
    const r = read({
      entities: [
        chip({ related: ['nvidia', 'later-one', 'nowhere'] }),
        chip({ id: 'later-one', name: { en: 'Later One' } }),
      ],
    });
    expect(lines(r)).toEqual([
      // The second entry also has the first one's alias NX-1.
      'warning entity later-one aliases[0]: alias "NX-1" is also the pack entry "norvane-x1"\'s; the first entry keeps it',
      'warning entity norvane-x1 related[2]: related entry "nowhere" is neither a built-in entry nor in the pack',
    ]);
  });

  it('reads entry dates as ISO 8601, using the import time for a bad one', () => {
    const r = read({ entities: [chip({ createdAt: '2026-01-02T03:04:05.006Z', updatedAt: 'soon' })] });
    expect(r.entities[0]!.createdAt).toBe(Date.parse('2026-01-02T03:04:05.006Z'));
    expect(r.entities[0]!.updatedAt).toBe(Date.parse('2026-01-02T03:04:05.006Z'));
    expect(lines(r)).toEqual([
      'warning entity norvane-x1 updatedAt: updatedAt is not an ISO 8601 date; the import time is used',
    ]);
  });
});

describe('readPack: notes', () => {
  it('skips notes about unknown entries, with bad dates or bad fields', () => {
    const r = read({
      entities: [chip(), chip({ id: 'skipped-one', type: 'gadget' })],
      notes: [
        { entity: 'qwen', text: 'ok' },
        { entity: 'ghost', text: 'about nothing' },
        { entity: 'skipped-one', text: 'its entry was skipped' },
        { id: 'n-7', entity: 'qwen', text: 'x', createdAt: 'yesterday' },
        { entity: 'qwen', text: 'x', createdAt: 1764496800000 },
        { entity: 'qwen', text: '   ' },
        { entity: 'qwen', text: 'x'.repeat(5001) },
        [1, 2],
      ],
    });
    expect(r.accepted.notes).toBe(1);
    expect(r.skipped.notes).toBe(7);
    expect(
      only(r, 'error')
        .filter((p) => p.kind === 'note')
        .map((p) => `${p.id} ${p.field}: ${p.message}`),
    ).toEqual([
      'notes[1] entity: note about unknown entry "ghost"',
      'notes[2] entity: note about unknown entry "skipped-one"',
      'n-7 createdAt: createdAt "yesterday" is not an ISO 8601 date such as "2026-11-30T10:00:00Z"',
      'notes[4] createdAt: createdAt a number is not an ISO 8601 date such as "2026-11-30T10:00:00Z"',
      'notes[5] text: text must not be empty',
      'notes[6] text: text is too long (5001 characters; at most 5000)',
      'notes[7] : must be a note object, found a list',
    ]);
  });

  it('refuses a second note with the same id', () => {
    const r = read({
      notes: [
        { id: 'n-1', entity: 'qwen', text: 'a' },
        { id: 'n-1', entity: 'qwen', text: 'b' },
      ],
    });
    expect(r.notes.map((n) => n.text)).toEqual(['a']);
    expect(lines(r)).toEqual(['error note n-1 id: note id "n-1" appears more than once in the pack']);
  });

  it('defaults a note without createdAt to the import time', () => {
    expect(read({ notes: [{ entity: 'qwen', text: 'a' }] }).notes[0]!.createdAt).toBe(NOW);
  });
});

describe('readPack: fatal problems', () => {
  it('refuses text that is not JSON with JSON.parse’s reason', () => {
    const message = fatalMessage(readPack('{"format": "factlens-pack",', ctx));
    expect(message).toMatch(/^the pack is not JSON \(.+\)$/);
    expect(message).toContain(
      (() => {
        try {
          JSON.parse('{"format": "factlens-pack",');
        } catch (e) {
          return (e as Error).message;
        }
      })(),
    );
  });

  it('refuses an empty file, a list and a string', () => {
    expect(fatalMessage(readPack(' \n', ctx))).toBe('the pack is empty');
    expect(fatalMessage(readPack('[]', ctx))).toBe(
      'the file is not a Factlens pack: expected a JSON object with "format": "factlens-pack", found a list',
    );
    expect(fatalMessage(readPack('"hello"', ctx))).toMatch(/found a string$/);
  });

  it('refuses a wrong or missing format', () => {
    expect(fatalMessage(read({ format: 'factlens-pins' }))).toBe(
      'the file is not a Factlens pack: its "format" is "factlens-pins" (expected "factlens-pack")',
    );
    expect(fatalMessage(read({ format: undefined }))).toBe(
      'the file is not a Factlens pack: it has no "format" field (expected "factlens-pack")',
    );
  });

  it('refuses a missing, invalid or newer version', () => {
    expect(fatalMessage(read({ version: undefined }))).toBe(
      'the pack has no valid "version" (a whole number from 1; it has none)',
    );
    expect(fatalMessage(read({ version: '1' }))).toBe(
      'the pack has no valid "version" (a whole number from 1; found a string)',
    );
    expect(fatalMessage(read({ version: 0.5 }))).toMatch(/found 0.5\)$/);
    expect(fatalMessage(read({ version: PACK_VERSION + 1 }))).toBe(
      'the pack was made by a newer version of Factlens (pack format 2; this one reads up to 1); update Factlens to import it',
    );
  });

  it('refuses entities or notes that are not lists', () => {
    expect(fatalMessage(read({ entities: { qwen: {} } }))).toBe(
      '"entities" must be a list of entries, found an object',
    );
    expect(fatalMessage(read({ notes: 'none' }))).toBe('"notes" must be a list of notes, found a string');
  });

  it('refuses text over the size limit before parsing it (50 MB)', () => {
    const huge = ' '.repeat(50_000_000);
    const r = readPack(huge, ctx);
    expect(fatalMessage(r)).toBe('the pack is too large to import (50.0 MB; the limit is 20 MB)');
    expect(PACK_LIMITS.bytes).toBe(20_000_000);
  });

  it('refuses 100,000 entries by count, and too many notes', () => {
    const entry = { id: 'e', type: 'chip', name: { en: 'E' } };
    const r = readPack(packText({ entities: Array.from({ length: 100_000 }, () => entry) }), ctx);
    expect(fatalMessage(r)).toBe('the pack holds 100000 entries; at most 5000 can be imported');
    expect(r.skipped).toEqual({ entities: 100_000, notes: 0 });
    const notes = Array.from({ length: PACK_LIMITS.notes + 1 }, () => ({ entity: 'qwen', text: 'x' }));
    expect(fatalMessage(read({ notes }))).toBe('the pack holds 20001 notes; at most 20000 can be imported');
  });

  it('accepts exactly the limit of entities', () => {
    const entities = Array.from({ length: PACK_LIMITS.entities }, (_, i) =>
      chip({ id: `e-${i}`, name: { en: `Entry Number ${i}` }, aliases: [] }),
    );
    const r = read({ entities });
    expect(r.ok).toBe(true);
    expect(r.accepted.entities).toBe(5000);
  });

  it('refuses absurd nesting instead of parsing it', () => {
    const deep = `{"format":"factlens-pack","version":1,"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(fatalMessage(readPack(deep, ctx))).toBe(
      'the pack nests lists and objects more than 64 levels deep, so it is not a Factlens pack',
    );
    // Brackets inside strings are text, not nesting.
    expect(read({ name: `${'['.repeat(200)}\\"{` }).ok).toBe(true);
  });

  it('never throws on odd input', () => {
    for (const text of [
      'null',
      '0',
      'true',
      '{}',
      '{"format":"factlens-pack","version":1,"entities":[null,1,[]]}',
      '\uFEFF{}',
    ]) {
      expect(() => readPack(text, ctx)).not.toThrow();
    }
    expect(readPack(undefined as unknown as string, ctx).ok).toBe(false);
  });
});

describe('readPack: prototype keys', () => {
  it('never pollutes Object.prototype and reports the ignored keys', () => {
    const text = packText({
      entities: [chip()],
      notes: [{ entity: 'qwen', text: 'x' }],
    })
      .replace('{"format"', '{"__proto__":{"polluted":1},"format"')
      .replace(
        '"type":"chip"',
        '"__proto__":{"polluted":2},"constructor":{"prototype":{"polluted":3}},"type":"chip"',
      )
      .replace('"en":"Norvane X1"', '"__proto__":{"polluted":4},"en":"Norvane X1"')
      .replace('"text":"x"', '"text":"x","__proto__":{"polluted":5}');
    const r = readPack(text, ctx);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    expect(r.ok).toBe(true);
    expect(r.accepted).toEqual({ entities: 1, notes: 1 });
    expect(Object.getPrototypeOf(r.entities[0])).toBe(Object.prototype);
    expect(Object.getPrototypeOf(r.entities[0]!.name)).toBe(Object.prototype);
    expect(Object.keys(r.entities[0]!.name)).toEqual(['en', 'zh']);
    expect(lines(r)).toEqual([
      'warning pack pack-chip-notes : ignored 6 fields named __proto__, constructor or prototype',
    ]);
  });

  it('refuses reserved words as ids', () => {
    const r = read({
      entities: [chip({ id: '__proto__' }), chip({ id: 'constructor' }), chip({ id: 'prototype' })],
      notes: [{ entity: 'constructor', text: 'x' }],
    });
    expect(r.accepted).toEqual({ entities: 0, notes: 0 });
    expect(only(r, 'error').map((p) => `${p.id}: ${p.message}`)).toEqual([
      '__proto__: id must be an id such as "my-chip" (lower-case letters, digits and single hyphens)',
      'constructor: id "constructor" is reserved: it names a property every JavaScript object has',
      'prototype: id "prototype" is reserved: it names a property every JavaScript object has',
      'notes[0]: note about unknown entry "constructor"',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('writePack', () => {
  const entity = (over: Partial<UserEntity>): UserEntity => ({
    id: 'norvane-x1',
    type: 'chip',
    name: { en: 'Norvane X1', zh: '星衡一号' },
    aliases: [
      { text: 'NX-1' },
      { text: 'NVX', caseSensitive: true },
      { text: 'Norvane X1' },
      { text: '星衡一号' },
    ],
    summary: { en: 'An inference chip.', zh: '推理芯片。' },
    related: ['nvidia', 'kelmora-ai'],
    pack: OWN_PACK,
    lookupOnly: false,
    prefer: [],
    createdAt: Date.parse('2026-10-01T08:00:00.123Z'),
    updatedAt: Date.parse('2026-11-01T08:00:00Z'),
    ...over,
  });
  const note = (over: Partial<Note>): Note => ({
    id: 'n-1',
    entity: 'qwen',
    text: 'A note\nover two lines.',
    url: 'https://example.com/x',
    title: 'Example',
    quote: 'the quote',
    tags: ['models'],
    createdAt: Date.parse('2026-11-30T10:00:00Z'),
    updatedAt: Date.parse('2026-11-30T12:00:00Z'),
    pack: OWN_PACK,
    ...over,
  });
  const state: KnowledgeState = {
    entities: [
      entity({}),
      entity({
        id: 'kelmora-ai',
        type: 'company',
        name: { zh: '星衡智能' },
        aliases: [{ text: '星衡智能' }, { text: 'Kelmora' }],
        summary: {},
        related: [],
        lookupOnly: true,
        prefer: ['QwQ'],
      }),
      entity({ id: 'from-a-pack', pack: 'pack-other' }),
    ],
    notes: [
      note({}),
      note({ id: 'n-2', entity: 'kelmora-ai', url: '', title: '', quote: '', tags: [] }),
      note({ id: 'n-3', pack: 'pack-other' }),
    ],
    packs: [{ id: 'pack-other', name: 'Other', author: 'B', revision: 1, enabled: true, importedAt: 0 }],
  };

  it('writes own entries and notes only, as 2-space JSON with ISO dates', () => {
    const text = writePack(state, { name: 'My knowledge', author: 'Ann', now: NOW });
    expect(text).toMatch(/^\{\n {2}"format": "factlens-pack",\n {2}"version": 1,/);
    const json = JSON.parse(text);
    expect(json).toMatchObject({
      name: 'My knowledge',
      author: 'Ann',
      revision: 1,
      own: true,
      exportedAt: '2026-12-01T00:00:00.000Z',
    });
    expect(json.entities.map((e: { id: string }) => e.id)).toEqual(['norvane-x1', 'kelmora-ai']);
    expect(json.notes.map((n: { id: string }) => n.id)).toEqual(['n-1', 'n-2']);
    expect(json.entities[0].aliases).toEqual([
      'NX-1',
      { text: 'NVX', caseSensitive: true },
      'Norvane X1',
      '星衡一号',
    ]);
    expect(json.entities[0].createdAt).toBe('2026-10-01T08:00:00.123Z');
    expect(json.notes[1]).toEqual({
      id: 'n-2',
      entity: 'kelmora-ai',
      text: 'A note\nover two lines.',
      createdAt: '2026-11-30T10:00:00.000Z',
      updatedAt: '2026-11-30T12:00:00.000Z',
    });
  });

  it('round-trips through readPack to the same entities and notes', () => {
    const text = writePack(state, { name: 'My knowledge', author: 'Ann', revision: 4, now: NOW });
    const r = readPack(text, ctx);
    expect(r.problems).toEqual([]);
    expect(r.info).toEqual({ id: OWN_PACK, name: 'My knowledge', author: 'Ann', revision: 4, own: true });
    expect(r.entities).toEqual(state.entities.slice(0, 2));
    expect(r.notes).toEqual(state.notes.slice(0, 2));
  });

  it('writes an empty own pack for an empty store', () => {
    const r = readPack(writePack(EMPTY_KNOWLEDGE, { name: 'Nothing', author: '' }), ctx);
    expect(r.ok).toBe(true);
    expect(r.accepted).toEqual({ entities: 0, notes: 0 });
  });
});

describe('migratePack', () => {
  it('has no migrations at version 1, and leaves a current pack as it is', () => {
    expect(PACK_VERSION).toBe(1);
    expect(PACK_MIGRATIONS).toEqual({});
    const value = { format: PACK_FORMAT, version: 1 };
    expect(migratePack(value, 1)).toBe(value);
  });

  it('runs each migration after the pack’s version, in order, up to the newest', () => {
    const calls: string[] = [];
    const fake: Record<number, (pack: unknown) => unknown> = {
      2: (p) => {
        calls.push('2');
        return { ...(p as object), version: 2, renamed: (p as { old: string }).old };
      },
      3: (p) => {
        calls.push('3');
        return { ...(p as object), version: 3, third: true };
      },
    };
    expect(migratePack({ version: 1, old: 'x' }, 1, fake)).toEqual({
      version: 3,
      old: 'x',
      renamed: 'x',
      third: true,
    });
    expect(calls).toEqual(['2', '3']);
    calls.length = 0;
    expect(migratePack({ version: 2 }, 2, fake)).toEqual({ version: 3, third: true });
    expect(calls).toEqual(['3']);
    calls.length = 0;
    expect(migratePack({ version: 3 }, 3, fake)).toEqual({ version: 3 });
    expect(calls).toEqual([]);
  });

  it('skips a version without a migration', () => {
    expect(migratePack({ a: 1 }, 1, { 3: (p) => ({ ...(p as object), b: 2 }) })).toEqual({ a: 1, b: 2 });
  });
});
