// The mention gate: a few kilobytes that tell, for one text, whether the engine could find an
// alias in it. Most pages mention nothing we know; there the gate's answer is all the
// work, and the engine (hundreds of kilobytes to read and unpack) is never loaded.
//
// It never misses what the engine would find: text is folded as the automaton folds it (case,
// width, separators, the Han variants of the patterns' characters), every alias pattern is keyed
// by its first two characters, at a word start for patterns that start with a letter or digit,
// anywhere for the rest, and a key is confirmed on the pattern's next characters and its end
// boundary, and, where every alias behind a pattern is case-sensitive, on its case: "bat" on a
// page about caves never loads the engine for BAT. Cues and context are left to the engine: the
// gate may say yes too often, never too rarely (gate.test.ts checks this against the engine on
// real text).
import { FOLDED_RANGES, foldCode, isDigit, isLetter, isWordCode, SEP, WORD_RANGES, widthFold } from './chars';
import type { Engine } from './engine';

export const GATE_VERSION = 2;

/** Characters after the key that a pattern is confirmed on: nearly all of every alias. */
const MAX_STEM = 30;

/** End rules: none, no letter or '_' after it (ends in a letter), no digit after it (ends in a digit). */
const END_NONE = 0;
const END_LETTER = 1;
const END_DIGIT = 2;

export interface PackedGate {
  v: typeof GATE_VERSION;
  /**
   * Word-start keys: [key, the rests' first characters, rest, end rule, cases, rest, end rule,
   * cases, ...]; a rest follows the key's two characters; cases is '' or the pattern as its letters
   * may be written, one form after another (every alias behind it is case-sensitive: "BAT", never
   * "bat"; "DiDi" and "Didi"), each as long as the key and the rest.
   */
  w: (number | string)[][];
  /** Word-start patterns of one character: code, end rule, code, end rule, ... */
  s: number[];
  /** Keys of patterns that start with any other character (Han, punctuation), matched anywhere: as `w`. */
  a: (number | string)[][];
  /** Such patterns of one character. */
  a1: number[];
  /**
   * Code units from U+0080 up that the automaton reads as a character of the patterns (full
   * width, separators, quotes, Han variants), as pairs: the page folds by lookup alone.
   */
  h: string;
}

export interface MentionGate {
  /** False only if the names automaton finds no pattern in `text`. */
  test(text: string): boolean;
}

const keyOf = (first: number, second: number) => first * 0x10000 + second;

function endRule(pattern: string): number {
  const last = pattern.charCodeAt(pattern.length - 1);
  return isLetter(last) ? END_LETTER : isDigit(last) ? END_DIGIT : END_NONE;
}

/** Stands for an empty rest among a row's first characters: anything may follow the key. */
const ANY_NEXT_CODE = 0xffff;
// Made, not written as a literal: a minified literal U+FFFF in the content script makes Chrome
// refuse to load the extension ("isn't UTF-8 encoded").
const ANY_NEXT = String.fromCharCode(ANY_NEXT_CODE);

/** What a pattern's rest asks of the text: its end rule, and its case forms (null: any case). */
interface RestRule {
  end: number;
  forms: Set<string> | null;
}

/**
 * Rows of [key, first characters of the rests, rest, rule, case, ...]; a rest another one of its
 * key starts with, under no end rule and in any case, covers it.
 */
function rowsOf(keys: Map<number, Map<string, RestRule>>): (number | string)[][] {
  const rows: (number | string)[][] = [];
  for (const [key, rests] of keys) {
    const loose = [...rests].filter(([, r]) => r.end === END_NONE && !r.forms).map(([rest]) => rest);
    const kept = [...rests]
      .sort(([a], [b]) => a.length - b.length)
      .filter(([rest]) => !loose.some((l) => l !== rest && rest.startsWith(l)));
    const firsts = [...new Set(kept.map(([rest]) => rest[0] ?? ANY_NEXT))].join('');
    rows.push([
      key,
      firsts,
      ...kept.flatMap(([rest, r]) => [rest, r.end, r.forms ? [...r.forms].join('') : '']),
    ]);
  }
  return rows;
}

/** The case forms of patterns that share a rest: all of them, or none asked if one asks none. */
function unionOf(a: Set<string> | null, b: Set<string> | null): Set<string> | null {
  return a && b ? new Set([...a, ...b]) : null;
}

/**
 * The gate for folded patterns (as the automaton has them); `han` maps variant code units to the
 * simplified ones the patterns use; `caseForms[i]`, where not null, are the ways pattern i's
 * letters may be written for any alias behind it to count.
 */
export function buildGate(
  patterns: readonly string[],
  han: ReadonlyMap<number, number>,
  caseForms: readonly (readonly string[] | null)[] = [],
): PackedGate {
  // As the automaton does: a variant reads as its simplified form unless a pattern uses it as it is.
  const used = new Set<number>();
  for (const p of patterns) for (let i = 0; i < p.length; i++) used.add(p.charCodeAt(i));
  let h = '';
  for (const [from, to] of FOLDED_RANGES) {
    for (let c = Math.max(from, 0x80); c <= to; c++) {
      const f = foldCode(c);
      if (f !== c && used.has(f)) h += String.fromCharCode(c, f);
    }
  }
  for (const [variant, simplified] of han) {
    if (used.has(simplified) && !used.has(variant)) h += String.fromCharCode(variant, simplified);
  }
  const word = new Map<number, Map<string, RestRule>>();
  const anywhere = new Map<number, Map<string, RestRule>>();
  const singles = new Map<number, number>();
  const anySingles = new Set<number>();
  // Two rules for one pattern (or one character): keep the weaker one.
  const weaker = (had: number | undefined, rule: number) =>
    had === undefined || had === rule ? rule : END_NONE;
  for (const [index, p] of patterns.entries()) {
    if (!p) continue;
    const c0 = p.charCodeAt(0);
    const isWord = isWordCode(c0);
    if (p.length === 1) {
      if (isWord) singles.set(c0, weaker(singles.get(c0), endRule(p)));
      else anySingles.add(c0);
      continue;
    }
    const end = Math.min(p.length, 2 + MAX_STEM);
    const rest = p.slice(2, end);
    const rule = end === p.length ? endRule(p) : END_NONE;
    const given = caseForms[index];
    // A form that does not line up with its pattern (never seen) asks nothing.
    const forms = given?.every((f) => f.length === p.length)
      ? new Set(given.map((f) => f.slice(0, end)))
      : null;
    const table = isWord ? word : anywhere;
    const key = keyOf(c0, p.charCodeAt(1));
    const rests = table.get(key) ?? new Map<string, RestRule>();
    table.set(key, rests);
    const had = rests.get(rest);
    rests.set(rest, { end: weaker(had?.end, rule), forms: had ? unionOf(had.forms, forms) : forms });
  }
  return {
    v: GATE_VERSION,
    w: rowsOf(word),
    s: [...singles].flat(),
    a: rowsOf(anywhere),
    a1: [...anySingles],
    h,
  };
}

/** Whether the character after a match allows it to end there. */
function endOk(rule: number, next: number): boolean {
  if (Number.isNaN(next) || rule === END_NONE) return true;
  if (rule === END_LETTER) return !(isLetter(next) || widthFold(next) === 0x5f);
  return !isDigit(next);
}

/**
 * Whether the text at i has its letters as one of `forms` (each `length` long, one after
 * another) writes them, as the engine checks; '' asks nothing.
 */
function caseOk(forms: string, length: number, text: string, i: number): boolean {
  if (!forms) return true;
  for (let f = 0; f < forms.length; f += length) {
    let j = 0;
    for (; j < length; j++) {
      const want = forms.charCodeAt(f + j);
      if (isLetter(want) && widthFold(text.charCodeAt(i + j)) !== want) break;
    }
    if (j === length) return true;
  }
  return false;
}

/** Character classes of the scan: a letter or digit, and a character an anywhere pattern may start with. */
const WORD = 1;
const ANY_FIRST = 2;

export function gateFromPacked(packed: PackedGate): MentionGate {
  if (packed?.v !== GATE_VERSION) throw new Error('mention gate: unknown version');
  // Rows flattened into parallel lists (monomorphic, no per-row arrays to walk): key → row; a
  // row's rests are rests[starts[row]] up to rests[starts[row + 1]].
  const rests: string[] = [];
  const rules: number[] = [];
  const forms: string[] = [];
  const firsts: string[] = [];
  const starts: number[] = [];
  const tableOf = (rows: (number | string)[][]) => {
    const table = new Map<number, number>();
    for (const row of rows) {
      table.set(row[0] as number, firsts.length);
      firsts.push(row[1] as string);
      starts.push(rests.length);
      for (let r = 2; r + 2 < row.length; r += 3) {
        rests.push(row[r] as string);
        rules.push(row[r + 1] as number);
        forms.push(row[r + 2] as string);
      }
    }
    return table;
  };
  const word = tableOf(packed.w);
  const anywhere = tableOf(packed.a);
  starts.push(rests.length);
  const singles = new Map<number, number>();
  for (let i = 0; i + 1 < packed.s.length; i += 2) singles.set(packed.s[i]!, packed.s[i + 1]!);
  const anySingles = new Set(packed.a1);
  const folds = new Map<number, number>();
  for (let i = 0; i + 1 < packed.h.length; i += 2)
    folds.set(packed.h.charCodeAt(i), packed.h.charCodeAt(i + 1));
  // Folding by table for ASCII (capitals, '-' and '_' as separators), by the pairs above.
  const ascii = new Uint16Array(0x80);
  for (let c = 0; c < 0x80; c++)
    ascii[c] = c >= 0x41 && c <= 0x5a ? c + 0x20 : c === 0x2d || c === 0x5f ? SEP : c;
  const fold = (c: number) => (c < 0x80 ? ascii[c]! : (folds.get(c) ?? c));
  // Keys of two ASCII characters (most word keys) by table, the rest by map; row + 1, 0 for none.
  const asciiWord = new Int32Array(0x4000);
  // Per such row, the folded ASCII characters a rest may start with, as 128 bits: most word
  // starts of prose ("co", "an", "in") begin some key, and the third character stops nearly all
  // of them without a call. All bits for a row with an empty rest; a non-ASCII third character
  // always goes on to the row's rests.
  const third = new Int32Array(firsts.length * 4);
  for (const [key, row] of word) {
    const a = Math.floor(key / 0x10000);
    const b = key % 0x10000;
    if (a >= 0x80 || b >= 0x80) continue;
    asciiWord[(a << 7) | b] = row + 1;
    for (const c of firsts[row]!) {
      const code = c.charCodeAt(0);
      if (code === ANY_NEXT_CODE) third.fill(-1, row * 4, row * 4 + 4);
      else if (code < 0x80) third[row * 4 + (code >> 5)]! |= 1 << (code & 31);
    }
  }

  // One table load per character of text: the scan runs on cold code, where every call counts.
  const classes = new Uint8Array(0x10000);
  for (const [from, to] of WORD_RANGES) classes.fill(WORD, from, to + 1);
  const anyFirst = new Set([...anywhere.keys()].map((k) => Math.floor(k / 0x10000)));
  for (const c of anySingles) anyFirst.add(c);
  for (const c of anyFirst) classes[c]! |= ANY_FIRST;
  for (let c = 0; c < 0x80; c++) if (anyFirst.has(ascii[c]!)) classes[c]! |= ANY_FIRST;
  for (const [variant, folded] of folds) if (anyFirst.has(folded)) classes[variant]! |= ANY_FIRST;

  /** The key at i matched a row: one of its rests follows, and may end there. */
  const restAt = (row: number, text: string, i: number): boolean => {
    const at = i + 2;
    // The character after the key must start one of the rests (the cheap test that stops most);
    // an empty rest, first since they are sorted by length, lets anything through.
    const next = firsts[row]!;
    if (next.charCodeAt(0) !== ANY_NEXT_CODE) {
      if (at >= text.length) return false;
      const c = fold(text.charCodeAt(at));
      let k = 0;
      while (k < next.length && next.charCodeAt(k) !== c) k++;
      if (k === next.length) return false;
    }
    const first = starts[row]!;
    const last = starts[row + 1]!;
    for (let r = first; r < last; r++) {
      const rest = rests[r]!;
      const n = rest.length;
      if (at + n > text.length) continue;
      let j = 0;
      while (j < n && fold(text.charCodeAt(at + j)) === rest.charCodeAt(j)) j++;
      if (j === n && endOk(rules[r]!, text.charCodeAt(at + n)) && caseOk(forms[r]!, n + 2, text, i))
        return true;
    }
    return false;
  };

  const wordAt = (text: string, i: number, c: number): boolean => {
    const f = fold(c);
    if (singles.size) {
      const single = singles.get(f);
      if (single !== undefined && endOk(single, text.charCodeAt(i + 1))) return true;
    }
    if (i + 1 >= text.length) return false;
    const g = fold(text.charCodeAt(i + 1));
    const row = f < 0x80 && g < 0x80 ? asciiWord[(f << 7) | g]! - 1 : (word.get(keyOf(f, g)) ?? -1);
    return row >= 0 && restAt(row, text, i);
  };

  const anyAt = (text: string, i: number): boolean => {
    const f = fold(text.charCodeAt(i));
    if (anySingles.has(f)) return true;
    if (i + 1 >= text.length) return false;
    const row = anywhere.get(keyOf(f, fold(text.charCodeAt(i + 1))));
    return row !== undefined && restAt(row, text, i);
  };

  return {
    test(text) {
      let prevWord = false;
      const n = text.length;
      for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i);
        const cls = classes[c]!;
        if (cls === 0) {
          prevWord = false;
        } else if (cls === WORD) {
          if (!prevWord) {
            // Inline for ASCII: most word starts stop here, on their first three characters,
            // without a call.
            const d = i + 1 < n ? text.charCodeAt(i + 1) : 0;
            if (c >= 0x80 || d >= 0x80 || singles.size) {
              if (wordAt(text, i, c)) return true;
            } else {
              const row = asciiWord[(ascii[c]! << 7) | ascii[d]!]! - 1;
              if (row >= 0) {
                // Past the end reads as 0, in no rest's first characters: only an empty rest passes.
                const e = i + 2 < n ? text.charCodeAt(i + 2) : 0;
                const f = e < 0x80 ? ascii[e]! : 0;
                if (
                  (e >= 0x80 || (third[row * 4 + (f >> 5)]! & (1 << (f & 31))) !== 0) &&
                  restAt(row, text, i)
                )
                  return true;
              }
            }
          }
          prevWord = true;
        } else {
          prevWord = false;
          if (anyAt(text, i)) return true;
        }
      }
      return false;
    },
  };
}

/** The gate of a compiled engine's aliases. */
export function gateOfEngine(engine: Engine): PackedGate {
  const source = engine.names.source;
  if (!source) throw new Error('mention gate: the engine was unpacked, not compiled');
  return buildGate(source.patterns, source.han, source.caseForms);
}
