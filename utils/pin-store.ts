// The pins in extension storage. The background owns the only writer (`createPinStore`): every
// change runs in one promise queue and re-reads the stored list inside it, so requests arriving
// together from two tabs never overwrite each other. Views read and watch (`createPinReader`)
// and ask the background for changes. Failures are returned as values, never thrown.

import { storage } from '@wxt-dev/storage';
import { parseImport, type Rejected } from '@/lib/pins/import';
import { PINS_STORAGE_KEY } from '@/lib/pins/keys';
import { mergeAll } from '@/lib/pins/merge';
import { PIN_MIGRATIONS, PINS_VERSION } from '@/lib/pins/migrations';
import { normalizeTags, PIN_LIMITS, type Pin, parsePin, truncate } from '@/lib/pins/schema';
import { type InterpretedStore, interpretStored, type QuarantineRecord } from '@/lib/pins/stored';
import { watchAndRead } from './watch-storage';

export type { Pin } from '@/lib/pins/schema';
export type { QuarantineRecord } from '@/lib/pins/stored';

export const PINS_KEY = `local:${PINS_STORAGE_KEY}` as const;
/** Where @wxt-dev/storage keeps the item's version (`{ v }`). */
export const PINS_META_KEY = 'local:pins$';
export const QUARANTINE_KEY = 'local:pins-quarantine';

/** Stable codes the UI translates; the messages are the English fallback. */
export const PIN_ERROR_CODES = ['quota', 'readonly', 'invalid', 'not-found', 'storage'] as const;
export type PinErrorCode = (typeof PIN_ERROR_CODES)[number];

export const PIN_ERROR_MESSAGES: Record<PinErrorCode, string> = {
  quota:
    'Browser storage is full: the change was not saved and your pins are unchanged. Export and delete some pins, then try again.',
  readonly:
    'Your pins were saved by a newer version of Factlens, so this version can only read them: update Factlens to change them.',
  invalid: 'The pin data is not valid; nothing was changed.',
  'not-found': 'That pin no longer exists; it may have been deleted in another window.',
  storage: 'Browser storage could not be used: nothing was changed.',
};

export type PinFailure = { ok: false; error: PinErrorCode; message: string };

export interface PinStoreState {
  /** Newest first. */
  pins: Pin[];
  /** One message per entry set aside in the quarantine (or unreadable), saying where and why. */
  problems: string[];
  readOnly: boolean;
  readOnlyReason?: string;
}

export interface NewPin {
  factId: string;
  entity: string;
  url: string;
  title: string;
  note?: string;
  tags?: string[];
  /** The sentence where the reader met the entity; collapsed and cut to PIN_LIMITS.quote. */
  quote?: string;
}

export type AddResult = { ok: true; pin: Pin; duplicate: boolean } | PinFailure;
export type UpdateResult = { ok: true; pin: Pin } | PinFailure;
export type RemoveResult = { ok: true; removed: Pin[] } | PinFailure;
export type MergeResult =
  | { ok: true; added: number; merged: number; rejected: Rejected[]; notices: string[] }
  | PinFailure;

export interface PinReader {
  read(): Promise<PinStoreState>;
  /** Calls back with the new state after every change; returns the function that stops it. */
  watch(cb: (state: PinStoreState) => void): () => void;
}

export interface PinStore extends PinReader {
  add(input: NewPin): Promise<AddResult>;
  update(id: string, patch: { note?: string; tags?: string[] }): Promise<UpdateResult>;
  /** Returns the removed pins so the UI can offer undo through `restore`. */
  remove(ids: readonly string[]): Promise<RemoveResult>;
  /** Undo: puts pins back, merging with any pinned again since. */
  restore(pins: readonly unknown[]): Promise<MergeResult>;
  clear(): Promise<RemoveResult>;
  importPins(text: string, knownFactIds: ReadonlySet<string>): Promise<MergeResult>;
}

export function failure(error: PinErrorCode, detail?: string): PinFailure {
  return {
    ok: false,
    error,
    message: detail ? `${PIN_ERROR_MESSAGES[error]} (${detail})` : PIN_ERROR_MESSAGES[error],
  };
}

function storageFailure(err: unknown): PinFailure {
  const detail = err instanceof Error ? err.message : String(err);
  return failure(/quota/i.test(detail) ? 'quota' : 'storage', detail);
}

async function loadSnapshot(): Promise<InterpretedStore> {
  const [pins, meta, quarantine] = await storage.getItems([PINS_KEY, PINS_META_KEY, QUARANTINE_KEY]);
  return interpretStored({ pins: pins?.value, meta: meta?.value, quarantine: quarantine?.value });
}

function stateOf(s: InterpretedStore): PinStoreState {
  const state: PinStoreState = { pins: s.pins, problems: s.problems, readOnly: s.readOnly };
  if (s.readOnlyReason) state.readOnlyReason = s.readOnlyReason;
  return state;
}

function unreadableState(err: unknown): PinStoreState {
  const detail = err instanceof Error ? err.message : String(err);
  return {
    pins: [],
    problems: [`Browser storage could not be read (${detail}).`],
    readOnly: true,
    readOnlyReason: 'Browser storage could not be read, so pins cannot be changed right now.',
  };
}

/** Re-reads on any change to the stored item, its version or quarantine; bursts coalesce. */
const watchState = (read: () => Promise<PinStoreState>, cb: (value: PinStoreState) => void): (() => void) =>
  watchAndRead([PINS_KEY, PINS_META_KEY, QUARANTINE_KEY], read, cb);

/** For views: reads and watches, never writes (the background's store moves bad entries). */
export function createPinReader(): PinReader {
  const read = async () => {
    try {
      return stateOf(await loadSnapshot());
    } catch (err) {
      return unreadableState(err);
    }
  };
  return { read, watch: (cb) => watchState(read, cb) };
}

/**
 * Defining the item runs @wxt-dev/storage's migrations (v1 → v2 → v3) before the store's first read.
 * For a store from a newer version the library logs "Version downgrade detected" and leaves the
 * data alone; interpretStored then sees the newer version and makes everything read-only. A
 * version label that is not a number would be overwritten by the library, so then the item is
 * not defined at all and the store stays read-only, untouched.
 */
async function defineVersionedItem(): Promise<void> {
  try {
    const { v } = await storage.getMeta<{ v?: unknown }>(PINS_KEY);
    if (v !== undefined && v !== null && (typeof v !== 'number' || !Number.isFinite(v))) return;
    const item = storage.defineItem<unknown[]>(PINS_KEY, {
      fallback: [],
      version: PINS_VERSION,
      migrations: PIN_MIGRATIONS,
    });
    await item.getMeta();
  } catch {
    // Reads that follow report the storage problem.
  }
}

type Outcome<R> = { result: R; pins?: Pin[] } | PinFailure;

/** The background's store, the only writer. `now` is for tests. */
export function createPinStore(options: { now?: () => number } = {}): PinStore {
  const now = options.now ?? Date.now;
  const ready = defineVersionedItem();

  let tail: Promise<unknown> = Promise.resolve();
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = tail.then(task, task);
    tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** Writes pins, version and quarantine in one storage call: it all lands or nothing does. */
  async function write(pins: Pin[], s: InterpretedStore): Promise<PinFailure | null> {
    const entries: { key: typeof PINS_KEY | typeof PINS_META_KEY | typeof QUARANTINE_KEY; value: unknown }[] =
      [
        { key: PINS_KEY, value: pins },
        { key: PINS_META_KEY, value: s.meta },
      ];
    if (s.pending.length || s.quarantine.length) {
      const at = now();
      const added: QuarantineRecord[] = s.pending.map((p) => ({ quarantinedAt: at, ...p }));
      entries.push({ key: QUARANTINE_KEY, value: [...s.quarantine, ...added] });
    }
    try {
      await storage.setItems(entries);
      return null;
    } catch (err) {
      return storageFailure(err);
    }
  }

  /** Runs one change against the latest stored pins, inside the queue. */
  function transact<R>(change: (pins: Pin[]) => Outcome<R>): Promise<R | PinFailure> {
    return serial(async () => {
      await ready;
      let s: InterpretedStore;
      try {
        s = await loadSnapshot();
      } catch (err) {
        return storageFailure(err);
      }
      if (s.readOnly)
        return { ok: false, error: 'readonly', message: s.readOnlyReason ?? PIN_ERROR_MESSAGES.readonly };
      let outcome: Outcome<R>;
      try {
        outcome = change(s.pins);
      } catch (err) {
        return storageFailure(err);
      }
      if ('ok' in outcome) return outcome;
      if (outcome.pins || s.needsWrite) {
        const failed = await write(outcome.pins ?? s.pins, s);
        if (failed) return failed;
      }
      return outcome.result;
    });
  }

  const read = (): Promise<PinStoreState> =>
    serial(async () => {
      await ready;
      try {
        const s = await loadSnapshot();
        // Reading is where bad entries are found; the writer moves them aside at once.
        if (!s.readOnly && s.needsWrite) {
          const failed = await write(s.pins, s);
          if (failed) return { ...stateOf(s), problems: [...s.problems, failed.message] };
        }
        return stateOf(s);
      } catch (err) {
        return unreadableState(err);
      }
    });

  return {
    read,
    watch: (cb) => watchState(read, cb),

    async add(input) {
      const fields = input ?? ({} as NewPin);
      return transact<AddResult>((pins) => {
        const parsed = parsePin({
          factId: fields.factId,
          entity: fields.entity,
          url: fields.url,
          // A page title is only a label: an overlong one is cut, not a reason to refuse the pin.
          title: typeof fields.title === 'string' ? truncate(fields.title, PIN_LIMITS.title) : fields.title,
          pinnedAt: now(),
          note: fields.note ?? '',
          tags: Array.isArray(fields.tags) ? normalizeTags(fields.tags.map(String)) : fields.tags,
          // Like the title, the quote only helps recognise the pin: never a reason to refuse it.
          quote: typeof fields.quote === 'string' ? fields.quote : '',
        });
        if (!parsed.ok) return failure('invalid', parsed.reason);
        const index = pins.findIndex((p) => p.id === parsed.pin.id);
        const existing = pins[index];
        if (existing) {
          // Pinned again from the same page: the pin stays as it is, except that a pin kept without
          // a quote (from the side panel, or before quotes were kept) takes this one's.
          if (existing.quote || !parsed.pin.quote)
            return { result: { ok: true, pin: existing, duplicate: true } };
          const pin = { ...existing, quote: parsed.pin.quote };
          const next = [...pins];
          next[index] = pin;
          return { result: { ok: true, pin, duplicate: true }, pins: next };
        }
        return { result: { ok: true, pin: parsed.pin, duplicate: false }, pins: [parsed.pin, ...pins] };
      });
    },

    async update(id, patch) {
      return transact<UpdateResult>((pins) => {
        const index = pins.findIndex((p) => p.id === id);
        const current = pins[index];
        if (!current) return failure('not-found');
        const tags = patch.tags === undefined ? current.tags : patch.tags;
        const parsed = parsePin({
          ...current,
          note: patch.note ?? current.note,
          tags: Array.isArray(tags) ? normalizeTags(tags.map(String)) : tags,
        });
        if (!parsed.ok) return failure('invalid', parsed.reason);
        const next = [...pins];
        next[index] = parsed.pin;
        return { result: { ok: true, pin: parsed.pin }, pins: next };
      });
    },

    async remove(ids) {
      const wanted = new Set(ids);
      return transact<RemoveResult>((pins) => {
        const removed = pins.filter((p) => wanted.has(p.id));
        if (!removed.length) return { result: { ok: true, removed } };
        return { result: { ok: true, removed }, pins: pins.filter((p) => !wanted.has(p.id)) };
      });
    },

    async restore(input) {
      if (!Array.isArray(input)) return failure('invalid', 'expected a list of pins');
      const valid: Pin[] = [];
      const rejected: Rejected[] = [];
      input.forEach((entry, index) => {
        const parsed = parsePin(entry);
        if (parsed.ok) valid.push(parsed.pin);
        else rejected.push({ index, reason: parsed.reason });
      });
      return transact<MergeResult>((pins) => mergeOutcome(pins, valid, rejected));
    },

    async clear() {
      return transact<RemoveResult>((pins) =>
        pins.length
          ? { result: { ok: true, removed: pins }, pins: [] }
          : { result: { ok: true, removed: [] } },
      );
    },

    async importPins(text, knownFactIds) {
      const parsed = parseImport(text, knownFactIds);
      if (!parsed.ok) return { ok: false, error: 'invalid', message: parsed.message };
      return transact<MergeResult>((pins) => mergeOutcome(pins, parsed.pins, parsed.rejected));
    },
  };
}

function mergeOutcome(current: Pin[], incoming: Pin[], rejected: Rejected[]): Outcome<MergeResult> {
  const report = mergeAll(current, incoming);
  const result: MergeResult = {
    ok: true,
    added: report.added.length,
    merged: report.merged,
    rejected,
    notices: report.notices.map((n) => `Pin ${n.id}: ${n.notice}.`),
  };
  return report.changed ? { result, pins: report.pins } : { result };
}
