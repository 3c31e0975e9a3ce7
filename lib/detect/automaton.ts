// Aho–Corasick over folded code units: one pass over the text finds every pattern occurrence.
//
// Word starts are part of the alphabet. A pattern that starts with a letter or digit can only
// match where a word starts (the character before it is not a letter or digit), so a virtual
// symbol WORD_START is read before every such character, in patterns and text alike. The
// automaton then never enters "tal" inside "total" or "meta" inside "metadata": inside a word
// that starts nothing it sits in a second root state, `inWord`, until the next non-word character.
//
// The alphabet is compressed to the characters the patterns use; others fall into two classes,
// word and non-word. ASCII and word classes come first and get a dense DFA row in every state,
// WORD_START folded in; the rest (Han, punctuation outside ASCII) use sparse edges and failure
// links, and most Han characters are in no pattern at all. States that end a pattern are
// numbered last, so the scan's step is one load and one comparison.
//
// `buildAutomaton` runs at build time (and in Node); `packAutomaton` / `unpackAutomaton` carry the
// result to the extension, where rebuilding it would cost tens of milliseconds on cold code.
import { FOLDED_RANGES, foldCode, isWordCode, WORD_RANGES } from './chars';

/** Class of characters in no pattern that are not part of a word. */
const OTHER = 0;
/** Class of letters and digits in no pattern. */
const OTHER_WORD = 1;
/** The virtual word-start symbol; never the class of a real character. */
const WORD_START = 2;

export interface Automaton {
  /** Code unit → character class. */
  readonly classOf: Uint16Array;
  /** Classes 0..denseClasses-1 use `dense`; the rest sparse edges and failure links. */
  readonly denseClasses: number;
  /** state * denseClasses + class → next state * denseClasses (a row offset), word starts included. */
  readonly dense: Int32Array;
  /** Row offsets from here on belong to states that end a pattern. */
  readonly emitFrom: number;
  /** The root after a letter or digit (no word may start on the next character); 0 is the other. */
  readonly inWord: number;
  /** Sparse (non-word, non-ASCII) classes: the root's child per class, 0 for none. */
  readonly rootChild: Int32Array;
  /** Sparse edges of each state: edgeStart[s]..edgeStart[s + 1]. */
  readonly edgeStart: Int32Array;
  readonly edgeCls: Uint16Array;
  readonly edgeNext: Int32Array;
  readonly fail: Int32Array;
  /** Pattern ending at this state, or -1. */
  readonly out: Int32Array;
  /** Nearest state on the failure chain with an output, or -1. */
  readonly dict: Int32Array;
  readonly patternLength: Int32Array;
}

/** The pattern as the automaton reads it: WORD_START before each letter or digit that starts a word. */
function withWordStarts(p: string): string {
  let out = '';
  let prevWord = false;
  for (let i = 0; i < p.length; i++) {
    const word = isWordCode(p.charCodeAt(i));
    if (word && !prevWord) out += '\u0002';
    out += p[i];
    prevWord = word;
  }
  return out;
}

/**
 * Builds the automaton; `patterns` are strings in folded form, their index is the pattern id.
 * `han` folds more code units (traditional Han forms) onto characters the patterns use.
 */
export function buildAutomaton(
  patterns: readonly string[],
  han: ReadonlyMap<number, number> = new Map(),
): Automaton {
  const read = patterns.map(withWordStarts);
  // Classes: the two "other" classes and WORD_START, dense ones (ASCII, words), then the rest.
  const classOfFolded = new Uint16Array(65536);
  let classes = WORD_START;
  const assign = (dense: boolean) => {
    for (const p of read) {
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        if (c === WORD_START || classOfFolded[c] !== 0) continue;
        if ((c < 0x80 || isWordCode(c)) === dense) classOfFolded[c] = ++classes;
      }
    }
  };
  assign(true);
  const w = classes + 1;
  assign(false);
  const wordClass = new Uint8Array(classes + 1);
  wordClass[OTHER_WORD] = 1;
  for (const [from, to] of WORD_RANGES) {
    for (let c = from; c <= to; c++) {
      if (classOfFolded[c] !== OTHER) wordClass[classOfFolded[c]!] = 1;
      else classOfFolded[c] = OTHER_WORD;
    }
  }
  const classOf = classOfFolded.slice();
  // Folding is the identity except in a few ranges: patch those instead of folding 65536 codes.
  for (const [from, to] of FOLDED_RANGES) {
    for (let c = from; c <= to; c++) classOf[c] = classOfFolded[foldCode(c)]!;
  }
  for (const [variant, simplified] of han) {
    if (classOfFolded[variant] === OTHER && classOfFolded[simplified] !== OTHER) {
      classOf[variant] = classOfFolded[simplified]!;
    }
  }

  // Trie built from the patterns in sorted order: each shares its prefix with the one before,
  // so no child lookups are needed. States are numbered in depth-first order, edge e → state e + 1.
  const idOf = new Map<string, number>();
  for (let i = 0; i < read.length; i++) idOf.set(read[i]!, i);
  const sorted = [...idOf.keys()].sort();
  let capacity = 1;
  for (const p of sorted) capacity += p.length;
  const fromList = new Int32Array(capacity);
  const clsList = new Uint16Array(capacity);
  const outList = new Int32Array(capacity).fill(-1);
  const path = new Int32Array(sorted.reduce((m, p) => Math.max(m, p.length), 0) + 1);
  let trieStates = 1;
  let prev = '';
  for (const p of sorted) {
    let common = 0;
    const max = Math.min(p.length, prev.length);
    while (common < max && p.charCodeAt(common) === prev.charCodeAt(common)) common++;
    for (let i = common; i < p.length; i++) {
      fromList[trieStates - 1] = path[i]!;
      const c = p.charCodeAt(i);
      clsList[trieStates - 1] = c === WORD_START ? WORD_START : classOfFolded[c]!;
      path[i + 1] = trieStates++;
    }
    if (p.length) outList[path[p.length]!] = idOf.get(p)!;
    prev = p;
  }
  const edges = trieStates - 1;
  const inWord = trieStates; // one more state: the root, entered on a word character
  const states = trieStates + 1;

  const edgeStart = new Int32Array(states + 1);
  for (let e = 0; e < edges; e++) edgeStart[fromList[e]! + 1]!++;
  for (let s = 0; s < states; s++) edgeStart[s + 1]! += edgeStart[s]!;
  const fill = edgeStart.slice(0, states);
  const edgeCls = new Uint16Array(edges);
  const edgeNext = new Int32Array(edges);
  const afterWord = new Uint8Array(states);
  afterWord[inWord] = 1;
  for (let e = 0; e < edges; e++) {
    const at = fill[fromList[e]!]!++;
    edgeCls[at] = clsList[e]!;
    edgeNext[at] = e + 1;
    afterWord[e + 1] = wordClass[clsList[e]!]!;
  }
  const rootNext = new Int32Array(classes + 1);
  for (let e = edgeStart[0]!; e < edgeStart[1]!; e++) rootNext[edgeCls[e]!] = edgeNext[e]!;
  const step = (s: number, cls: number) => {
    if (s === 0) return rootNext[cls]!;
    for (let e = edgeStart[s]!, end = edgeStart[s + 1]!; e < end; e++)
      if (edgeCls[e] === cls) return edgeNext[e]!;
    return -1;
  };

  // Failure links, output links and plain dense rows (WORD_START an ordinary symbol), breadth
  // first: a state's row is its failure state's row with its own dense edges written over it.
  const plain = new Int32Array(states * w);
  plain.set(rootNext.subarray(0, w));
  const fail = new Int32Array(states);
  const out = new Int32Array(states).fill(-1);
  out.set(outList.subarray(0, trieStates));
  const dict = new Int32Array(states).fill(-1);
  const emits = new Uint8Array(states);
  const queue = new Int32Array(states);
  let head = 0;
  let tail = 0;
  for (let e = edgeStart[0]!; e < edgeStart[1]!; e++) queue[tail++] = edgeNext[e]!;
  while (head < tail) {
    const u = queue[head++]!;
    plain.copyWithin(u * w, fail[u]! * w, fail[u]! * w + w);
    for (let e = edgeStart[u]!; e < edgeStart[u + 1]!; e++) {
      if (edgeCls[e]! < w) plain[u * w + edgeCls[e]!] = edgeNext[e]!;
    }
    emits[u] = out[u]! >= 0 || dict[u]! >= 0 ? 1 : 0;
    for (let e = edgeStart[u]!; e < edgeStart[u + 1]!; e++) {
      const v = edgeNext[e]!;
      const cls = edgeCls[e]!;
      let f = fail[u]!;
      let t: number;
      if (cls < w) {
        t = plain[f * w + cls]!; // the failure state's row is complete: it is shallower
      } else {
        t = step(f, cls);
        while (t < 0) {
          f = fail[f]!;
          t = step(f, cls);
        }
      }
      fail[v] = t;
      dict[v] = out[t]! >= 0 ? t : dict[t]!;
      queue[tail++] = v;
    }
  }

  // Final numbering: states that end no pattern first. Rows fold WORD_START in (a word character
  // after a non-word one reads it first), and a word character that leads back to the root leads
  // to the in-word root.
  const id = new Int32Array(states);
  let quiet = 0;
  for (let s = 0; s < states; s++) if (emits[s] === 0) quiet++;
  for (let s = 0, q = 0, e = quiet; s < states; s++) id[s] = emits[s] === 0 ? q++ : e++;
  const mapped = (s: number) => (s < 0 ? -1 : id[s]!);
  const dense = new Int32Array(states * w);
  for (let s = 0; s < states; s++) {
    const from = s === inWord ? 0 : s;
    const viaStart = afterWord[s] ? from : plain[from * w + WORD_START]!;
    const row = id[s]! * w;
    for (let cls = 0; cls < w; cls++) {
      const word = wordClass[cls] === 1;
      const t = plain[(word ? viaStart : from) * w + cls]!;
      dense[row + cls] = id[t === 0 && word ? inWord : t]! * w;
    }
  }
  const sparse: number[] = [];
  for (let s = 0; s < states; s++) {
    for (let e = edgeStart[s]!; e < edgeStart[s + 1]!; e++) {
      if (edgeCls[e]! >= w) sparse.push(id[s]!, edgeCls[e]!, id[edgeNext[e]!]!);
    }
  }
  const byState = <T extends Int32Array>(array: T, f: (v: number) => number): T => {
    const result = array.slice() as T;
    for (let s = 0; s < states; s++) result[id[s]!] = f(array[s]!);
    return result;
  };
  return withSparseEdges(
    {
      classOf,
      denseClasses: w,
      dense,
      emitFrom: quiet * w,
      inWord: id[inWord]!,
      fail: byState(fail, mapped),
      out: byState(out, (v) => v),
      dict: byState(dict, mapped),
      patternLength: Int32Array.from(patterns, (p) => p.length),
    },
    classes + 1,
    sparse,
  );
}

type Core = Omit<Automaton, 'rootChild' | 'edgeStart' | 'edgeCls' | 'edgeNext'>;

/** Completes an automaton with its sparse edges, given as (from, class, to) triples. */
function withSparseEdges(core: Core, classes: number, triples: readonly number[]): Automaton {
  const states = core.fail.length;
  const edges = triples.length / 3;
  // Grouped by source state with a counting pass: no comparator sort on cold code.
  const edgeStart = new Int32Array(states + 1);
  for (let t = 0; t < triples.length; t += 3) edgeStart[triples[t]! + 1]!++;
  for (let s = 0; s < states; s++) edgeStart[s + 1]! += edgeStart[s]!;
  const fill = edgeStart.slice(0, states);
  const edgeCls = new Uint16Array(edges);
  const edgeNext = new Int32Array(edges);
  const rootChild = new Int32Array(classes);
  for (let t = 0; t < triples.length; t += 3) {
    const at = fill[triples[t]!]!++;
    edgeCls[at] = triples[t + 1]!;
    edgeNext[at] = triples[t + 2]!;
    if (triples[t] === 0) rootChild[edgeCls[at]!] = edgeNext[at]!;
  }
  return { ...core, rootChild, edgeStart, edgeCls, edgeNext };
}

/**
 * An automaton as plain JSON for the extension: the in-word root's dense row, which most rows
 * equal but for a cell or two, then the other rows as a copy of an earlier row (the root's or
 * the failure state's) plus the cells that differ; sparse edges as triples; the class table as
 * the code units outside the two default classes.
 */
export interface PackedAutomaton {
  w: number;
  states: number;
  classes: number;
  emitFrom: number;
  inWord: number;
  /** [code unit delta, class] pairs for code units whose class is neither OTHER nor OTHER_WORD. */
  classOf: number[];
  /** The in-word root's row as (class, target state) pairs of its non-zero cells. */
  inWordRow: number[];
  /**
   * Rows that are not the in-word row as it is, in build order: state, base state (-1: the
   * in-word row, already in place), cell count, then (class, target state) pairs.
   */
  rows: number[];
  sparse: number[];
  fail: number[];
  /** out and dict of the states that end patterns (from emitFrom / w on). */
  out: number[];
  dict: number[];
  patternLength: number[];
}

export function packAutomaton(a: Automaton): PackedAutomaton {
  const w = a.denseClasses;
  const states = a.fail.length;
  const classOf: number[] = [];
  const word = new Uint8Array(65536);
  for (const [from, to] of WORD_RANGES) word.fill(1, from, to + 1);
  let last = 0;
  for (let c = 0; c < 65536; c++) {
    if (a.classOf[c] !== word[c]) {
      classOf.push(c - last, a.classOf[c]!);
      last = c;
    }
  }
  // Rows in breadth-first order over failure depth, so a row's base is always built before it.
  const depth = new Int32Array(states).fill(-1);
  const depthOf = (s: number): number => {
    if (depth[s]! < 0) depth[s] = s === 0 || s === a.inWord ? 0 : depthOf(a.fail[s]!) + 1;
    return depth[s]!;
  };
  const order = Array.from({ length: states }, (_, s) => s).sort((x, y) => depthOf(x) - depthOf(y) || x - y);
  const cellsAgainst = (s: number, base: number) => {
    const cells: number[] = [];
    for (let c = 0; c < w; c++) {
      const v = a.dense[s * w + c]!;
      if (v !== (base < 0 ? 0 : a.dense[base * w + c])) cells.push(c, v / w);
    }
    return cells;
  };
  const inWordRow = cellsAgainst(a.inWord, -1);
  const built = new Uint8Array(states);
  built[a.inWord] = 1;
  const rows: number[] = [];
  for (const s of order) {
    if (s === a.inWord) continue;
    // The base costs a copy unless it is the in-word row, already in every row.
    let base = a.inWord;
    let cells = cellsAgainst(s, base);
    for (const b of [0, a.fail[s]!]) {
      if (b === s || b === a.inWord || !built[b]) continue;
      const other = cellsAgainst(s, b);
      if (other.length + 2 < cells.length) {
        base = b;
        cells = other;
      }
    }
    if (base !== a.inWord || cells.length > 0)
      rows.push(s, base === a.inWord ? -1 : base, cells.length / 2, ...cells);
    built[s] = 1;
  }
  const sparse: number[] = [];
  for (let s = 0; s < states; s++) {
    for (let e = a.edgeStart[s]!; e < a.edgeStart[s + 1]!; e++) sparse.push(s, a.edgeCls[e]!, a.edgeNext[e]!);
  }
  const firstEmit = a.emitFrom / w;
  return {
    w,
    states,
    classes: a.rootChild.length,
    emitFrom: a.emitFrom,
    inWord: a.inWord,
    classOf,
    inWordRow,
    rows,
    sparse,
    fail: [...a.fail],
    out: [...a.out.subarray(firstEmit)],
    dict: [...a.dict.subarray(firstEmit)],
    patternLength: [...a.patternLength],
  };
}

/** Rebuilds a packed automaton: a few thousand row copies, no pattern work. */
export function unpackAutomaton(p: PackedAutomaton): Automaton {
  const { w, states } = p;
  const classOf = new Uint16Array(65536);
  for (const [from, to] of WORD_RANGES) classOf.fill(OTHER_WORD, from, to + 1);
  for (let i = 0, c = 0; i < p.classOf.length; i += 2) {
    c += p.classOf[i]!;
    classOf[c] = p.classOf[i + 1]!;
  }
  // Every row starts as the in-word root's: written once, then doubled over the table.
  const dense = new Int32Array(states * w);
  for (let i = 0; i < p.inWordRow.length; i += 2) dense[p.inWordRow[i]!] = p.inWordRow[i + 1]! * w;
  for (let filled = w; filled < dense.length; filled *= 2) {
    dense.copyWithin(filled, 0, Math.min(filled, dense.length - filled));
  }
  const rows = p.rows;
  for (let i = 0; i < rows.length; ) {
    const s = rows[i++]!;
    const base = rows[i++]!;
    const cells = rows[i++]!;
    if (base >= 0) dense.copyWithin(s * w, base * w, base * w + w);
    for (let k = 0; k < cells; k++, i += 2) dense[s * w + rows[i]!] = rows[i + 1]! * w;
  }
  const firstEmit = p.emitFrom / w;
  const out = new Int32Array(states).fill(-1);
  const dict = new Int32Array(states).fill(-1);
  out.set(p.out, firstEmit);
  dict.set(p.dict, firstEmit);
  return withSparseEdges(
    {
      classOf,
      denseClasses: w,
      dense,
      emitFrom: p.emitFrom,
      inWord: p.inWord,
      fail: new Int32Array(p.fail),
      out,
      dict,
      patternLength: new Int32Array(p.patternLength),
    },
    p.classes,
    p.sparse,
  );
}

/** Growable list of (end offset, pattern id) pairs, reused between scans. */
export class HitList {
  data = new Int32Array(256);
  length = 0;
  push(end: number, pattern: number): void {
    if (this.length + 2 > this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = end;
    this.data[this.length++] = pattern;
  }
}

/** Failure transitions taken on sparse classes: part of the work count, kept out of the hot loop. */
let failSteps = 0;

/** The transition on a sparse class (never a word character): edges, then failure links. */
function sparseStep(a: Automaton, state: number, cls: number): number {
  const { edgeStart, edgeCls, edgeNext, fail } = a;
  let s = state === a.inWord ? 0 : state;
  for (;;) {
    if (s === 0) return a.rootChild[cls]!;
    for (let e = edgeStart[s]!, end = edgeStart[s + 1]!; e < end; e++)
      if (edgeCls[e] === cls) return edgeNext[e]!;
    s = fail[s]!;
    failSteps++;
  }
}

/**
 * Appends every occurrence of every pattern in text[from, to) to `hits` (in order of end offset)
 * and returns the number of automaton steps taken, a measure of work that is linear in the text.
 * Characters before `from` count only as the word a match may not start inside.
 */
export function scan(a: Automaton, text: string, hits: HitList, from = 0, to = text.length): number {
  const { classOf, dense, emitFrom } = a;
  const w = a.denseClasses;
  const before = hits.length;
  let row = from > 0 && isWordCode(text.charCodeAt(from - 1)) ? a.inWord * w : 0;
  failSteps = 0;
  for (let i = from; i < to; i++) {
    const cls = classOf[text.charCodeAt(i)]!;
    if (cls < w) {
      row = dense[row + cls]!;
      if (row < emitFrom) continue;
    }
    // Kept out of the loop, which V8 then compiles to a few instructions per character.
    row = rareStep(a, row, cls, i, hits);
  }
  return to - from + failSteps + (hits.length - before) / 2;
}

/** A step on a sparse class, or into a state that ends patterns: record them. */
function rareStep(a: Automaton, row: number, cls: number, i: number, hits: HitList): number {
  const w = a.denseClasses;
  if (cls >= w) row = sparseStep(a, (row / w) | 0, cls) * w;
  if (row >= a.emitFrom) {
    const s = (row / w) | 0;
    for (let t = a.out[s]! >= 0 ? s : a.dict[s]!; t >= 0; t = a.dict[t]!) hits.push(i + 1, a.out[t]!);
  }
  return row;
}
