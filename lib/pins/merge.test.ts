import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeAll, mergeNotes, mergePin } from './merge';
import { type Pin, pinId } from './schema';

function pin(over: Partial<Pin> = {}): Pin {
  const factId = over.factId ?? 'test-event';
  const url = over.url ?? 'https://example.com/p';
  return {
    id: pinId(factId, url),
    factId,
    entity: 'gpt-4',
    url,
    title: 'Page',
    pinnedAt: 1000,
    note: '',
    tags: [],
    quote: '',
    ...over,
  };
}

describe('mergePin', () => {
  it("keeps the existing pin's time, page and title", () => {
    const r = mergePin(pin({ pinnedAt: 1, title: 'Old' }), pin({ pinnedAt: 2, title: 'New' }));
    expect(r.pin.pinnedAt).toBe(1);
    expect(r.pin.title).toBe('Old');
    expect(r.changed).toBe(false);
  });

  it('fills an empty title from the incoming pin', () => {
    expect(mergePin(pin({ title: '' }), pin({ title: 'New' })).pin.title).toBe('New');
  });

  it('keeps the existing quote, and fills an empty one from the incoming pin', () => {
    expect(mergePin(pin({ quote: 'Mine.' }), pin({ quote: 'Theirs.' }))).toMatchObject({
      pin: { quote: 'Mine.' },
      changed: false,
    });
    expect(mergePin(pin({ quote: '' }), pin({ quote: 'Theirs.' }))).toMatchObject({
      pin: { quote: 'Theirs.' },
      changed: true,
    });
  });

  it('merges notes without losing the existing one', () => {
    expect(mergeNotes('mine', '')).toBe('mine');
    expect(mergeNotes('', 'theirs')).toBe('theirs');
    expect(mergeNotes('same', 'same')).toBe('same');
    expect(mergeNotes('mine', 'theirs')).toBe('mine\n\ntheirs');
    expect(mergeNotes('mine\n\ntheirs', 'theirs')).toBe('mine\n\ntheirs');
    expect(mergeNotes('mine', 'mine, edited later')).toBe('mine, edited later');
  });

  it('keeps the existing note when the joined one would be too long, and says so', () => {
    const r = mergePin(pin({ note: 'a'.repeat(3000) }), pin({ note: 'b'.repeat(3000) }));
    expect(r.pin.note).toBe('a'.repeat(3000));
    expect(r.notice).toMatch(/note was not added/);
  });

  it('unions tags regardless of case, keeping the existing ones first', () => {
    const r = mergePin(pin({ tags: ['AI', 'chips'] }), pin({ tags: ['ai', 'policy'] }));
    expect(r.pin.tags).toEqual(['AI', 'chips', 'policy']);
    expect(r.changed).toBe(true);
  });

  it('keeps every existing tag when the union passes the limit', () => {
    const mine = Array.from({ length: 18 }, (_, i) => `m${i}`);
    const r = mergePin(pin({ tags: mine }), pin({ tags: ['x', 'y', 'z'] }));
    expect(r.pin.tags).toEqual([...mine, 'x', 'y']);
    expect(r.notice).toMatch(/tags not added .*: z$/);
  });
});

describe('mergeAll', () => {
  it('adds new ids, merges known ones and counts both', () => {
    const a = pin({ factId: 'a', note: 'mine' });
    const b = pin({ factId: 'b' });
    const r = mergeAll(
      [a],
      [pin({ factId: 'a', note: 'theirs', pinnedAt: 5 }), b, pin({ factId: 'b', tags: ['t'] })],
    );
    expect(r.added.map((p) => p.factId)).toEqual(['b']);
    expect(r.merged).toBe(2);
    expect(r.pins.map((p) => [p.factId, p.note, p.tags, p.pinnedAt])).toEqual([
      ['a', 'mine\n\ntheirs', [], 1000],
      ['b', '', ['t'], 1000],
    ]);
    expect(r.changed).toBe(true);
  });

  it('reports no change when everything is already there', () => {
    const a = pin({ note: 'x', tags: ['t'] });
    expect(mergeAll([a], [a]).changed).toBe(false);
  });

  const arbPin = fc
    .record({
      factId: fc.constantFrom('a', 'b', 'c'),
      url: fc.constantFrom('https://x.org/1', 'https://x.org/2'),
      pinnedAt: fc.integer({ min: 0, max: 1e12 }),
      note: fc.constantFrom('', 'one', 'two', 'one two'),
      tags: fc.uniqueArray(fc.constantFrom('p', 'q', 'r', 's'), { maxLength: 3 }),
    })
    .map((r) => pin(r));

  it('never loses anything existing, and merging twice changes nothing more', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(arbPin, { selector: (p) => p.id }),
        fc.array(arbPin),
        (existing, incoming) => {
          const once = mergeAll(existing, incoming);
          for (const old of existing) {
            const now = once.pins.find((p) => p.id === old.id);
            expect(now?.pinnedAt).toBe(old.pinnedAt);
            expect(now?.note.includes(old.note)).toBe(true);
            for (const t of old.tags) expect(now?.tags).toContain(t);
          }
          const twice = mergeAll(once.pins, incoming);
          expect(twice.pins).toEqual(once.pins);
          expect(twice.changed).toBe(false);
          expect(once.added.length + once.merged).toBe(incoming.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
