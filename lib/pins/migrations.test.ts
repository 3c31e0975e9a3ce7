import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import v1Store from './fixtures/v1-store.json';
import v1Labelled from './fixtures/v1-store-labelled.json';
import {
  isKeptAside,
  type KeptAside,
  migrateStored,
  migrateToV2,
  PIN_MIGRATIONS,
  PINS_VERSION,
} from './migrations';
import { type Pin, pinId } from './schema';

function split(out: unknown[]) {
  return {
    pins: out.filter((e) => !isKeptAside(e)) as Pin[],
    aside: out.filter(isKeptAside) as KeptAside[],
  };
}

describe('v1 → v2', () => {
  it('is registered as migration 2, the current version', () => {
    expect(PINS_VERSION).toBe(2);
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
    expect(migrateToV2([pin])).toEqual([{ id: pinId('a', 'https://x.org'), ...pin }]);
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

  it('runs the chain from a version, and nothing from the current one', () => {
    const current = [{ anything: true }];
    expect(migrateStored(current, 2)).toBe(current);
    expect(split(migrateStored(v1Store.pins, 1) as unknown[]).pins).toHaveLength(3);
  });
});
