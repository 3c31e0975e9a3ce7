// The compiled engine as plain JSON, made at build time (scripts/build-kb.ts) and turned back into
// an engine in the extension: spelling variants, folding, splits and both automata are done
// once, on the build machine, instead of on every page load on cold code.
import { HitList, type PackedAutomaton, packAutomaton, unpackAutomaton } from './automaton';
import {
  type AliasInfo,
  type End,
  type Engine,
  type EntityInfo,
  type Kind,
  type PatternIndex,
  Payload,
  VERSIONED_TYPES,
} from './engine';
import { typeFamily } from './rules';

export const PRECOMPILED_VERSION = 1;

interface PackedIndex {
  automaton: PackedAutomaton;
  /** Per pattern: its shape bits (see SHAPE_STARTS_WORD). */
  shapes: number[];
  /**
   * Per pattern: its payload count, then per payload kind, ref, case form (index into `forms`,
   * -1 for none), splitAt, tailAt, splitEntity.
   */
  payloads: number[];
  forms: string[];
}

export interface PrecompiledDetector {
  v: typeof PRECOMPILED_VERSION;
  /** [id, type, related entity indices (both directions), own sites if any] */
  entities: [string, string, number[], string[]?][];
  /** Per alias: entity, then flags (1 starts a word, 2 needs context, 4 name-like, 8 Han), then End. */
  aliases: number[];
  /** Indices of entities with negative cues. */
  negatives: number[];
  names: PackedIndex;
  /** The cues' PackedIndex as JSON text: parsed only on a page with an ambiguous mention. */
  cues: string;
  /** Entities the reader chose to look up on hover or tap only: found, never painted. */
  unmarked?: string[];
}

const PAYLOAD_FIELDS = 6;

function packIndex(index: PatternIndex): PackedIndex {
  const forms: string[] = [];
  const formIndex = new Map<string, number>();
  const payloads: number[] = [];
  for (let pattern = 0; pattern < index.shapes.length; pattern++) {
    const list = index.payloadsOf(pattern);
    payloads.push(list.length);
    for (const p of list) {
      let form = -1;
      if (p.caseForm !== null) {
        form = formIndex.get(p.caseForm) ?? forms.length;
        if (form === forms.length) {
          forms.push(p.caseForm);
          formIndex.set(p.caseForm, form);
        }
      }
      payloads.push(p.kind, p.ref, form, p.splitAt, p.tailAt, p.splitEntity);
    }
  }
  return {
    automaton: packAutomaton(index.automaton),
    shapes: [...index.shapes],
    payloads,
    forms,
  };
}

function unpackIndex(packed: PackedIndex): PatternIndex {
  // Where each pattern's payloads start in the flat list; each is decoded on its first match.
  const p = packed.payloads;
  const at = new Int32Array(packed.shapes.length);
  for (let i = 0, pattern = 0; i < p.length; pattern++) {
    at[pattern] = i;
    i += 1 + p[i]! * PAYLOAD_FIELDS;
  }
  const decoded: (Payload[] | undefined)[] = [];
  const payloadsOf = (pattern: number): Payload[] => {
    let list = decoded[pattern];
    if (list) return list;
    list = [];
    let i = at[pattern]!;
    const count = p[i++]!;
    for (let k = 0; k < count; k++, i += PAYLOAD_FIELDS) {
      const form = p[i + 2]!;
      const payload = new Payload(p[i] as Kind, p[i + 1]!, form >= 0 ? packed.forms[form]! : null);
      payload.splitAt = p[i + 3]!;
      payload.tailAt = p[i + 4]!;
      payload.splitEntity = p[i + 5]!;
      list.push(payload);
    }
    decoded[pattern] = list;
    return list;
  };
  return { automaton: unpackAutomaton(packed.automaton), payloadsOf, shapes: new Uint8Array(packed.shapes) };
}

/** The engine as JSON; its cue automaton is built here if it was not yet. */
export function precompileEngine(engine: Engine): PrecompiledDetector {
  const aliases: number[] = [];
  for (const a of engine.aliases) {
    const flags = (a.startsWord ? 1 : 0) | (a.needsContext ? 2 : 0) | (a.nameLike ? 4 : 0) | (a.han ? 8 : 0);
    aliases.push(a.entity, flags, a.end);
  }
  const negatives: number[] = [];
  engine.hasNegatives.forEach((has, i) => {
    if (has) negatives.push(i);
  });
  return {
    v: PRECOMPILED_VERSION,
    entities: engine.entities.map((e) =>
      e.sites ? [e.id, e.type, e.related, [...e.sites]] : [e.id, e.type, e.related],
    ),
    aliases,
    negatives,
    names: packIndex(engine.names),
    cues: JSON.stringify(packIndex(engine.cues())),
  };
}

/** Rebuilds the engine: typed arrays and row copies, no pattern work; cues on first need. */
export function engineFromPrecompiled(p: PrecompiledDetector): Engine {
  if (p?.v !== PRECOMPILED_VERSION) throw new Error('precompiled detector: unknown version');
  const entities: EntityInfo[] = p.entities.map(([id, type, related, sites]) => ({
    id,
    type,
    family: typeFamily(type),
    related,
    versioned: VERSIONED_TYPES.has(type),
    ...(sites ? { sites } : {}),
  }));
  const aliases: AliasInfo[] = [];
  for (let i = 0; i < p.aliases.length; i += 3) {
    const flags = p.aliases[i + 1]!;
    aliases.push({
      entity: p.aliases[i]!,
      startsWord: (flags & 1) !== 0,
      needsContext: (flags & 2) !== 0,
      nameLike: (flags & 4) !== 0,
      han: (flags & 8) !== 0,
      end: p.aliases[i + 2] as End,
    });
  }
  const hasNegatives = new Uint8Array(entities.length);
  for (const i of p.negatives) hasNegatives[i] = 1;
  let cues: PatternIndex | null = null;
  const cueJson = p.cues; // the closure keeps this text, not the whole parsed detector
  return {
    entities,
    names: unpackIndex(p.names),
    cues: () => {
      cues ??= unpackIndex(JSON.parse(cueJson) as PackedIndex);
      return cues;
    },
    aliases,
    entityIndex: new Map(entities.map((e, i) => [e.id, i])),
    hasNegatives,
    hits: new HitList(),
    cueHits: new HitList(),
    wantsCues: new Uint8Array(entities.length),
  };
}
