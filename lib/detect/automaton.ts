// Aho–Corasick over folded code units: one pass over the text finds every pattern occurrence.
// The alphabet is compressed to the characters the patterns use; everything else is class 0 and
// sends the automaton back to the root. Classes of ASCII characters (which Latin text is made of,
// full-width letters included once folded) come first and get a dense DFA row in every state:
// one table lookup per character. Han and other classes use sparse edges and failure links, and
// most Han characters are in no pattern at all.
import { FOLDED_RANGES, foldCode } from './chars';

export interface Automaton {
  /** Code unit → character class (0: in no pattern). */
  readonly classOf: Uint16Array;
  /** Classes 0..denseClasses-1 use `dense`; the rest sparse edges and failure links. */
  readonly denseClasses: number;
  /** state * denseClasses + class → next state (a full DFA row for the ASCII classes). */
  readonly dense: Uint16Array | Int32Array;
  readonly rootNext: Int32Array;
  readonly edgeStart: Int32Array;
  readonly edgeCls: Uint16Array;
  readonly edgeNext: Int32Array;
  readonly fail: Int32Array;
  /** Pattern ending at this state, or -1. */
  readonly out: Int32Array;
  /** Nearest state on the failure chain with an output, or -1. */
  readonly dict: Int32Array;
  /** 1 when the state or its failure chain ends a pattern. */
  readonly emits: Uint8Array;
  readonly patternLength: Int32Array;
}

/** Builds the automaton; `patterns` are strings in folded form, their index is the pattern id. */
export function buildAutomaton(patterns: readonly string[]): Automaton {
  // Classes: ASCII code units first (dense), then the others, in order of appearance.
  const classOfFolded = new Uint16Array(65536);
  let classes = 0;
  const assign = (ascii: boolean) => {
    for (const p of patterns) {
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        if (c < 0x80 === ascii && classOfFolded[c] === 0) classOfFolded[c] = ++classes;
      }
    }
  };
  assign(true);
  const w = classes + 1;
  assign(false);
  const classOf = classOfFolded.slice();
  // Folding is the identity except in a few ranges: patch those instead of folding 65536 codes.
  for (const [from, to] of FOLDED_RANGES) {
    for (let c = from; c <= to; c++) classOf[c] = classOfFolded[foldCode(c)]!;
  }

  // Trie built from the patterns in sorted order: each shares its prefix with the one before,
  // so no child lookups are needed. States are numbered in depth-first order.
  // Sorting the strings natively (no comparator) is much faster on cold code than sorting ids.
  const idOf = new Map<string, number>();
  for (let i = 0; i < patterns.length; i++) idOf.set(patterns[i]!, i);
  const sortedPatterns = [...idOf.keys()].sort();
  let capacity = 1;
  for (const p of sortedPatterns) capacity += p.length;
  const fromList = new Int32Array(capacity);
  const clsList = new Uint16Array(capacity);
  const outList = new Int32Array(capacity).fill(-1);
  const patternLength = new Int32Array(patterns.length);
  const path = new Int32Array(sortedPatterns.reduce((m, p) => Math.max(m, p.length), 0) + 1);
  let states = 1;
  let prev = '';
  for (const p of sortedPatterns) {
    const id = idOf.get(p)!;
    patternLength[id] = p.length;
    let common = 0;
    const max = Math.min(p.length, prev.length);
    while (common < max && p.charCodeAt(common) === prev.charCodeAt(common)) common++;
    for (let i = common; i < p.length; i++) {
      fromList[states - 1] = path[i]!;
      clsList[states - 1] = classOfFolded[p.charCodeAt(i)]!;
      path[i + 1] = states++;
    }
    if (p.length) outList[path[p.length]!] = id;
    prev = p;
  }
  const edges = states - 1;

  // Edges grouped by source state; edge e leads to state e + 1 (depth-first numbering).
  const edgeStart = new Int32Array(states + 1);
  for (let e = 0; e < edges; e++) edgeStart[fromList[e]! + 1]!++;
  for (let s = 0; s < states; s++) edgeStart[s + 1]! += edgeStart[s]!;
  const fill = edgeStart.slice(0, states);
  const edgeCls = new Uint16Array(edges);
  const edgeNext = new Int32Array(edges);
  for (let e = 0; e < edges; e++) {
    const at = fill[fromList[e]!]!++;
    edgeCls[at] = clsList[e]!;
    edgeNext[at] = e + 1;
  }

  const rootNext = new Int32Array(classes + 1);
  for (let e = edgeStart[0]!; e < edgeStart[1]!; e++) rootNext[edgeCls[e]!] = edgeNext[e]!;
  const step = (s: number, cls: number) => {
    if (s === 0) return rootNext[cls]!;
    for (let e = edgeStart[s]!, end = edgeStart[s + 1]!; e < end; e++)
      if (edgeCls[e] === cls) return edgeNext[e]!;
    return -1;
  };

  // Failure links, output links and dense rows, breadth first: a state's dense row is its failure
  // state's row with its own ASCII edges written over it.
  const dense = states < 65536 ? new Uint16Array(states * w) : new Int32Array(states * w);
  dense.set(rootNext.subarray(0, w));
  const fail = new Int32Array(states);
  const out = outList.slice(0, states);
  const dict = new Int32Array(states).fill(-1);
  const emits = new Uint8Array(states);
  const queue = new Int32Array(states);
  let head = 0;
  let tail = 0;
  for (let e = edgeStart[0]!; e < edgeStart[1]!; e++) queue[tail++] = edgeNext[e]!;
  while (head < tail) {
    const u = queue[head++]!;
    if (u !== 0) {
      dense.copyWithin(u * w, fail[u]! * w, fail[u]! * w + w);
      for (let e = edgeStart[u]!; e < edgeStart[u + 1]!; e++) {
        if (edgeCls[e]! < w) dense[u * w + edgeCls[e]!] = edgeNext[e]!;
      }
      emits[u] = out[u]! >= 0 || dict[u]! >= 0 ? 1 : 0;
    }
    for (let e = edgeStart[u]!; e < edgeStart[u + 1]!; e++) {
      const v = edgeNext[e]!;
      const cls = edgeCls[e]!;
      let f = fail[u]!;
      let t: number;
      if (cls < w) {
        t = dense[f * w + cls]!; // the failure state's row is complete: it is shallower
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
  return {
    classOf,
    denseClasses: w,
    dense,
    rootNext,
    edgeStart,
    edgeCls,
    edgeNext,
    fail,
    out,
    dict,
    emits,
    patternLength,
  };
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

/** The transition on a sparse (non-ASCII) class: edges, then failure links, down to the root. */
function sparseStep(a: Automaton, state: number, cls: number): number {
  const { rootNext, edgeStart, edgeCls, edgeNext, fail } = a;
  let s = state;
  for (;;) {
    if (s === 0) return rootNext[cls]!;
    for (let e = edgeStart[s]!, end = edgeStart[s + 1]!; e < end; e++)
      if (edgeCls[e] === cls) return edgeNext[e]!;
    s = fail[s]!;
    failSteps++;
  }
}

/**
 * Appends every occurrence of every pattern in `text` to `hits` (in order of end offset) and
 * returns the number of automaton steps taken, a measure of work that is linear in the text.
 */
export function scan(a: Automaton, text: string, hits: HitList): number {
  const classOf = a.classOf;
  const dense = a.dense;
  const w = a.denseClasses;
  const emits = a.emits;
  const out = a.out;
  const dict = a.dict;
  const n = text.length;
  const before = hits.length;
  let data = hits.data;
  let length = before;
  let s = 0;
  failSteps = 0;
  for (let i = 0; i < n; i++) {
    const cls = classOf[text.charCodeAt(i)]!;
    s = cls < w ? dense[s * w + cls]! : sparseStep(a, s, cls);
    if (emits[s] !== 0) {
      for (let t = out[s]! >= 0 ? s : dict[s]!; t >= 0; t = dict[t]!) {
        if (length + 2 > data.length) {
          const bigger = new Int32Array(data.length * 2);
          bigger.set(data);
          data = bigger;
        }
        data[length++] = i + 1;
        data[length++] = out[t]!;
      }
    }
  }
  hits.data = data;
  hits.length = length;
  return n + failSteps + (length - before) / 2;
}
