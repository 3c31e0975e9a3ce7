import { describe, expect, it } from 'vitest';
import { KNOWLEDGE_LIMITS } from '../knowledge/limits';
import { boundQuote, byNewest, normalizeTags, PIN_LIMITS, pageOf, parsePin, pinId, truncate } from './schema';

const valid = {
  factId: 'test-event',
  entity: 'gpt-4',
  url: 'https://example.com/a?b=1#frag',
  title: 'A page',
  pinnedAt: 1_700_000_000_000,
  note: 'a note',
  tags: ['x'],
};

function reason(input: unknown): string {
  const r = parsePin(input);
  if (r.ok) throw new Error('expected the pin to be rejected');
  return r.reason;
}

describe('pin ids', () => {
  it('depend on the fact and the page without its fragment', () => {
    expect(pinId('f', 'https://a.com/x#one')).toBe(pinId('f', 'https://a.com/x#two'));
    expect(pinId('f', 'https://a.com/x#one')).toBe(pinId('f', 'https://a.com/x'));
    expect(pinId('f', 'https://a.com/x')).not.toBe(pinId('f', 'https://a.com/y'));
    expect(pinId('f', 'https://a.com/x?q=1')).not.toBe(pinId('f', 'https://a.com/x?q=2'));
    expect(pinId('f', 'https://a.com/x')).not.toBe(pinId('g', 'https://a.com/x'));
    expect(pinId('f', 'https://a.com/x')).toMatch(/^f@[0-9a-z]+$/);
    expect(pageOf('https://a.com/x#y#z')).toBe('https://a.com/x');
  });

  it('are recomputed, never trusted from the input', () => {
    const r = parsePin({ ...valid, id: 'forged' });
    expect(r.ok && r.pin.id).toBe(pinId(valid.factId, valid.url));
  });
});

describe('parsePin', () => {
  it('accepts a valid pin, keeps its fields and drops unknown keys', () => {
    const r = parsePin({ ...valid, extra: 1 });
    expect(r).toEqual({ ok: true, pin: { id: pinId(valid.factId, valid.url), ...valid, quote: '' } });
  });

  it('defaults a missing title, note, tags and quote to empty', () => {
    const { title: _t, note: _n, tags: _g, ...bare } = valid;
    const r = parsePin(bare);
    expect(r.ok && [r.pin.title, r.pin.note, r.pin.tags, r.pin.quote]).toEqual(['', '', [], '']);
    const nullQuote = parsePin({ ...valid, quote: null });
    expect(nullQuote.ok && nullQuote.pin.quote).toBe('');
  });

  it('names the missing field', () => {
    const { factId: _f, ...noFact } = valid;
    expect(reason(noFact)).toBe('missing field "factId"');
    const { pinnedAt: _p, ...noTime } = valid;
    expect(reason(noTime)).toBe('missing field "pinnedAt"');
  });

  it('says which field is wrong and why', () => {
    expect(reason({ ...valid, note: 'n'.repeat(PIN_LIMITS.note + 1) })).toBe(
      'note is too long (5001 characters; at most 5000)',
    );
    expect(reason({ ...valid, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) })).toBe(
      'tags are too many (21; at most 20)',
    );
    expect(reason({ ...valid, tags: ['ok', 'x'.repeat(41)] })).toBe(
      'tags.1 is too long (41 characters; at most 40)',
    );
    expect(reason({ ...valid, tags: ['ok', '   '] })).toBe('tags.1 must not be empty');
    expect(reason({ ...valid, url: `https://a.com/${'x'.repeat(4096)}` })).toMatch(
      /^url is too long \(4110 characters/,
    );
    expect(reason({ ...valid, url: '' })).toBe('url must not be empty');
    expect(reason({ ...valid, title: 't'.repeat(1001) })).toMatch(/^title is too long/);
    expect(reason({ ...valid, factId: 'Not An Id' })).toMatch(/^factId must be an id/);
    expect(reason({ ...valid, entity: 7 })).toBe('entity must be text');
    expect(reason({ ...valid, pinnedAt: '2024-01-01' })).toBe(
      'pinnedAt must be a time in milliseconds since 1970',
    );
    expect(reason({ ...valid, pinnedAt: -1 })).toBe('pinnedAt must not be before 1970');
    expect(reason({ ...valid, tags: 'a,b' })).toBe('tags must be a list of tags');
  });

  it('rejects entries that are not objects', () => {
    expect(reason(null)).toBe('must be an object with the fields of a pin, found null');
    expect(reason('pin')).toBe('must be an object with the fields of a pin, found text');
    expect(reason([valid])).toBe('must be an object with the fields of a pin, found a list');
  });

  it('accepts the limits exactly', () => {
    const r = parsePin({
      ...valid,
      note: 'n'.repeat(5000),
      title: 't'.repeat(1000),
      tags: Array.from({ length: 20 }, (_, i) => `${i}`.padEnd(40, 'x')),
    });
    expect(r.ok).toBe(true);
  });
});

describe('the quote', () => {
  it('is bounded like a note quote: 400 characters', () => {
    expect(PIN_LIMITS.quote).toBe(400);
    expect(PIN_LIMITS.quote).toBe(KNOWLEDGE_LIMITS.quote);
  });

  it('is kept with its whitespace collapsed to one line', () => {
    const r = parsePin({ ...valid, quote: '  DeepSeek\n\tsaid   so.\r\n ' });
    expect(r.ok && r.pin.quote).toBe('DeepSeek said so.');
  });

  it('is cut to the limit, never refused', () => {
    const long = `${'word '.repeat(100)}end`; // 504 characters
    const r = parsePin({ ...valid, quote: long });
    expect(r.ok).toBe(true);
    expect(r.ok && r.pin.quote).toBe('word '.repeat(80).trimEnd());
    expect(r.ok && r.pin.quote.length).toBe(399);
    const exact = 'q'.repeat(400);
    expect(boundQuote(exact)).toBe(exact);
    expect(boundQuote(`${exact}r`)).toBe(exact);
    // Cut after collapsing, so whitespace never costs characters.
    expect(boundQuote(`a${' \n '.repeat(500)}b`)).toBe('a b');
  });

  it('is cut without splitting a surrogate pair', () => {
    const quote = `${'x'.repeat(399)}😀😀`;
    expect(boundQuote(quote)).toBe('x'.repeat(399));
  });

  it('must be text', () => {
    expect(reason({ ...valid, quote: 42 })).toBe('quote must be text');
  });
});

describe('helpers', () => {
  it('normalizes tags: trimmed, non-empty, unique regardless of case', () => {
    expect(normalizeTags([' AI ', 'ai', 'chips', '', 'Chips', 'policy'])).toEqual(['AI', 'chips', 'policy']);
  });

  it('truncates without splitting a surrogate pair', () => {
    expect(truncate('ab😀', 3)).toBe('ab');
    expect(truncate('abc', 3)).toBe('abc');
  });

  it('orders newest first, ties by id', () => {
    const p = (id: string, pinnedAt: number) => ({ ...valid, id, pinnedAt, quote: '' });
    expect([p('b', 1), p('a', 2), p('a0', 1)].sort(byNewest).map((x) => x.id)).toEqual(['a', 'a0', 'b']);
  });
});
