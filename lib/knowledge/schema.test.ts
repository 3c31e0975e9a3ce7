// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  entityIdFor,
  KNOWLEDGE_LIMITS,
  nameIn,
  noteId,
  notesByNewest,
  OWN_PACK,
  parseNote,
  parseUserEntity,
} from './schema';

const NOW = Date.parse('2026-12-01T00:00:00Z');

const entity = (over: Record<string, unknown> = {}) => ({
  id: 'norvane-labs',
  type: 'company',
  name: { en: 'Norvane Labs' },
  ...over,
});

const ok = <T>(r: { ok: true; value: T } | { ok: false; field: string; reason: string }): T => {
  if (!r.ok) throw new Error(`expected ok, got ${r.field}: ${r.reason}`);
  return r.value;
};

const failed = (r: { ok: boolean; field?: string; reason?: string }) => {
  expect(r.ok).toBe(false);
  return { field: (r as { field: string }).field, reason: (r as { reason: string }).reason };
};

describe('parseUserEntity', () => {
  it('fills the defaults of a minimal entry', () => {
    expect(ok(parseUserEntity(entity(), NOW))).toEqual({
      id: 'norvane-labs',
      type: 'company',
      name: { en: 'Norvane Labs' },
      aliases: [{ text: 'Norvane Labs' }],
      summary: {},
      related: [],
      pack: OWN_PACK,
      lookupOnly: false,
      prefer: [],
      createdAt: NOW,
      updatedAt: NOW,
    });
  });

  it('trims names and collapses their inner whitespace, and the names become aliases', () => {
    const e = ok(
      parseUserEntity(
        entity({ name: { en: '  Norvane \n\t Labs  ', zh: ' 诺万 实验室 ' }, aliases: ['Norvane'] }),
        NOW,
      ),
    );
    expect(e.name).toEqual({ en: 'Norvane Labs', zh: '诺万 实验室' });
    expect(e.aliases).toEqual([{ text: 'Norvane' }, { text: 'Norvane Labs' }, { text: '诺万 实验室' }]);
  });

  it('drops an empty language rather than keeping ""', () => {
    const e = ok(
      parseUserEntity(entity({ name: { en: 'Norvane', zh: '   ' }, summary: { en: ' ', zh: '芯片' } }), NOW),
    );
    expect(e.name).toEqual({ en: 'Norvane' });
    expect(e.summary).toEqual({ zh: '芯片' });
  });

  it('removes duplicate aliases case-insensitively, keeping the first spelling', () => {
    const e = ok(
      parseUserEntity(
        entity({ aliases: ['Norvane', 'NORVANE', ' norvane ', 'Norvane  Labs', 'norvane labs'] }),
        NOW,
      ),
    );
    expect(e.aliases).toEqual([{ text: 'Norvane' }, { text: 'Norvane Labs' }]);
  });

  it('keeps case-sensitive aliases that differ only in case, and drops exact case-sensitive repeats', () => {
    const e = ok(
      parseUserEntity(
        entity({
          aliases: [
            { text: 'NVL', caseSensitive: true },
            { text: 'Nvl', caseSensitive: true },
            { text: 'NVL', caseSensitive: true },
            { text: 'nvx', caseSensitive: false },
          ],
        }),
        NOW,
      ),
    );
    expect(e.aliases).toEqual([
      { text: 'NVL', caseSensitive: true },
      { text: 'Nvl', caseSensitive: true },
      { text: 'nvx' },
      { text: 'Norvane Labs' },
    ]);
  });

  it('needs an English or a Chinese name', () => {
    for (const name of [{}, { en: '' }, { en: '   ', zh: '\n' }]) {
      expect(failed(parseUserEntity(entity({ name }), NOW))).toEqual({
        field: 'name',
        reason: 'name needs an English or a Chinese name',
      });
    }
    expect(failed(parseUserEntity(entity({ name: undefined }), NOW))).toEqual({
      field: 'name',
      reason: 'missing field "name"',
    });
    expect(ok(parseUserEntity(entity({ name: { zh: '诺万' } }), NOW)).aliases).toEqual([{ text: '诺万' }]);
  });

  it('names the field and gives a readable reason for a bad type, id or overlong field', () => {
    expect(failed(parseUserEntity(entity({ type: 'spaceship' }), NOW))).toEqual({
      field: 'type',
      reason: expect.stringMatching(/^type must be one of the knowledge base's types \(company, model,/),
    });
    expect(failed(parseUserEntity(entity({ id: 'Norvane Labs' }), NOW))).toEqual({
      field: 'id',
      reason: expect.stringMatching(/^id must be an id such as "my-chip"/),
    });
    expect(failed(parseUserEntity(entity({ id: '' }), NOW))).toEqual({
      field: 'id',
      reason: 'id must not be empty',
    });
    expect(failed(parseUserEntity(entity({ id: 7 }), NOW))).toEqual({
      field: 'id',
      reason: 'id must be text',
    });
    expect(failed(parseUserEntity(entity({ id: 'a'.repeat(81) }), NOW))).toEqual({
      field: 'id',
      reason: 'id is too long (81 characters; at most 80)',
    });
    expect(failed(parseUserEntity(entity({ name: { en: 'N'.repeat(121) } }), NOW))).toEqual({
      field: 'name.en',
      reason: 'name.en is too long (121 characters; at most 120)',
    });
    expect(failed(parseUserEntity(entity({ summary: { zh: '字'.repeat(2001) } }), NOW))).toEqual({
      field: 'summary.zh',
      reason: 'summary.zh is too long (2001 characters; at most 2000)',
    });
    expect(failed(parseUserEntity(entity({ aliases: ['ok', 'A'.repeat(81)] }), NOW)).field).toBe('aliases.1');
    expect(
      failed(parseUserEntity(entity({ aliases: Array.from({ length: 41 }, (_, i) => `alias ${i}`) }), NOW)),
    ).toEqual({
      field: 'aliases',
      reason: 'aliases are too many (41; at most 40)',
    });
    expect(failed(parseUserEntity(entity({ lookupOnly: 'yes' }), NOW))).toEqual({
      field: 'lookupOnly',
      reason: 'lookupOnly must be true or false',
    });
    expect(failed(parseUserEntity(entity({ createdAt: Number.NaN }), NOW)).field).toBe('createdAt');
    expect(failed(parseUserEntity(entity({ related: ['Bad Id'] }), NOW)).field).toBe('related.0');
  });

  it('refuses what is not an entry object, saying what it found', () => {
    expect(failed(parseUserEntity([entity()], NOW))).toEqual({
      field: '',
      reason: 'must be an entry object, found a list',
    });
    expect(failed(parseUserEntity('norvane', NOW))).toEqual({
      field: '',
      reason: 'must be an object with the fields of an entry, found text',
    });
    expect(failed(parseUserEntity(null, NOW)).reason).toMatch(/found null$/);
  });

  it('does not let a "__proto__" key reach Object.prototype or the entry', () => {
    const hostile = JSON.parse(
      '{"id":"norvane-labs","type":"company","name":{"en":"Norvane","__proto__":{"polluted":1}},' +
        '"__proto__":{"polluted":2,"lookupOnly":true},"summary":{"__proto__":{"polluted":3}}}',
    );
    const e = ok(parseUserEntity(hostile, NOW));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(e)).toBe(Object.prototype);
    expect(Object.keys(e.name)).toEqual(['en']);
    expect(e.lookupOnly).toBe(false);
    expect(Object.hasOwn(e, '__proto__')).toBe(false);
    expect((e as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('drops itself and repeats from related, and empty and repeated prefers', () => {
    const e = ok(
      parseUserEntity(
        entity({
          related: ['qwen', 'norvane-labs', 'qwen', 'nvidia'],
          prefer: ['Kimi', ' Kimi ', '', 'Moon  shot'],
        }),
        NOW,
      ),
    );
    expect(e.related).toEqual(['qwen', 'nvidia']);
    expect(e.prefer).toEqual(['Kimi', 'Moon shot']);
  });

  it('keeps given times (rounded) and defaults updatedAt to createdAt', () => {
    const e = ok(parseUserEntity(entity({ createdAt: 1000.4 }), NOW));
    expect([e.createdAt, e.updatedAt]).toEqual([1000, 1000]);
  });
});

describe('parseNote', () => {
  const note = (over: Record<string, unknown> = {}) => ({ entity: 'qwen', text: 'Worth a look.', ...over });

  it('fills defaults and generates an id', () => {
    const n = ok(parseNote(note(), NOW));
    expect(n).toEqual({
      id: expect.stringMatching(/^n-[0-9a-z]+-[0-9a-z]+$/),
      entity: 'qwen',
      text: 'Worth a look.',
      url: '',
      title: '',
      quote: '',
      tags: [],
      createdAt: NOW,
      updatedAt: NOW,
      pack: OWN_PACK,
    });
    expect(n.id.startsWith(`n-${NOW.toString(36)}-`)).toBe(true);
  });

  it('truncates an overlong quote to 400 characters instead of refusing it, and collapses it to one line', () => {
    const n = ok(parseNote(note({ quote: `  The  sentence\n${'q'.repeat(1000)}` }), NOW));
    expect(n.quote).toHaveLength(KNOWLEDGE_LIMITS.quote);
    expect(n.quote).toHaveLength(400);
    expect(n.quote.startsWith('The sentence q')).toBe(true);
    expect(ok(parseNote(note({ title: 't'.repeat(3000) }), NOW)).title).toHaveLength(1000);
  });

  it('refuses an empty or overlong text and a bad entity id, naming the field', () => {
    expect(failed(parseNote(note({ text: '   ' }), NOW))).toEqual({
      field: 'text',
      reason: 'text must not be empty',
    });
    expect(failed(parseNote(note({ text: 'x'.repeat(5001) }), NOW))).toEqual({
      field: 'text',
      reason: 'text is too long (5001 characters; at most 5000)',
    });
    expect(failed(parseNote(note({ entity: 'Qwen!' }), NOW)).field).toBe('entity');
    expect(failed(parseNote({ text: 'no entity' }, NOW))).toEqual({
      field: 'entity',
      reason: 'missing field "entity"',
    });
    expect(failed(parseNote(note({ tags: 'chips' }), NOW))).toEqual({
      field: 'tags',
      reason: 'tags must be a list of tags',
    });
    expect(failed(parseNote([note()], NOW)).reason).toBe('must be a note object, found a list');
  });

  it('normalises tags: trimmed, repeats dropped case-insensitively', () => {
    expect(ok(parseNote(note({ tags: [' chips ', 'Chips', 'models', ''] }), NOW)).tags).toEqual([
      'chips',
      'models',
    ]);
  });

  it('keeps a given id and times', () => {
    const n = ok(parseNote(note({ id: 'n-1', createdAt: 5, updatedAt: 9, pack: 'pack-chips' }), NOW));
    expect([n.id, n.createdAt, n.updatedAt, n.pack]).toEqual(['n-1', 5, 9, 'pack-chips']);
  });

  it('does not let a "__proto__" key reach Object.prototype', () => {
    const n = ok(
      parseNote(JSON.parse('{"entity":"qwen","text":"hi","__proto__":{"polluted":true,"url":"x"}}'), NOW),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(n.url).toBe('');
  });
});

describe('ids and names', () => {
  it('noteId gives distinct ids for notes written in the same millisecond', () => {
    const ids = new Set(Array.from({ length: 500 }, () => noteId(NOW)));
    expect(ids.size).toBe(500);
  });

  it('entityIdFor makes a kebab-case slug of the English name', () => {
    const none = () => false;
    expect(entityIdFor({ en: 'Norvane Labs' }, none, NOW)).toBe('norvane-labs');
    expect(entityIdFor({ en: '  Café — X1 (2026)!  ' }, none, NOW)).toBe('cafe-x1-2026');
    expect(entityIdFor({ en: `${'A'.repeat(30)} ${'B'.repeat(40)}` }, none, NOW)).toBe(
      `${'a'.repeat(30)}-${'b'.repeat(29)}`,
    );
  });

  it('entityIdFor numbers a slug that is taken', () => {
    const taken = new Set(['norvane-labs', 'norvane-labs-2']);
    expect(entityIdFor({ en: 'Norvane Labs' }, (id) => taken.has(id), NOW)).toBe('norvane-labs-3');
  });

  it('entityIdFor falls back to entry-<time> for a Chinese-only (or symbol-only) name', () => {
    expect(entityIdFor({ zh: '星衡' }, () => false, NOW)).toBe(`entry-${NOW.toString(36)}`);
    expect(entityIdFor({ en: '星衡 ++' }, () => false, NOW)).toBe(`entry-${NOW.toString(36)}`);
    const first = `entry-${NOW.toString(36)}`;
    expect(entityIdFor({ zh: '星衡' }, (id) => id === first, NOW)).toBe(`${first}-2`);
  });

  it('entityIdFor survives a name that is not text', () => {
    expect(entityIdFor({ en: 42 as unknown as string }, () => false, NOW)).toBe(`entry-${NOW.toString(36)}`);
  });

  it('nameIn prefers the wanted language and falls back to the other', () => {
    expect(nameIn({ en: 'Norvane', zh: '诺万' }, 'zh')).toBe('诺万');
    expect(nameIn({ en: 'Norvane' }, 'zh')).toBe('Norvane');
    expect(nameIn({ zh: '诺万' }, 'en')).toBe('诺万');
    expect(nameIn({}, 'en')).toBe('');
  });

  it('notesByNewest orders newest first, ties by id', () => {
    const n = (id: string, createdAt: number) =>
      ok(parseNote({ id, entity: 'qwen', text: 't', createdAt }, NOW));
    const sorted = [n('b', 1), n('c', 3), n('a', 1)].sort(notesByNewest).map((x) => x.id);
    expect(sorted).toEqual(['c', 'a', 'b']);
  });
});
