// How the stored knowledge (entries, notes, packs) is read back: which items are valid, which must
// be set aside and why, and whether this version may write at all. Pure; utils/knowledge-store.ts
// does the reading and writing. Numbered migrations follow the pins' pattern.
import { describeValue } from '../pins/schema';
import {
  KNOWLEDGE_LIMITS,
  type KnowledgeState,
  type Note,
  notesByNewest,
  type PackInfo,
  parseNote,
  parseUserEntity,
  type UserEntity,
} from './schema';

/** The version of the stored knowledge this code reads and writes. */
export const KNOWLEDGE_VERSION = 1;

/** Numbered as @wxt-dev/storage expects: the key is the version the function migrates to. */
export const KNOWLEDGE_MIGRATIONS: Record<number, (stored: unknown) => unknown> = {};

export interface SetAside {
  /** Where it was: "entities[3]", "notes[0]", "packs[1]" or "" for the whole value. */
  at: string;
  reason: string;
  entry: unknown;
}

export interface InterpretedKnowledge {
  state: KnowledgeState;
  /** Entries to move to the quarantine on the next write. */
  setAside: SetAside[];
  problems: string[];
  readOnly: boolean;
  readOnlyReason?: string;
}

function parsePackInfo(input: unknown): PackInfo | null {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return null;
  const p = input as Record<string, unknown>;
  if (typeof p.id !== 'string' || !p.id || typeof p.name !== 'string') return null;
  return {
    id: p.id,
    name: p.name.slice(0, KNOWLEDGE_LIMITS.packName),
    author: typeof p.author === 'string' ? p.author.slice(0, KNOWLEDGE_LIMITS.packName) : '',
    revision: typeof p.revision === 'number' && Number.isFinite(p.revision) ? p.revision : 1,
    enabled: p.enabled !== false,
    importedAt: typeof p.importedAt === 'number' && Number.isFinite(p.importedAt) ? p.importedAt : 0,
  };
}

/** Reads what storage holds; `version` is the stored item's version (undefined: none yet). */
export function interpretKnowledge(value: unknown, version: unknown): InterpretedKnowledge {
  const setAside: SetAside[] = [];
  const state: KnowledgeState = { entities: [], notes: [], packs: [] };
  // A label that is no number is taken as a newer version's: never written over.
  const unknownLabel =
    version !== undefined && version !== null && (typeof version !== 'number' || !Number.isFinite(version));
  if (unknownLabel || (typeof version === 'number' && version > KNOWLEDGE_VERSION)) {
    const format = unknownLabel ? `an unrecognised format, ${JSON.stringify(version)}` : `format ${version}`;
    const reason = `Your entries and notes were saved by a newer version of Factlens (${format}); update Factlens to change them.`;
    const read = interpretKnowledge(value, KNOWLEDGE_VERSION);
    return { ...read, setAside: [], readOnly: true, readOnlyReason: reason };
  }
  if (value === null || value === undefined) return { state, setAside, problems: [], readOnly: false };
  if (typeof value !== 'object' || Array.isArray(value)) {
    setAside.push({
      at: '',
      reason: `the stored knowledge was ${describeValue(value)}, not an object`,
      entry: value,
    });
    return { state, setAside, problems: setAside.map(problemOf), readOnly: false };
  }
  const v = value as Record<string, unknown>;
  const each = (key: 'entities' | 'notes' | 'packs', fn: (item: unknown, at: string) => void) => {
    const list = v[key];
    if (list === undefined) return;
    if (!Array.isArray(list)) {
      setAside.push({ at: key, reason: `${key} was ${describeValue(list)}, not a list`, entry: list });
      return;
    }
    list.forEach((item, i) => {
      fn(item, `${key}[${i}]`);
    });
  };
  const ids = new Set<string>();
  each('entities', (item, at) => {
    const parsed = parseUserEntity(item);
    if (!parsed.ok) setAside.push({ at, reason: parsed.reason, entry: item });
    else if (ids.has(parsed.value.id))
      setAside.push({ at, reason: `a second entry with id "${parsed.value.id}"`, entry: item });
    else {
      ids.add(parsed.value.id);
      state.entities.push(parsed.value);
    }
  });
  const noteIds = new Set<string>();
  each('notes', (item, at) => {
    // A stored note without an id gets one from its place, the same on every read (a fresh one
    // each time would leave it impossible to edit or delete).
    const parsed = parseNote(withIdFrom(item, at));
    if (!parsed.ok) setAside.push({ at, reason: parsed.reason, entry: item });
    // A second note under one id is kept aside, not dropped: it may hold other text.
    else if (noteIds.has(parsed.value.id))
      setAside.push({ at, reason: `a second note with id "${parsed.value.id}"`, entry: item });
    else {
      noteIds.add(parsed.value.id);
      state.notes.push(parsed.value);
    }
  });
  const packIds = new Set<string>();
  each('packs', (item, at) => {
    const pack = parsePackInfo(item);
    if (!pack) setAside.push({ at, reason: 'not a pack record', entry: item });
    else if (packIds.has(pack.id))
      setAside.push({ at, reason: `a second pack record with id "${pack.id}"`, entry: item });
    else {
      packIds.add(pack.id);
      state.packs.push(pack);
    }
  });
  state.notes.sort(notesByNewest);
  return { state, setAside, problems: setAside.map(problemOf), readOnly: false };
}

function withIdFrom(item: unknown, at: string): unknown {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
  const id = (item as { id?: unknown }).id;
  if (id !== undefined && id !== '') return item;
  return { ...item, id: `n-stored-${at.replace(/\D/g, '')}` };
}

export function problemOf(s: SetAside): string {
  return s.at
    ? `Stored ${s.at} was set aside: ${s.reason}.`
    : `The stored knowledge was set aside as a whole: ${s.reason}.`;
}

/** Entries and notes kept in storage, in a stable order: what `interpretKnowledge` reads back. */
export function toStored(state: KnowledgeState): {
  entities: UserEntity[];
  notes: Note[];
  packs: PackInfo[];
} {
  return { entities: state.entities, notes: [...state.notes].sort(notesByNewest), packs: state.packs };
}
