// The reader's own entries, notes and packs in extension storage. As with pins, the background
// owns the only writer (`createKnowledgeStore`): every change runs in one promise queue against a
// fresh read, so two tabs never overwrite each other. Views read and watch
// (`createKnowledgeReader`) and ask the background for changes. Failures are values, never thrown.
import { storage } from '@wxt-dev/storage';
import { checkAliases } from '@/lib/knowledge/guard';
import { type PackContext, readPack } from '@/lib/knowledge/pack';
import {
  entityIdFor,
  KNOWLEDGE_LIMITS,
  type KnowledgeState,
  type Note,
  OWN_PACK,
  type PackInfo,
  parseNote,
  parseUserEntity,
  type UserEntity,
} from '@/lib/knowledge/schema';
import {
  type InterpretedKnowledge,
  interpretKnowledge,
  KNOWLEDGE_MIGRATIONS,
  KNOWLEDGE_VERSION,
  toStored,
} from '@/lib/knowledge/stored';
import type { KnowledgeWriteResult } from '@/lib/messages/background';
import { KNOWLEDGE_STORAGE_KEY } from '@/lib/pins/keys';
import { watchAndRead } from './watch-storage';

export const KNOWLEDGE_KEY = `local:${KNOWLEDGE_STORAGE_KEY}` as const;
export const KNOWLEDGE_META_KEY = `${KNOWLEDGE_KEY}$` as const;
export const KNOWLEDGE_QUARANTINE_KEY = `${KNOWLEDGE_KEY}-quarantine` as const;

export interface KnowledgeView {
  state: KnowledgeState;
  problems: string[];
  readOnly: boolean;
  readOnlyReason?: string;
}

export type KnowledgeFailure = { ok: false; error: string; message: string };

const MESSAGES: Record<string, string> = {
  quota: 'Browser storage is full: nothing was saved and your entries and notes are unchanged.',
  storage: 'Browser storage could not be used: nothing was changed.',
  invalid: 'That is not valid; nothing was changed.',
  'not-found': 'It no longer exists; it may have been deleted in another window.',
  refused: 'Some aliases would mark ordinary words; nothing was saved.',
  'too-many': 'That would be more than Factlens keeps; nothing was changed.',
};

export function knowledgeFailure(error: string, detail?: string): KnowledgeFailure {
  const base = MESSAGES[error] ?? MESSAGES.storage!;
  return { ok: false, error, message: detail ? `${base} (${detail})` : base };
}

function storageFailure(err: unknown): KnowledgeFailure {
  const detail = err instanceof Error ? err.message : String(err);
  return knowledgeFailure(/quota/i.test(detail) ? 'quota' : 'storage', detail);
}

async function loadSnapshot(): Promise<InterpretedKnowledge> {
  const [value, meta] = await storage.getItems([KNOWLEDGE_KEY, KNOWLEDGE_META_KEY]);
  const v = (meta?.value as { v?: unknown } | null | undefined)?.v;
  return interpretKnowledge(value?.value, v ?? (value?.value == null ? undefined : 1));
}

const viewOf = (s: InterpretedKnowledge): KnowledgeView => ({
  state: s.state,
  problems: s.problems,
  readOnly: s.readOnly,
  ...(s.readOnlyReason ? { readOnlyReason: s.readOnlyReason } : {}),
});

function unreadable(err: unknown): KnowledgeView {
  const detail = err instanceof Error ? err.message : String(err);
  return {
    state: { entities: [], notes: [], packs: [] },
    problems: [`Browser storage could not be read (${detail}).`],
    readOnly: true,
    readOnlyReason: 'Browser storage could not be read, so entries and notes cannot be changed right now.',
  };
}

export interface KnowledgeReader {
  read(): Promise<KnowledgeView>;
  /** Calls back with the new view after every change; returns the function that stops it. */
  watch(cb: (view: KnowledgeView) => void): () => void;
}

/** Re-reads on any change to the stored item, its version or quarantine; bursts coalesce. */
const watchView = (read: () => Promise<KnowledgeView>, cb: (value: KnowledgeView) => void): (() => void) =>
  watchAndRead([KNOWLEDGE_KEY, KNOWLEDGE_META_KEY], read, cb);

/** For views: reads and watches, never writes. */
export function createKnowledgeReader(): KnowledgeReader {
  const read = async () => {
    try {
      return viewOf(await loadSnapshot());
    } catch (err) {
      return unreadable(err);
    }
  };
  return { read, watch: (cb) => watchView(read, cb) };
}

export interface BuiltInKnowledge extends PackContext {
  /** Display names of built-in entries, for messages that name both sides of a clash. */
  nameOf(id: string): string | undefined;
}

type Outcome = { result: KnowledgeWriteResult; state?: KnowledgeState } | KnowledgeFailure;

/** The background's store, the only writer. `now` is for tests. */
export function createKnowledgeStore(builtIn: BuiltInKnowledge, options: { now?: () => number } = {}) {
  const now = options.now ?? Date.now;
  const ready = (async () => {
    try {
      // Defining the versioned item runs its numbered migrations before the first read. The
      // library would overwrite a version label that is no number, so then it is not defined and
      // the store stays read-only (interpretKnowledge), untouched.
      const { v } = await storage.getMeta<{ v?: unknown }>(KNOWLEDGE_KEY);
      if (v !== undefined && v !== null && (typeof v !== 'number' || !Number.isFinite(v))) return;
      const item = storage.defineItem<unknown>(KNOWLEDGE_KEY, {
        fallback: null,
        version: KNOWLEDGE_VERSION,
        migrations: KNOWLEDGE_MIGRATIONS,
      });
      await item.getMeta();
    } catch {
      // Reads that follow report the storage problem.
    }
  })();

  let tail: Promise<unknown> = Promise.resolve();
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = tail.then(task, task);
    tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  async function write(state: KnowledgeState, s: InterpretedKnowledge): Promise<KnowledgeFailure | null> {
    const entries: { key: string; value: unknown }[] = [
      { key: KNOWLEDGE_KEY, value: toStored(state) },
      { key: KNOWLEDGE_META_KEY, value: { v: KNOWLEDGE_VERSION } },
    ];
    try {
      if (s.setAside.length) {
        // Set-aside entries are kept for a person to look at, never dropped.
        const old = (await storage.getItem<unknown[]>(KNOWLEDGE_QUARANTINE_KEY)) ?? [];
        const at = now();
        entries.push({
          key: KNOWLEDGE_QUARANTINE_KEY,
          value: [
            ...(Array.isArray(old) ? old : [old]),
            ...s.setAside.map((x) => ({ ...x, quarantinedAt: at })),
          ],
        });
      }
      await storage.setItems(entries as { key: `local:${string}`; value: unknown }[]);
      return null;
    } catch (err) {
      return storageFailure(err);
    }
  }

  function transact(change: (state: KnowledgeState) => Outcome): Promise<KnowledgeWriteResult> {
    return serial(async () => {
      await ready;
      let s: InterpretedKnowledge;
      try {
        s = await loadSnapshot();
      } catch (err) {
        return storageFailure(err);
      }
      if (s.readOnly) return { ok: false, error: 'readonly', message: s.readOnlyReason ?? MESSAGES.storage! };
      let outcome: Outcome;
      try {
        outcome = change(s.state);
      } catch (err) {
        return storageFailure(err);
      }
      if ('ok' in outcome) return outcome;
      if (outcome.state || s.setAside.length) {
        const failed = await write(outcome.state ?? s.state, s);
        if (failed) return failed;
      }
      return outcome.result;
    });
  }

  const read = (): Promise<KnowledgeView> =>
    serial(async () => {
      await ready;
      try {
        const s = await loadSnapshot();
        if (!s.readOnly && s.setAside.length) {
          const failed = await write(s.state, s);
          if (failed) return { ...viewOf(s), problems: [...s.problems, failed.message] };
        }
        return viewOf(s);
      } catch (err) {
        return unreadable(err);
      }
    });

  const known = (state: KnowledgeState, id: string) =>
    builtIn.builtIn.ids.has(id) || state.entities.some((e) => e.id === id);

  const parseNotes = (input: readonly unknown[]) => {
    const valid: Note[] = [];
    const rejected: { index: number; reason: string }[] = [];
    input.forEach((entry, index) => {
      const parsed = parseNote(entry, now());
      if (parsed.ok) valid.push(parsed.value);
      else rejected.push({ index, reason: parsed.reason });
    });
    return { valid, rejected };
  };

  return {
    read,
    watch: (cb: (view: KnowledgeView) => void) => watchView(read, cb),

    addNote(input: {
      entity: string;
      text: string;
      url?: string;
      title?: string;
      quote?: string;
      tags?: string[];
    }) {
      return transact((state) => {
        if (!known(state, input.entity)) return knowledgeFailure('not-found', `no entry "${input.entity}"`);
        if (state.notes.length >= KNOWLEDGE_LIMITS.notes)
          return knowledgeFailure('too-many', `at most ${KNOWLEDGE_LIMITS.notes} notes`);
        const at = now();
        const parsed = parseNote({ ...input, createdAt: at, updatedAt: at, pack: OWN_PACK }, at);
        if (!parsed.ok) return knowledgeFailure('invalid', parsed.reason);
        return {
          result: { ok: true, note: parsed.value },
          state: { ...state, notes: [parsed.value, ...state.notes] },
        };
      });
    },

    updateNote(id: string, patch: { text?: string; tags?: string[] }) {
      return transact((state) => {
        const index = state.notes.findIndex((n) => n.id === id);
        const current = state.notes[index];
        if (!current) return knowledgeFailure('not-found');
        const parsed = parseNote({ ...current, ...stripUndefined(patch), updatedAt: now() });
        if (!parsed.ok) return knowledgeFailure('invalid', parsed.reason);
        const notes = [...state.notes];
        notes[index] = parsed.value;
        return { result: { ok: true, note: parsed.value }, state: { ...state, notes } };
      });
    },

    removeNotes(ids: readonly string[]) {
      const wanted = new Set(ids);
      return transact((state) => {
        const removed = state.notes.filter((n) => wanted.has(n.id));
        if (!removed.length) return { result: { ok: true, removed } };
        return {
          result: { ok: true, removed },
          state: { ...state, notes: state.notes.filter((n) => !wanted.has(n.id)) },
        };
      });
    },

    restoreNotes(input: readonly unknown[]) {
      const { valid, rejected } = parseNotes(input);
      return transact((state) => {
        const have = new Set(state.notes.map((n) => n.id));
        const added = valid.filter((n) => !have.has(n.id) && known(state, n.entity));
        return {
          result: { ok: true, added: added.length, rejected },
          state: added.length ? { ...state, notes: [...added, ...state.notes] } : undefined,
        };
      });
    },

    saveEntity(input: unknown, previousId?: string) {
      return transact((state) => {
        const raw =
          input !== null && typeof input === 'object' && !Array.isArray(input)
            ? (input as Record<string, unknown>)
            : {};
        const previous = previousId ? state.entities.find((e) => e.id === previousId) : undefined;
        if (previousId && !previous) return knowledgeFailure('not-found', `no entry "${previousId}"`);
        const taken = (id: string) => builtIn.builtIn.ids.has(id) || state.entities.some((e) => e.id === id);
        const name = (raw.name ?? {}) as { en?: string; zh?: string };
        // Ids are stable once given: notes and related entries refer to them.
        const id =
          previous?.id ?? (typeof raw.id === 'string' && raw.id ? raw.id : entityIdFor(name, taken, now()));
        if (!previous && builtIn.builtIn.ids.has(id)) {
          return knowledgeFailure('invalid', `"${id}" is the built-in entry ${builtIn.nameOf(id) ?? id}`);
        }
        if (!previous && state.entities.some((e) => e.id === id))
          return knowledgeFailure('invalid', `an entry "${id}" already exists`);
        if (!previous && state.entities.length >= KNOWLEDGE_LIMITS.entities) {
          return knowledgeFailure('too-many', `at most ${KNOWLEDGE_LIMITS.entities} entries`);
        }
        const at = now();
        const parsed = parseUserEntity(
          {
            ...raw,
            id,
            pack: previous?.pack ?? OWN_PACK,
            createdAt: previous?.createdAt ?? at,
            updatedAt: at,
          },
          at,
        );
        if (!parsed.ok)
          return { ok: false, error: 'invalid', message: `${MESSAGES.invalid} (${parsed.reason})` };
        const entity = parsed.value;
        const verdicts = checkAliases(entity, { builtIn: builtIn.builtIn.aliases, others: state.entities });
        if (verdicts.some((v) => v.level === 'refuse')) {
          return { ok: false, error: 'refused', message: MESSAGES.refused!, verdicts };
        }
        const entities = previous
          ? state.entities.map((e) => (e.id === previous.id ? entity : e))
          : [...state.entities, entity];
        return { result: { ok: true, entity, verdicts }, state: { ...state, entities } };
      });
    },

    removeEntities(ids: readonly string[]) {
      const wanted = new Set(ids);
      return transact((state) => {
        const entities = state.entities.filter((e) => wanted.has(e.id));
        const notes = state.notes.filter((n) => wanted.has(n.entity));
        if (!entities.length) return { result: { ok: true, removed: { entities, notes } } };
        return {
          result: { ok: true, removed: { entities, notes } },
          state: {
            ...state,
            entities: state.entities.filter((e) => !wanted.has(e.id)),
            notes: state.notes.filter((n) => !wanted.has(n.entity)),
          },
        };
      });
    },

    restoreEntities(entitiesIn: readonly unknown[], notesIn: readonly unknown[]) {
      const entities = entitiesIn.flatMap((e) => {
        const p = parseUserEntity(e, now());
        return p.ok ? [p.value] : [];
      });
      const { valid } = parseNotes(notesIn);
      return transact((state) => {
        const have = new Set(state.entities.map((e) => e.id));
        const back = entities.filter((e) => !have.has(e.id) && !builtIn.builtIn.ids.has(e.id));
        const next = { ...state, entities: [...state.entities, ...back] };
        const noteIds = new Set(state.notes.map((n) => n.id));
        const notes = valid.filter((n) => !noteIds.has(n.id) && known(next, n.entity));
        next.notes = [...notes, ...state.notes];
        return { result: { ok: true, entities: back.length, notes: notes.length }, state: next };
      });
    },

    async importPack(text: string) {
      // Your own export may hold notes about entries of a colleague's pack you also have.
      const have = new Set((await read()).state.entities.map((e) => e.id));
      const pack = readPack(text, { ...builtIn, known: (id) => have.has(id), now: now() });
      if (!pack.ok) {
        const fatal = pack.problems.find((p) => p.severity === 'error');
        return Promise.resolve<KnowledgeWriteResult>({
          ok: false,
          error: 'invalid',
          message: fatal?.message ?? 'This is not a Factlens pack.',
          problems: pack.problems,
        } as KnowledgeWriteResult);
      }
      return transact((state) => {
        const packId = pack.info.own ? OWN_PACK : pack.info.id;
        const listed = state.packs.some((p) => p.id === packId);
        if (!pack.info.own && !listed && state.packs.length >= KNOWLEDGE_LIMITS.packs) {
          return knowledgeFailure('too-many', `at most ${KNOWLEDGE_LIMITS.packs} packs`);
        }
        const problems = [...pack.problems];
        // Another pack's (or the reader's) entry with the same id stays; this one is skipped.
        const elsewhere = new Map(state.entities.filter((e) => e.pack !== packId).map((e) => [e.id, e.pack]));
        const kept = state.entities.filter((e) => e.pack !== packId || pack.info.own);
        const incoming = pack.entities.filter((e) => {
          const owner = elsewhere.get(e.id);
          if (owner === undefined) return true;
          problems.push({
            severity: 'error',
            kind: 'entity',
            id: e.id,
            field: 'id',
            message: `entry "${e.id}" already comes from ${owner === OWN_PACK ? 'your own entries' : `pack "${owner}"`}; skipped`,
          });
          return false;
        });
        const incomingIds = new Set(incoming.map((e) => e.id));
        const entities = [...kept.filter((e) => !incomingIds.has(e.id)), ...incoming];
        if (entities.length > KNOWLEDGE_LIMITS.entities) {
          return knowledgeFailure(
            'too-many',
            `${entities.length} entries; at most ${KNOWLEDGE_LIMITS.entities}`,
          );
        }
        const next: KnowledgeState = { ...state, entities };
        const noteIds = new Set(
          state.notes.filter((n) => n.pack !== packId || pack.info.own).map((n) => n.id),
        );
        // A note about an entry that was skipped here belongs to the pack's entry, not to the
        // other owner's entry of the same id.
        const refused = new Set(pack.entities.filter((e) => !incomingIds.has(e.id)).map((e) => e.id));
        const notes = pack.notes.filter(
          (n) => !noteIds.has(n.id) && !refused.has(n.entity) && known(next, n.entity),
        );
        next.notes = [...notes, ...state.notes.filter((n) => n.pack !== packId || pack.info.own)];
        if (next.notes.length > KNOWLEDGE_LIMITS.notes) {
          return knowledgeFailure(
            'too-many',
            `${next.notes.length} notes; at most ${KNOWLEDGE_LIMITS.notes}`,
          );
        }
        if (!pack.info.own) {
          const existing = state.packs.find((p) => p.id === packId);
          const info: PackInfo = {
            id: packId,
            name: pack.info.name,
            author: pack.info.author,
            revision: pack.info.revision,
            enabled: existing?.enabled ?? true,
            importedAt: now(),
          };
          next.packs = [...state.packs.filter((p) => p.id !== packId), info];
        }
        return {
          result: {
            ok: true,
            pack: { ...pack.info, id: packId },
            accepted: { entities: incoming.length, notes: notes.length },
            skipped: {
              entities: pack.skipped.entities + (pack.entities.length - incoming.length),
              notes: pack.skipped.notes + (pack.notes.length - notes.length),
            },
            problems,
          },
          state: next,
        };
      });
    },

    setPackEnabled(id: string, enabled: boolean) {
      return transact((state) => {
        const pack = state.packs.find((p) => p.id === id);
        if (!pack) return knowledgeFailure('not-found', `no pack "${id}"`);
        if (pack.enabled === enabled) return { result: { ok: true, pack } };
        const next = { ...pack, enabled };
        return {
          result: { ok: true, pack: next },
          state: { ...state, packs: state.packs.map((p) => (p.id === id ? next : p)) },
        };
      });
    },

    removePack(id: string) {
      return transact((state) => {
        if (!state.packs.some((p) => p.id === id)) return knowledgeFailure('not-found', `no pack "${id}"`);
        return {
          result: { ok: true },
          state: {
            entities: state.entities.filter((e) => e.pack !== id),
            notes: state.notes.filter((n) => n.pack !== id),
            packs: state.packs.filter((p) => p.id !== id),
          },
        };
      });
    },

    clearOwn() {
      return transact((state) => {
        const entities = state.entities.filter((e) => e.pack === OWN_PACK);
        const notes = state.notes.filter((n) => n.pack === OWN_PACK);
        return {
          result: { ok: true, removed: { entities, notes } },
          state: {
            ...state,
            entities: state.entities.filter((e) => e.pack !== OWN_PACK),
            notes: state.notes.filter((n) => n.pack !== OWN_PACK),
          },
        };
      });
    },
  };
}

export type KnowledgeStore = ReturnType<typeof createKnowledgeStore>;

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export type { UserEntity };
