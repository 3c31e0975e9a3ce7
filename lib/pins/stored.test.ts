import { describe, expect, it } from 'vitest';
import v2Store from './fixtures/v2-store.json';
import { pinId } from './schema';
import { interpretStored } from './stored';

const pin = (over: object = {}) => ({
  factId: 'test-event',
  entity: 'gpt-4',
  url: 'https://example.com/a',
  title: '',
  pinnedAt: 10,
  note: '',
  tags: [],
  quote: '',
  ...over,
});

describe('interpretStored', () => {
  it('reads an empty store as writable with nothing to do', () => {
    const s = interpretStored({ pins: null, meta: null, quarantine: null });
    expect(s).toMatchObject({ pins: [], pending: [], problems: [], readOnly: false, needsWrite: false });
    expect(s.meta).toEqual({ v: 3 });
  });

  it('needs no write for a clean v3 store, and keeps other metadata', () => {
    const s = interpretStored({ pins: [pin()], meta: { v: 3, other: 'x' }, quarantine: [] });
    expect(s.needsWrite).toBe(false);
    expect(s.meta).toEqual({ v: 3, other: 'x' });
    expect(s.pins[0]?.id).toBe(pinId('test-event', 'https://example.com/a'));
  });

  it('migrates the stored v2 snapshot: quotes added, the broken entry and the kept-aside one pending', () => {
    const s = interpretStored({
      pins: v2Store.pins,
      meta: v2Store.pins$,
      quarantine: v2Store['pins-quarantine'],
    });
    expect(s).toMatchObject({ readOnly: false, needsWrite: true, meta: { v: 3 } });
    expect(s.pins.map((p) => [p.factId, p.quote])).toEqual([
      ['test-reported', ''],
      ['test-opinion', ''],
      ['test-funding-figure', ''],
    ]);
    expect(s.problems).toEqual([
      'Pin at index 3 of the version 2 store was set aside: pinnedAt must be a time in milliseconds since 1970.',
      'Pin at index 4 of the version 1 store was set aside: missing field "fact".',
    ]);
  });

  it('folds duplicate ids together and asks for a write', () => {
    const s = interpretStored({
      pins: [pin({ note: 'a' }), pin({ url: 'https://example.com/a#x', note: 'b', pinnedAt: 99 })],
      meta: { v: 3 },
      quarantine: null,
    });
    expect(s.pins).toHaveLength(1);
    expect(s.pins[0]).toMatchObject({ note: 'a\n\nb', pinnedAt: 10 });
    expect(s.needsWrite).toBe(true);
  });

  it('sorts newest first', () => {
    const s = interpretStored({
      pins: [
        pin({ pinnedAt: 1 }),
        pin({ url: 'https://b.org', pinnedAt: 3 }),
        pin({ url: 'https://c.org', pinnedAt: 2 }),
      ],
      meta: { v: 3 },
      quarantine: null,
    });
    expect(s.pins.map((p) => p.pinnedAt)).toEqual([3, 2, 1]);
  });

  it('migrates a store without metadata, or labelled 0, as v1', () => {
    const v1 = [{ fact: 'test-event', entity: 'gpt-4', url: 'https://x.org', time: '2024-01-01T00:00:00Z' }];
    for (const meta of [null, {}, { v: 0 }, { v: 1 }]) {
      const s = interpretStored({ pins: v1, meta, quarantine: null });
      expect(s.pins.map((p) => p.pinnedAt)).toEqual([Date.parse('2024-01-01T00:00:00Z')]);
      expect(s.needsWrite).toBe(true);
    }
  });

  it('reports quarantine records, including ones without a reason', () => {
    const s = interpretStored({
      pins: [],
      meta: { v: 3 },
      quarantine: [{ quarantinedAt: 1, fromVersion: 3, index: 4, reason: 'why', entry: 1 }, 'mystery'],
    });
    expect(s.problems).toEqual([
      'Stored pin at index 4 was set aside: why.',
      'An entry in the quarantine has no recorded reason.',
    ]);
    expect(s.quarantine).toHaveLength(2);
  });

  it('reads newer versions without planning any write', () => {
    const s = interpretStored({ pins: [pin(), 'x'], meta: { v: 7 }, quarantine: null });
    expect(s).toMatchObject({ readOnly: true, needsWrite: false, pending: [] });
    expect(s.pins).toHaveLength(1);
    expect(s.meta).toEqual({ v: 7 });
  });
});
