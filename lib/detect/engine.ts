// The detector's engine: compiles a DetectorTable into an automaton over the aliases (at build
// time; the extension loads it precompiled, see precompiled.ts) and analyses one string (one text
// node, or a whole page) in a single pass. Cues and negative cues live in a second automaton,
// made ready only when a string first holds an alias that needs them, and read only around it.
// Pure: no DOM, no extension APIs; runs in Node, tests and the content script.
import type { DetectorTable } from '@/lib/kb/compiled';
import { MAX_CUE_LENGTH } from '../kb/vocab';
import { type Automaton, buildAutomaton, HitList, scan } from './automaton';
import { foldCode, isDigit, isHan, isLetter, isLower, isUpper, isWordChar, widthFold } from './chars';
import { hanFoldMap } from './han-variants';
import {
  covers,
  followsName,
  hasVersionAfter,
  inUrlOrEmail,
  inWindow,
  isListGlue,
  precededByDigit,
  precededByHyphenatedWord,
  typeFamily,
} from './rules';
import type { Mention } from './types';
import { separatorVariants } from './variants';

/** Types whose names take a version right after them: "Qwen2" is Qwen, "Meta3" is not Meta. */
export const VERSIONED_TYPES = new Set(['model', 'product', 'chip', 'framework', 'software', 'benchmark']);

export enum Kind {
  Alias = 0,
  Cue = 1,
  Negative = 2,
}

/** How a confirmed mention was established, which decides what it proves about the page. */
export enum Strength {
  /** An alias that needs no context: evidence for its entity and the related ones. */
  Strong = 0,
  /** An ambiguous alias with its own evidence (version, cue, list): evidence for its entity only. */
  Weak = 1,
  /** An ambiguous alias still waiting for page-level evidence. */
  Pending = 2,
}

export enum End {
  Other = 0,
  Letter = 1,
  Digit = 2,
}

export class Payload {
  /** For compound aliases (Google Cloud, 谷歌云): prefix length, tail offset and prefix entity. */
  splitAt = 0;
  tailAt = 0;
  splitEntity = -1;
  constructor(
    readonly kind: Kind,
    /** Alias index for Kind.Alias, else entity index. */
    readonly ref: number,
    /** Expected spelling (case kept) when the match is case-sensitive. */
    readonly caseForm: string | null,
  ) {}
}

interface WordShape {
  startsWord: boolean;
  end: End;
}

export interface AliasInfo extends WordShape {
  entity: number;
  needsContext: boolean;
  /** A capitalised word such as Claude or Gemma: subject to the person-name rule. */
  nameLike: boolean;
  han: boolean;
}

export interface EntityInfo {
  id: string;
  type: string;
  family: string;
  /** Related entities in both directions. */
  related: number[];
  versioned: boolean;
  /** Host names of the entity's own sites (for the page-furniture rules), if any. */
  sites?: readonly string[];
}

/** An automaton with what each of its patterns means. */
export interface PatternIndex {
  readonly automaton: Automaton;
  /** What pattern i means (decoded on first use when loaded precompiled). */
  payloadsOf(pattern: number): readonly Payload[];
  /** Per pattern: SHAPE_STARTS_WORD, plus its End times 2. */
  readonly shapes: Uint8Array;
  /**
   * The folded patterns and the Han variant map, where it was compiled (not when unpacked), and
   * per pattern the cases its letters may have, where every alias behind it is case-sensitive
   * ("BAT", not "bat"); null where any case counts.
   */
  readonly source?: {
    patterns: readonly string[];
    han: ReadonlyMap<number, number>;
    caseForms: readonly (readonly string[] | null)[];
  };
}

export interface Engine {
  readonly entities: readonly EntityInfo[];
  /** The aliases' automaton. */
  readonly names: PatternIndex;
  /** The cues' and negative cues' automaton, built or unpacked on first call. */
  cues(): PatternIndex;
  readonly aliases: readonly AliasInfo[];
  readonly entityIndex: ReadonlyMap<string, number>;
  /** 1 for entities with negative cues, whose every mention is checked against them. */
  readonly hasNegatives: Uint8Array;
  /** Scratch lists of automaton hits, reused by every call (analysis is never re-entered). */
  readonly hits: HitList;
  readonly cueHits: HitList;
  /** Scratch: 1 for entities whose cues the current analysis needs, cleared after each. */
  readonly wantsCues: Uint8Array;
}

/** Patterns (folded) with their payloads; the same string added twice gets one pattern. */
class PatternSet {
  readonly patterns: string[] = [];
  readonly payloads: Payload[][] = [];
  readonly shapes: number[] = [];
  private readonly ids = new Map<string, number>();

  constructor(private readonly han: ReadonlyMap<number, number>) {}

  add(folded: string, variant: string, payload: Payload): void {
    const id = this.ids.get(folded);
    if (id !== undefined) {
      this.payloads[id]!.push(payload);
      return;
    }
    this.ids.set(folded, this.patterns.length);
    this.patterns.push(folded);
    this.payloads.push([payload]);
    this.shapes.push(shapeBits(shapeOf(variant)));
  }

  index(): PatternIndex {
    const payloads = this.payloads;
    return {
      automaton: buildAutomaton(this.patterns, this.han),
      payloadsOf: (pattern) => payloads[pattern]!,
      shapes: Uint8Array.from(this.shapes),
      source: { patterns: this.patterns, han: this.han, caseForms: payloads.map(caseFormsOf) },
    };
  }
}

/**
 * The case forms a pattern's letters may take, where every alias behind it is case-sensitive
 * ("DiDi" and "Didi", never "didi"); null where any case counts.
 */
function caseFormsOf(payloads: readonly Payload[]): string[] | null {
  const forms = new Set<string>();
  for (const p of payloads) {
    if (p.caseForm === null) return null;
    forms.add(p.caseForm);
  }
  return [...forms];
}

/** A confirmed or pending mention in the analysed string. */
export interface Found {
  mention: Mention;
  entity: number;
  strength: Strength;
}

export interface AnalyseStats {
  /** Automaton steps plus rule checks: a measure of work, linear in the input. */
  steps: number;
  hits: number;
}

/** Context window (UTF-16 units, each side) in which cues and negative cues count. */
export const CUE_WINDOW = 200;

/** Shape bit: the pattern starts with a letter or digit and must start a word. */
export const SHAPE_STARTS_WORD = 1;

const shapeBits = (shape: WordShape) => (shape.startsWord ? SHAPE_STARTS_WORD : 0) | (shape.end << 1);

function shapeOf(text: string): WordShape {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return {
    startsWord: isLetter(first) || isDigit(first),
    end: isLetter(last) ? End.Letter : isDigit(last) ? End.Digit : End.Other,
  };
}

/** Printable ASCII and Han only: the common case, folded without a call per character. */
const PLAIN = /^[\x20-\x7e\u3400-\u9fff]*$/;

/** A pattern's matching form; `han` folds traditional forms onto simplified ones. */
const foldWith = (text: string, han: ReadonlyMap<number, number>) => {
  if (han.size === 0 && PLAIN.test(text)) return text.toLowerCase().replace(/[-_]/g, ' ');
  const codes = new Array<number>(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = foldCode(text.charCodeAt(i));
    codes[i] = han.get(c) ?? c;
  }
  return String.fromCharCode(...codes);
};

/** All-capital cues ("AI", "NPU", "US") only count in capitals; others in any case. */
function isAllCaps(text: string): boolean {
  return /[A-Z]/.test(text) && !/[a-z]/.test(text);
}

export function compileEngine(table: DetectorTable): Engine {
  const han = hanFoldMap(table.hanVariants);
  const fold = (text: string) => foldWith(text, han);
  const entityIndex = new Map<string, number>();
  for (let i = 0; i < table.entities.length; i++) entityIndex.set(table.entities[i]!.id, i);
  const related = table.entities.map(() => new Set<number>());
  for (let i = 0; i < table.entities.length; i++) {
    for (const r of table.entities[i]!.related) {
      const j = entityIndex.get(r);
      if (j === undefined || j === i) continue;
      related[i]!.add(j);
      related[j]!.add(i);
    }
  }
  const entities: EntityInfo[] = table.entities.map((e, i) => ({
    id: e.id,
    type: e.type,
    family: typeFamily(e.type),
    related: [...related[i]!],
    versioned: VERSIONED_TYPES.has(e.type),
    ...(e.sites?.length ? { sites: e.sites } : {}),
  }));

  const names = new PatternSet(han);

  // Folded alias texts per entity: the possible prefixes of compound aliases of related entities.
  const foldedAliases = entities.map(() => [] as string[]);
  for (const a of table.aliases) {
    const entity = entityIndex.get(a.entity);
    if (entity !== undefined && a.text) foldedAliases[entity]!.push(fold(a.text));
  }

  const aliases: AliasInfo[] = [];
  for (const a of table.aliases) {
    const entity = entityIndex.get(a.entity);
    if (entity === undefined || !a.text) continue;
    const first = a.text.charCodeAt(0);
    const shape = shapeOf(a.text);
    const index = aliases.length;
    aliases.push({
      startsWord: shape.startsWord,
      end: shape.end,
      entity,
      needsContext: a.needsContext,
      nameLike: isUpper(first) && isLower(a.text.charCodeAt(1)),
      han: isHan(first),
    });
    for (const variant of separatorVariants(a.text)) {
      const folded = fold(variant);
      const payload = new Payload(Kind.Alias, index, a.caseSensitive ? variant : null);
      findSplit(folded, payload, entities[entity]!.related, foldedAliases);
      names.add(folded, variant, payload);
    }
  }
  // Cue words are spelled out only when the cue automaton is first needed. Many recur across
  // entities ("AI", "model", "芯片"): each is spelled once.
  let cueIndex: PatternIndex | null = null;
  const cues = (): PatternIndex => {
    if (cueIndex) return cueIndex;
    const set = new PatternSet(han);
    const spelled = new Map<string, { variants: string[]; keys: string[]; caps: boolean }>();
    for (let entity = 0; entity < table.entities.length; entity++) {
      const e = table.entities[entity]!;
      for (const kind of [Kind.Cue, Kind.Negative]) {
        for (const word of (kind === Kind.Cue ? e.cues : e.negativeCues) ?? []) {
          let spelling = spelled.get(word);
          if (!spelling) {
            const variants = separatorVariants(word);
            spelling = { variants, keys: variants.map(fold), caps: isAllCaps(word) };
            spelled.set(word, spelling);
          }
          const { variants, keys, caps } = spelling;
          for (let i = 0; i < variants.length; i++) {
            set.add(keys[i]!, variants[i]!, new Payload(kind, entity, caps ? variants[i]! : null));
          }
        }
      }
    }
    cueIndex = set.index();
    return cueIndex;
  };

  return {
    entities,
    names: names.index(),
    cues,
    aliases,
    entityIndex,
    hasNegatives: Uint8Array.from(table.entities, (e) => (e.negativeCues?.length ? 1 : 0)),
    hits: new HitList(),
    cueHits: new HitList(),
    wantsCues: new Uint8Array(entities.length),
  };
}

/**
 * A compound alias starts with an alias of a related entity, then a separator or Han text, then
 * a word: "Google Cloud" and "谷歌云" mark both the company and the product.
 */
function findSplit(
  variant: string,
  payload: Payload,
  related: readonly number[],
  foldedAliases: readonly (readonly string[])[],
): void {
  for (const r of related) {
    for (const prefix of foldedAliases[r]!) {
      const n = prefix.length;
      if (n >= variant.length || !variant.startsWith(prefix)) continue;
      const next = variant.charCodeAt(n);
      if (next === 0x20 && isLetter(variant.charCodeAt(n + 1))) {
        payload.splitAt = n;
        payload.tailAt = n + 1;
      } else if (isHan(next) || (isHan(variant.charCodeAt(n - 1)) && isLetter(next))) {
        payload.splitAt = n;
        payload.tailAt = n;
      } else {
        continue;
      }
      payload.splitEntity = r;
      return;
    }
  }
}

/** Case check against the expected spelling; separators and digits matched already. */
function caseMatches(text: string, start: number, form: string): boolean {
  for (let j = 0; j < form.length; j++) {
    const want = form.charCodeAt(j);
    if (isLetter(want) && widthFold(text.charCodeAt(start + j)) !== want) return false;
  }
  return true;
}

/** Word boundaries of an alias match: Latin aliases stand alone, Han neighbours always count as a boundary. */
function aliasBoundaryOk(
  text: string,
  start: number,
  end: number,
  shape: number,
  versioned: boolean,
): boolean {
  if ((shape & SHAPE_STARTS_WORD) !== 0 && start > 0 && isWordChar(text.charCodeAt(start - 1))) return false;
  if (end >= text.length) return true;
  const next = text.charCodeAt(end);
  if (shape >> 1 === End.Letter) {
    if (isLetter(next) || widthFold(next) === 0x5f) return false;
    if (isDigit(next) && !versioned) return false;
  } else if (shape >> 1 === End.Digit) {
    if (isDigit(next)) return false;
    // GPT-3 is not in GPT-3.5
    if ((next === 0x2e || next === 0x2c) && end + 1 < text.length && isDigit(text.charCodeAt(end + 1))) {
      return false;
    }
  }
  return true;
}

/** Cues and negative cues: word boundaries, with a plural 's' allowed (chips, NPUs). */
function cueBoundaryOk(text: string, start: number, end: number, shape: number): boolean {
  if ((shape & SHAPE_STARTS_WORD) !== 0 && start > 0 && isWordChar(text.charCodeAt(start - 1))) return false;
  if (end >= text.length) return true;
  const next = text.charCodeAt(end);
  if (shape >> 1 === End.Letter) {
    if (isDigit(next)) return false;
    if (isLetter(next)) {
      return (
        (next === 0x73 || next === 0xff53) && !(end + 1 < text.length && isWordChar(text.charCodeAt(end + 1)))
      );
    }
  } else if (shape >> 1 === End.Digit) {
    if (isDigit(next)) return false;
  }
  return true;
}

interface Candidate {
  start: number;
  end: number;
  alias: number;
  payload: Payload;
}

/** Positions of cue or negative-cue hits of one entity, in order of end offset. */
type Spans = number[];

const NO_FOUND: Found[] = [];

/** How far around a match cue hits are looked for: the window, plus a whole cue at its edge. */
const CUE_REACH = CUE_WINDOW + MAX_CUE_LENGTH;

/**
 * Finds the mentions in one string. Confirmed mentions carry how they were established; ambiguous
 * ones without evidence come back as Pending, for the caller to resolve against the page.
 * Returns a shared empty list when there are none (most strings): callers never add to it.
 */
export function analyse(engine: Engine, text: string, stats?: AnalyseStats): Found[] {
  const { aliases, entities, names, hits } = engine;
  const { automaton, shapes } = names;
  hits.length = 0;
  const steps = scan(automaton, text, hits);
  if (stats) {
    stats.steps += steps;
    stats.hits += hits.length / 2;
  }
  if (hits.length === 0) return NO_FOUND;
  let candidates: Candidate[] | null = null;
  for (let h = 1; h < hits.length; h += 2) {
    const pattern = hits.data[h]!;
    const end = hits.data[h - 1]!;
    const start = end - automaton.patternLength[pattern]!;
    const shape = shapes[pattern]!;
    for (const p of names.payloadsOf(pattern)) {
      if (p.kind !== Kind.Alias) continue;
      if (p.caseForm !== null && !caseMatches(text, start, p.caseForm)) continue;
      const alias = aliases[p.ref]!;
      if (!aliasBoundaryOk(text, start, end, shape, entities[alias.entity]!.versioned)) continue;
      if ((shape & SHAPE_STARTS_WORD) !== 0 && inUrlOrEmail(text, start, end)) continue;
      candidates ??= [];
      candidates.push({ start, end, alias: p.ref, payload: p });
    }
  }
  if (candidates === null) return NO_FOUND;

  // Leftmost-longest, non-overlapping: GPT-3.5 is never also GPT-3, SuperCLUE never also CLUE.
  if (!inOrder(candidates)) candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: Candidate[] = [];
  let lastEnd = -1;
  for (const c of candidates) {
    if (c.start < lastEnd) continue;
    chosen.push(c);
    lastEnd = c.end;
  }

  // Cues matter only near an ambiguous alias or one of an entity with negative cues: the cue
  // automaton reads the text around those alone (a node naming only Qwen or 华为 skips it).
  let cues: Map<number, Spans> | null = null;
  let negatives: Map<number, Spans> | null = null;
  const { cueHits } = engine;
  cueHits.length = 0;
  let cueIndex: PatternIndex | null = null;
  let from = 0;
  let to = 0;
  const { wantsCues } = engine;
  for (const c of chosen) {
    const alias = aliases[c.alias]!;
    if (!alias.needsContext && engine.hasNegatives[alias.entity] !== 1) continue;
    wantsCues[alias.entity] = 1;
    cueIndex ??= engine.cues();
    // An unambiguous alias only needs the negative cues that cover it (Qwen in Qwen2-VL).
    const reach = alias.needsContext ? CUE_REACH : MAX_CUE_LENGTH;
    const wantFrom = Math.max(0, c.start - reach);
    const wantTo = Math.min(text.length, c.end + reach);
    // Windows are merged while they overlap; each merged one is read once.
    if (wantFrom > to) {
      if (to > from) scanWindow(cueIndex, text, cueHits, from, to, stats);
      from = wantFrom;
    }
    to = Math.max(to, wantTo);
  }
  if (cueIndex !== null) {
    if (to > from) scanWindow(cueIndex, text, cueHits, from, to, stats);
    if (stats) stats.hits += cueHits.length / 2;
    for (let h = 0; h < cueHits.length; h += 2) {
      const end = cueHits.data[h]!;
      const pattern = cueHits.data[h + 1]!;
      const start = end - cueIndex.automaton.patternLength[pattern]!;
      const shape = cueIndex.shapes[pattern]!;
      for (const p of cueIndex.payloadsOf(pattern)) {
        if (wantsCues[p.ref] === 0) continue;
        if (p.caseForm !== null && !caseMatches(text, start, p.caseForm)) continue;
        if (!cueBoundaryOk(text, start, end, shape)) continue;
        let map: Map<number, Spans>;
        if (p.kind === Kind.Cue) map = cues ??= new Map();
        else map = negatives ??= new Map();
        const spans = map.get(p.ref);
        if (spans) spans.push(start, end);
        else map.set(p.ref, [start, end]);
      }
    }
    wantsCues.fill(0);
  }
  let knownAt: ((entity: number, at: number) => boolean) | null = null;

  const found: Found[] = [];
  for (const c of chosen) {
    const alias = aliases[c.alias]!;
    const entity = alias.entity;
    if (negatives !== null && covers(negatives.get(entity), c.start, c.end)) continue;
    const { splitAt, tailAt, splitEntity } = c.payload;
    if (splitEntity >= 0) {
      found.push(make(text, c.start, c.start + splitAt, splitEntity, Strength.Strong));
      found.push(make(text, c.start + tailAt, c.end, entity, Strength.Strong));
      continue;
    }
    if (!alias.needsContext) {
      found.push(make(text, c.start, c.end, entity, Strength.Strong));
      continue;
    }
    // Ambiguous: rule out names and everyday words first, then look for evidence.
    if (alias.nameLike) {
      if (precededByHyphenatedWord(text, c.start)) continue;
      knownAt ??= knownStarts(candidates, cues, entities.length);
      const known = knownAt;
      if (followsName(text, c.start, c.end, (at) => known(entity, at))) continue;
    }
    if (alias.han && precededByDigit(text, c.start)) continue;
    if (inWindow(negatives?.get(entity), c.start, c.end, CUE_WINDOW, false, stats)) continue;
    const evident =
      hasVersionAfter(text, c.end, alias.han) ||
      inWindow(cues?.get(entity), c.start, c.end, CUE_WINDOW, true, stats);
    found.push(make(text, c.start, c.end, entity, evident ? Strength.Weak : Strength.Pending));
  }
  resolveLists(text, found, entities);
  return found;
}

/**
 * Whether an alias of any entity, or a cue of the given one, starts at an offset: the word after
 * "Claude" in "Claude Sonnet" is a cue, in "Claude Monet" a surname. Made only for a name-like
 * ambiguous alias.
 */
function knownStarts(
  candidates: readonly Candidate[],
  cues: ReadonlyMap<number, Spans> | null,
  width: number,
) {
  const aliasStarts = new Set(candidates.map((c) => c.start));
  const cueStarts = new Set<number>();
  for (const [e, spans] of cues ?? []) {
    for (let i = 0; i < spans.length; i += 2) cueStarts.add(spans[i]! * width + e);
  }
  return (entity: number, at: number): boolean => aliasStarts.has(at) || cueStarts.has(at * width + entity);
}

/** Whether candidates are already by start, longest first: hits come by end, and mostly are. */
function inOrder(candidates: readonly Candidate[]): boolean {
  for (let i = 1; i < candidates.length; i++) {
    const a = candidates[i - 1]!;
    const b = candidates[i]!;
    if (a.start > b.start || (a.start === b.start && a.end < b.end)) return false;
  }
  return true;
}

/** Cue hits in text[from, to), added to the work count. */
function scanWindow(
  index: PatternIndex,
  text: string,
  hits: HitList,
  from: number,
  to: number,
  stats: AnalyseStats | undefined,
): void {
  const steps = scan(index.automaton, text, hits, from, to);
  if (stats) stats.steps += steps;
}

function make(text: string, start: number, end: number, entity: number, strength: Strength): Found {
  return { mention: { entity: '', start, end, text: text.slice(start, end) }, entity, strength };
}

/**
 * An ambiguous name in a list next to a confirmed one of the same kind is confirmed too
 * ("GPT-4、Claude和Gemini", "百度、阿里、腾讯"). Two sweeps carry a chain through in linear time.
 */
function resolveLists(text: string, found: Found[], entities: readonly EntityInfo[]): void {
  const sweep = (from: number, to: number, step: number) => {
    for (let i = from; i !== to; i += step) {
      const f = found[i]!;
      if (f.strength !== Strength.Pending) continue;
      const n = found[i - step];
      if (!n || n.strength === Strength.Pending) continue;
      if (entities[n.entity]!.family !== entities[f.entity]!.family) continue;
      const [a, b] = step > 0 ? [n, f] : [f, n];
      if (isListGlue(text, a.mention.end, b.mention.start)) f.strength = Strength.Weak;
    }
  };
  sweep(0, found.length, 1);
  sweep(found.length - 1, -1, -1);
}

/** Names the mentions; kept apart so `analyse` works with entity indices. */
export function named(engine: Engine, found: Found): Mention {
  found.mention.entity = engine.entities[found.entity]!.id;
  return found.mention;
}

/** Whether confirmed mentions give evidence for an entity: its own, or a related one's unambiguous mention. */
export function makeEvidence(engine: Engine) {
  const strong = new Int32Array(engine.entities.length);
  const weak = new Int32Array(engine.entities.length);
  return {
    strong,
    weak,
    has(entity: number): boolean {
      if (strong[entity]! > 0 || weak[entity]! > 0) return true;
      for (const r of engine.entities[entity]!.related) if (strong[r]! > 0) return true;
      return false;
    },
  };
}
