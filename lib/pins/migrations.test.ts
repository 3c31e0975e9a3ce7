import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import v1Store from './fixtures/v1-store.json';
import v1Labelled from './fixtures/v1-store-labelled.json';
import v2Store from './fixtures/v2-store.json';
import v3FromV2 from './fixtures/v3-from-v2.json';
import {
  isKeptAside,
  type KeptAside,
  migrateStored,
  migrateToV2,
  migrateToV3,
  PIN_MIGRATIONS,
  PINS_VERSION,
} from './migrations';
import { PIN_LIMITS, type Pin, pinId } from './schema';

function split(out: unknown[]) {
  return {
    pins: out.filter((e) => !isKeptAside(e)) as Pin[],
    aside: out.filter(isKeptAside) as KeptAside[],
  };
}

describe('v1 → v2', () => {
  it('is registered as migration 2', () => {
    expect(PIN_MIGRATIONS[2]).toBe(migrateToV2);
  });

  it('migrates a stored v1 snapshot, merging a duplicate and keeping broken entries aside', () => {
    const input = structuredClone(v1Store.pins);
    const { pins, aside } = split(migrateToV2(input));
    expect(input).toEqual(v1Store.pins); // the stored value is not mutated

    const funding = pins.find((p) => p.factId === 'test-funding-figure');
    expect(funding).toEqual({
      id: pinId('test-funding-figure', 'https://www.example.com/news/ai-funding?lang=en'),
      factId: 'test-funding-figure',
      entity: 'deepseek',
      url: 'https://www.example.com/news/ai-funding?lang=en#section-2',
      title: 'AI funding round-up',
      pinnedAt: Date.parse('2024-11-02T09:15:00.000Z'),
      note: 'Compare with the 2022 figure.\n\nPinned twice from the same page.',
      tags: [],
      // Read with today's pin schema, which gives every pin a quote (empty: v1 kept none).
      quote: '',
    });
    const opinion = pins.find((p) => p.factId === 'test-opinion');
    expect(opinion?.pinnedAt).toBe(Date.parse('2024-11-03T21:40:12.345Z'));
    expect(opinion?.title).toBe('中美AI对比');
    expect(opinion?.note).toBe('');
    const reported = pins.find((p) => p.factId === 'test-reported');
    expect(reported?.title).toBe('');
    expect(pins).toHaveLength(3);

    expect(aside.map((a) => [a.keptAside.index, a.keptAside.reason])).toEqual([
      [4, 'missing field "fact"'],
      [5, 'time "sometime last week" is not a date'],
      [6, 'expected a pin object, found null'],
    ]);
    for (const a of aside) {
      expect(a.keptAside.fromVersion).toBe(1);
      expect(a.keptAside.entry).toEqual(v1Store.pins[a.keptAside.index]);
    }
  });

  it('migrates the explicitly labelled v1 snapshot', () => {
    const { pins, aside } = split(migrateToV2(v1Labelled.pins));
    expect(pins.map((p) => p.note)).toEqual(['Labelled v1 explicitly.']);
    expect(aside.map((a) => a.keptAside.reason)).toEqual([
      'expected a pin object, found text',
      'fact must be text',
    ]);
  });

  it('keeps a value that is not a list aside as a whole', () => {
    const out = migrateToV2({ pins: 'odd' });
    expect(out).toEqual([
      {
        keptAside: {
          fromVersion: 1,
          index: -1,
          reason: 'they were not a list (found an object)',
          entry: { pins: 'odd' },
        },
      },
    ]);
    expect(migrateToV2(null)).toEqual([]);
    expect(migrateToV2(undefined)).toEqual([]);
  });

  it('passes pins already in the v2 shape through', () => {
    const pin = {
      factId: 'a',
      entity: 'b',
      url: 'https://x.org',
      pinnedAt: 5,
      note: '',
      tags: ['t'],
      title: '',
    };
    expect(migrateToV2([pin])).toEqual([{ id: pinId('a', 'https://x.org'), ...pin, quote: '' }]);
  });

  it('is total and idempotent on any input', () => {
    const v1ish = fc.record(
      {
        fact: fc.oneof(fc.constantFrom('test-event', 'a-b'), fc.string(), fc.integer()),
        entity: fc.oneof(fc.constant('gpt-4'), fc.string()),
        url: fc.oneof(fc.webUrl(), fc.string()),
        title: fc.oneof(fc.string(), fc.constant(null)),
        time: fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          fc.string(),
        ),
        note: fc.string(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.array(fc.oneof(v1ish, fc.anything())), fc.anything()), (stored) => {
        const once = migrateToV2(stored);
        expect(Array.isArray(once)).toBe(true);
        const { pins, aside } = split(once);
        if (Array.isArray(stored)) expect(pins.length + aside.length).toBeLessThanOrEqual(stored.length);
        expect(migrateToV2(once)).toEqual(once);
      }),
      { numRuns: 300 },
    );
  });
});

describe('v2 → v3', () => {
  it('is registered as migration 3, the current version', () => {
    expect(PINS_VERSION).toBe(3);
    expect(PIN_MIGRATIONS[3]).toBe(migrateToV3);
    expect(Object.keys(PIN_MIGRATIONS).map(Number)).toEqual([2, 3]);
  });

  it('migrates the stored v2 snapshot exactly as recorded (fixtures/v3-from-v2.json)', () => {
    const input = structuredClone(v2Store.pins);
    expect(migrateToV3(input)).toEqual(v3FromV2.pins);
    expect(input).toEqual(v2Store.pins); // the stored value is not mutated
  });

  it('gives every v2 pin an empty quote and changes nothing else', () => {
    const { pins, aside } = split(migrateToV3(v2Store.pins));
    expect(pins.map((p) => p.quote)).toEqual(['', '', '']);
    for (const pin of pins) {
      const { quote: _q, ...rest } = pin;
      expect(v2Store.pins).toContainEqual(rest);
    }
    // A broken v2 entry is kept aside with its index; one kept aside by v1 → v2 passes through.
    expect(aside.map((a) => [a.keptAside.fromVersion, a.keptAside.index, a.keptAside.reason])).toEqual([
      [2, 3, 'pinnedAt must be a time in milliseconds since 1970'],
      [1, 4, 'missing field "fact"'],
    ]);
  });

  it('keeps a value that is not a list aside as a whole, and reads nothing as nothing', () => {
    expect(migrateToV3('odd')).toEqual([
      { keptAside: { fromVersion: 2, index: -1, reason: 'they were not a list (found text)', entry: 'odd' } },
    ]);
    expect(migrateToV3(null)).toEqual([]);
    expect(migrateToV3(undefined)).toEqual([]);
  });

  it('keeps a quote a pre-release store already had, collapsed and bounded', () => {
    const pin = { ...v3FromV2.pins[0], quote: `  two\n lines  ${'x'.repeat(500)}` };
    const [out] = migrateToV3([pin]) as Pin[];
    expect(out?.quote.startsWith('two lines xxx')).toBe(true);
    expect(out?.quote).toHaveLength(PIN_LIMITS.quote);
  });

  it('is total and idempotent on any input', () => {
    const v2ish = fc.record(
      {
        factId: fc.oneof(fc.constantFrom('test-event', 'a-b'), fc.string()),
        entity: fc.oneof(fc.constant('gpt-4'), fc.string()),
        url: fc.oneof(fc.webUrl(), fc.string()),
        title: fc.string(),
        pinnedAt: fc.oneof(fc.integer({ min: 0, max: 2e12 }), fc.string()),
        note: fc.string(),
        tags: fc.array(fc.string(), { maxLength: 3 }),
        quote: fc.oneof(fc.string(), fc.integer()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.array(fc.oneof(v2ish, fc.anything())), fc.anything()), (stored) => {
        const once = migrateToV3(stored);
        expect(Array.isArray(once)).toBe(true);
        if (Array.isArray(stored)) expect(once).toHaveLength(stored.length);
        expect(migrateToV3(once)).toEqual(once);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the chain', () => {
  it('runs every migration from a version, and nothing from the current one', () => {
    const current = [{ anything: true }];
    expect(migrateStored(current, 3)).toBe(current);
    const fromV1 = split(migrateStored(v1Store.pins, 1) as unknown[]);
    expect(fromV1.pins).toHaveLength(3);
    expect(fromV1.pins.every((p) => p.quote === '')).toBe(true);
    // What v1 → v2 kept aside is still named as the v1 store's, with its v1 index.
    expect(fromV1.aside.map((a) => [a.keptAside.fromVersion, a.keptAside.index])).toEqual([
      [1, 4],
      [1, 5],
      [1, 6],
    ]);
    expect(migrateStored(v2Store.pins, 2)).toEqual(v3FromV2.pins);
  });
});
