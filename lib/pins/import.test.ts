import { describe, expect, it } from 'vitest';
import { testFactIds } from './fixtures/kb';
import v1Export from './fixtures/v1-export.json';
import { exportedNotes, MAX_IMPORT_CHARS, parseImport } from './import';
import { PIN_LIMITS, pinId } from './schema';

const good = {
  factId: 'test-event',
  entity: 'gpt-4',
  url: 'https://example.com/a',
  title: 'A',
  pinnedAt: 1_700_000_000_000,
  note: '',
  tags: [],
};
const file = (pins: unknown[], extra: object = {}) =>
  JSON.stringify({
    format: 'factlens-pins',
    version: 2,
    exportedAt: '2024-01-01T00:00:00.000Z',
    pins,
    ...extra,
  });

function message(text: string): string {
  const r = parseImport(text, testFactIds);
  if (r.ok) throw new Error('expected the file to be refused');
  return r.message;
}

describe('files that are not exports get one clear message', () => {
  it('not JSON', () => {
    expect(message('pinned: yes')).toMatch(
      /^The file is not JSON, so it is not a Factlens pins export \(.+\)\.$/,
    );
  });
  it('empty', () => {
    expect(message('  \n')).toBe('The file is empty.');
  });
  it('JSON of the wrong shape', () => {
    expect(message('42')).toMatch(/expected a JSON object with "format": "factlens-pins", found a number/);
    expect(message('"pins"')).toMatch(/found text/);
    expect(message('null')).toMatch(/found null/);
  });
  it('a wrong or missing format marker', () => {
    expect(message(JSON.stringify({ pins: [good] }))).toMatch(/it has no "format" field/);
    expect(message(JSON.stringify({ format: 'other-app', pins: [good] }))).toMatch(
      /its "format" is "other-app"/,
    );
  });
  it('a bad version or a missing list', () => {
    expect(message(file([good], { version: 4 }))).toMatch(/newer version of Factlens \(format version 4\)/);
    expect(message(file([good], { version: 'two' }))).toMatch(/without a valid "version"/);
    expect(message(file([], { pins: { a: good } }))).toMatch(/without a list of "pins"/);
  });
  it('a file over the size limit', () => {
    expect(message(' '.repeat(MAX_IMPORT_CHARS + 1))).toMatch(
      /too large to import \(5\.0 MB; the limit is 5 MB\)/,
    );
  });
});

describe('entries', () => {
  it('imports the valid pins of a partly valid file and reports each rejected one', () => {
    const r = parseImport(
      file([
        good,
        { ...good, factId: undefined },
        { ...good, factId: 'no-such-fact' },
        { ...good, url: 'https://example.com/b', note: 'n'.repeat(5001) },
        'nonsense',
        { ...good, url: 'https://example.com/c', tags: ['ok'] },
      ]),
      testFactIds,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pins.map((p) => p.url)).toEqual(['https://example.com/a', 'https://example.com/c']);
    expect(r.rejected).toEqual([
      { index: 1, reason: 'missing field "factId"' },
      { index: 2, reason: 'unknown fact id "no-such-fact"' },
      { index: 3, reason: 'note is too long (5001 characters; at most 5000)' },
      { index: 4, reason: 'must be an object with the fields of a pin, found text' },
    ]);
  });

  it('accepts a bare list of pins, in either shape, and a byte-order mark', () => {
    const v1 = {
      fact: 'test-opinion',
      entity: 'deepseek',
      url: 'https://x.org',
      time: '2024-05-01T00:00:00Z',
    };
    const r = parseImport(`\uFEFF${JSON.stringify([good, v1])}`, testFactIds);
    expect(r.ok && r.pins.map((p) => [p.id, p.pinnedAt])).toEqual([
      [pinId('test-event', good.url), good.pinnedAt],
      [pinId('test-opinion', 'https://x.org'), Date.parse('2024-05-01T00:00:00Z')],
    ]);
  });

  it('migrates a v1 export, rejecting what cannot be migrated', () => {
    const r = parseImport(JSON.stringify(v1Export), testFactIds);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pins).toHaveLength(1);
    expect(r.pins[0]).toMatchObject({ factId: 'test-event', note: 'from a v1 export', tags: [] });
    expect(r.rejected).toEqual([{ index: 1, reason: 'time "not a date" is not a date' }]);
  });

  it('keeps duplicates within a file for the merge to fold together', () => {
    const r = parseImport(file([good, { ...good, url: `${good.url}#x`, note: 'second' }]), testFactIds);
    expect(r.ok && r.pins.map((p) => p.id)).toEqual([
      pinId('test-event', good.url),
      pinId('test-event', good.url),
    ]);
  });
});

describe('quotes and notes', () => {
  it('reads a file exported before quotes and notes (version 2): the pins, with empty quotes', () => {
    const r = parseImport(file([good, { ...good, url: 'https://example.com/b', note: 'n' }]), testFactIds);
    expect(r.ok && r.pins.map((p) => [p.url, p.quote])).toEqual([
      ['https://example.com/a', ''],
      ['https://example.com/b', ''],
    ]);
    expect(exportedNotes(file([good]))).toEqual([]);
  });

  it("reads a version 3 file's quotes, bounded, and leaves its notes to the knowledge store", () => {
    const note = { id: 'n-1', entity: 'deepseek', text: 'A note', createdAt: 5 };
    const text = file(
      [
        { ...good, quote: 'Said   on\nthe page.' },
        { ...good, url: 'https://example.com/long', quote: 'q'.repeat(1000) },
      ],
      { version: 3, notes: [note, 'not a note'] },
    );
    const r = parseImport(text, testFactIds);
    expect(r.ok && r.rejected).toEqual([]);
    expect(r.ok && r.pins.map((p) => p.quote)).toEqual(['Said on the page.', 'q'.repeat(PIN_LIMITS.quote)]);
    // The notes are handed on as written: the store validates each one.
    expect(exportedNotes(text)).toEqual([note, 'not a note']);
  });

  it('rejects a quote that is not text, and only that pin', () => {
    const r = parseImport(
      file([good, { ...good, url: 'https://example.com/b', quote: 7 }], { version: 3 }),
      testFactIds,
    );
    expect(r.ok && r.rejected).toEqual([{ index: 1, reason: 'quote must be text' }]);
  });

  it('finds no notes in what is not a Factlens export', () => {
    expect(exportedNotes('not json')).toEqual([]);
    expect(exportedNotes(JSON.stringify([good]))).toEqual([]);
    expect(exportedNotes(JSON.stringify({ format: 'other', notes: [{}] }))).toEqual([]);
    expect(exportedNotes(file([], { version: 4, notes: [{}] }))).toEqual([]);
    expect(exportedNotes(file([], { version: 3, notes: 'x' }))).toEqual([]);
    expect(exportedNotes(`\uFEFF${file([], { version: 3, notes: [1] })}`)).toEqual([1]);
  });
});
