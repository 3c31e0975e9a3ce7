// A text node too long to scan in one task (a page made of one 1 MB text node, a log or a dump)
// is scanned in windows, one per slice: each window is a key of its own for the scanner, with a
// margin of the text around it so word boundaries and versions at its edges read as in the whole
// node, and only the mentions that start inside the window count (none is counted twice).
import type { Mention, MentionFilter } from '@/lib/detect/types';

/** Nodes at least this long are scanned in windows. */
export const LONG_TEXT = 100_000;
/**
 * Characters per window: a few milliseconds of scanning, and still under 25 ms when the code
 * runs slow (cold, or after a deoptimisation: a 40,000-character window once took 57 ms).
 */
export const WINDOW = 16_000;
/** Text read on either side of a window: longer than any alias, with room for a version or a cue. */
export const MARGIN = 256;

export interface Segment {
  node: Text;
  /** The window, in offsets of the node's text. */
  from: number;
  to: number;
}

/** What the scanner is keyed by: a whole text node, or one window of a long one. */
export type ScanKey = Text | Segment;

export function isSegment(key: ScanKey): key is Segment {
  return typeof (key as Segment).from === 'number';
}

export const nodeOf = (key: ScanKey): Text => (isSegment(key) ? key.node : key);

/** A long node being scanned: its text when the scan began, how far it got, what it found. */
export interface LongScan {
  text: string;
  next: number;
  /** Characters in the next window: smaller where mentions are dense (each costs more). */
  size: number;
  keys: Segment[];
  /** Confirmed mentions per window, in node offsets. */
  found: Map<Segment, Mention[]>;
}

/** The node's mentions so far, in text order. */
export function mentionsOf(scan: LongScan): Mention[] {
  return scan.keys.flatMap((key) => scan.found.get(key) ?? []);
}

/** The next window of a long scan: its key, its text with margins, and where that text starts. */
export function nextWindow(node: Text, scan: LongScan): { key: Segment; text: string; offset: number } {
  const from = scan.next;
  const to = Math.min(scan.text.length, from + scan.size);
  scan.next = to;
  const key: Segment = { node, from, to };
  scan.keys.push(key);
  return windowOf(key, scan.text);
}

/** Mentions per window past which the next window is made smaller, so each stays a few ms. */
export const DENSE_WINDOW = 2000;
const MIN_WINDOW = 2000;
/**
 * The first window: the detector's code is still cold then (two to three times slower than after
 * a few windows): a 40,000-character first window took 58 ms on a 1 MB node here.
 */
export const FIRST_WINDOW = 8_000;
/** Time a window should take; one that took longer is followed by a proportionally smaller one. */
export const WINDOW_MS = 6;

/** Sizes the next window by how dense the last one was, and how long it took (`ms`, if timed). */
export function adaptWindow(scan: LongScan, found: number, ms = 0): void {
  let size = scan.size;
  if (found > DENSE_WINDOW) size = Math.floor((size * DENSE_WINDOW) / found);
  else if (found < DENSE_WINDOW / 4) size *= 2;
  if (ms > WINDOW_MS) size = Math.min(size, Math.floor((scan.size * WINDOW_MS) / ms));
  scan.size = Math.max(MIN_WINDOW, Math.min(WINDOW, size));
}

/** A window's text with its margins, and where that text starts in the node. */
export function windowOf(key: Segment, text: string): { key: Segment; text: string; offset: number } {
  const offset = Math.max(0, key.from - MARGIN);
  return { key, text: text.slice(offset, Math.min(text.length, key.to + MARGIN)), offset };
}

/**
 * The window's filter: only mentions starting inside the window count, and the node's own rules
 * (visibility, page furniture) judge them at their offsets in the whole node.
 */
export function windowFilter(
  key: Segment,
  offset: number,
  rules: MentionFilter<Text>,
): MentionFilter<ScanKey> {
  return (_key, mentions) => {
    const inside = mentions.filter((m) => m.start + offset >= key.from && m.start + offset < key.to);
    if (inside.length === 0) return inside;
    const shifted = inside.map((m) => shift(m, offset));
    const kept = new Set(rules(key.node, shifted));
    return inside.filter((_, i) => kept.has(shifted[i]!));
  };
}

export function shift(m: Mention, offset: number): Mention {
  return offset === 0 ? m : { ...m, start: m.start + offset, end: m.end + offset };
}
