import { describe, expect, it } from 'vitest';
import type { Mention } from '@/lib/detect/types';
import {
  adaptWindow,
  DENSE_WINDOW,
  type LongScan,
  MARGIN,
  nextWindow,
  WINDOW,
  WINDOW_MS,
  windowFilter,
} from './long-text';

const node = {} as Text;
const scanOf = (text: string): LongScan => ({ text, next: 0, size: WINDOW, keys: [], found: new Map() });
const mention = (start: number, text = 'Qwen'): Mention => ({
  entity: 'qwen',
  start,
  end: start + text.length,
  text,
});

describe('long text windows', () => {
  it('covers the text in order, each window read with margins on both sides', () => {
    const scan = scanOf('x'.repeat(WINDOW * 3 + 10));
    const first = nextWindow(node, scan);
    expect(first.key).toMatchObject({ from: 0, to: WINDOW });
    expect(first.offset).toBe(0);
    expect(first.text.length).toBe(WINDOW + MARGIN);
    const second = nextWindow(node, scan);
    expect(second.key).toMatchObject({ from: WINDOW, to: WINDOW * 2 });
    expect(second.offset).toBe(WINDOW - MARGIN);
    expect(second.text.length).toBe(WINDOW + 2 * MARGIN);
    nextWindow(node, scan);
    const last = nextWindow(node, scan);
    expect(last.key).toMatchObject({ from: WINDOW * 3, to: WINDOW * 3 + 10 });
    expect(last.text.length).toBe(10 + MARGIN);
    expect(scan.next).toBe(scan.text.length);
    expect(scan.keys).toHaveLength(4);
  });

  it('keeps only mentions starting inside the window, judged at their offsets in the node', () => {
    const key = { node, from: 1000, to: 2000 };
    const offset = 1000 - MARGIN;
    const seen: number[] = [];
    const filter = windowFilter(key, offset, (_n, ms) => {
      seen.push(...ms.map((m) => m.start));
      return ms.filter((m) => m.start !== 1500);
    });
    // In window text offsets: one in the leading margin, three inside, one in the trailing margin.
    const local = [
      mention(10),
      mention(MARGIN),
      mention(500 + MARGIN),
      mention(999 + MARGIN),
      mention(1000 + MARGIN),
    ];
    const kept = filter(key, local);
    expect(seen).toEqual([1000, 1500, 1999]);
    expect(kept.map((m) => m.start + offset)).toEqual([1000, 1999]);
  });

  it('makes the next window smaller where mentions are dense, and grows it back', () => {
    const scan = scanOf('');
    adaptWindow(scan, DENSE_WINDOW * 4);
    expect(scan.size).toBe(WINDOW / 4);
    adaptWindow(scan, 10);
    expect(scan.size).toBe(WINDOW / 2);
    adaptWindow(scan, 10);
    adaptWindow(scan, 10);
    expect(scan.size).toBe(WINDOW);
  });

  it('makes the next window smaller after one that took too long, in proportion', () => {
    const scan = scanOf('x');
    adaptWindow(scan, 0, WINDOW_MS * 4);
    expect(scan.size).toBe(WINDOW / 4);
    // Quick and sparse again: it grows back, never past WINDOW.
    for (let i = 0; i < 5; i++) adaptWindow(scan, 0, WINDOW_MS / 2);
    expect(scan.size).toBe(WINDOW);
    // Dense and slow: the smaller of the two sizes.
    adaptWindow(scan, DENSE_WINDOW * 2, WINDOW_MS * 8);
    expect(scan.size).toBe(WINDOW / 8);
    adaptWindow(scan, 0, 10_000);
    expect(scan.size).toBeGreaterThan(0);
    expect(scan.size).toBeLessThanOrEqual(WINDOW / 8);
  });
});
