// Migrations of the stored pins, numbered by the version they produce. Each is total: whatever
// it finds, it returns a list and never throws. An entry it cannot migrate is kept aside (wrapped
// in a KeptAside record, which the store moves to its quarantine) instead of being dropped.
import { mergeAll } from './merge';
import { describeValue, type Pin, parsePin } from './schema';

/** The version of the stored pins this code reads and writes. */
export const PINS_VERSION = 3;

/**
 * Version 1, the first shape Factlens shipped: `local:pins` held a list of these, without
 * version metadata (so @wxt-dev/storage reads it as v1). A pin had no id, was identified by fact
 * and url, and had no tags.
 */
export interface PinV1 {
  /** The fact id. */
  fact: string;
  entity: string;
  url: string;
  title?: string;
  /** When it was pinned, as an ISO 8601 date string. */
  time: string;
  note?: string;
}

/** An entry a migration could not turn into a pin, kept with the reason in place of the pin. */
export interface KeptAside {
  keptAside: { fromVersion: number; index: number; reason: string; entry: unknown };
}

export type MigratedEntry = Pin | KeptAside;

export function isKeptAside(value: unknown): value is KeptAside {
  if (value === null || typeof value !== 'object' || !('keptAside' in value)) return false;
  const inner = (value as KeptAside).keptAside;
  return inner !== null && typeof inner === 'object' && typeof inner.reason === 'string';
}

/** Converts one v1 entry; `reason` says why it could not be. */
export function pinFromV1(entry: unknown): { ok: true; pin: Pin } | { ok: false; reason: string } {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
    return { ok: false, reason: `expected a pin object, found ${describeValue(entry)}` };
  }
  const old = entry as Record<string, unknown>;
  if (old.fact === undefined) return { ok: false, reason: 'missing field "fact"' };
  if (old.time === undefined) return { ok: false, reason: 'missing field "time"' };
  const pinnedAt = typeof old.time === 'string' ? Date.parse(old.time) : Number.NaN;
  if (!Number.isFinite(pinnedAt)) {
    return { ok: false, reason: `time ${JSON.stringify(old.time)} is not a date` };
  }
  const parsed = parsePin({
    factId: old.fact,
    entity: old.entity,
    url: old.url,
    title: old.title ?? '',
    pinnedAt,
    note: old.note ?? '',
    tags: [],
  });
  if (parsed.ok) return parsed;
  // Name the v1 fields in the reason, since that is what the entry holds.
  return { ok: false, reason: parsed.reason.replace('"factId"', '"fact"').replace(/^factId /, 'fact ') };
}

/** An entry that already has the v2 shape (a store labelled v1 by mistake) passes through. */
function looksLikeV2(entry: unknown): boolean {
  return entry !== null && typeof entry === 'object' && 'factId' in entry && 'pinnedAt' in entry;
}

/** v1 → v2: adds ids and tags, renames fact → factId and time (ISO) → pinnedAt (ms). */
export function migrateToV2(stored: unknown): MigratedEntry[] {
  if (stored === null || stored === undefined) return [];
  const keep = (index: number, reason: string, entry: unknown): KeptAside => ({
    keptAside: { fromVersion: 1, index, reason, entry },
  });
  if (!Array.isArray(stored)) {
    return [keep(-1, `they were not a list (found ${describeValue(stored)})`, stored)];
  }
  const pins: Pin[] = [];
  const aside: KeptAside[] = [];
  stored.forEach((entry, index) => {
    if (isKeptAside(entry)) {
      aside.push(entry);
      return;
    }
    const result = looksLikeV2(entry) ? parsePin(entry) : pinFromV1(entry);
    if (result.ok) pins.push(result.pin);
    else aside.push(keep(index, result.reason, entry));
  });
  // v1 could hold the same fact from the same page twice; v2 ids make them one pin, which keeps
  // the earliest time.
  const oldestFirst = [...pins].sort((a, b) => a.pinnedAt - b.pinnedAt);
  return [...mergeAll([], oldestFirst).pins, ...aside];
}

/**
 * v2 → v3: every pin gains `quote` (the sentence where the reader met the entity), empty for the
 * pins stored before quotes were kept. Entries kept aside by an earlier migration pass through; a
 * v2 entry that is not a valid pin is kept aside with its index and reason, as v1 → v2 does.
 */
export function migrateToV3(stored: unknown): MigratedEntry[] {
  if (stored === null || stored === undefined) return [];
  const keep = (index: number, reason: string, entry: unknown): KeptAside => ({
    keptAside: { fromVersion: 2, index, reason, entry },
  });
  if (!Array.isArray(stored)) {
    return [keep(-1, `they were not a list (found ${describeValue(stored)})`, stored)];
  }
  return stored.map((entry, index) => {
    if (isKeptAside(entry)) return entry;
    const withQuote =
      entry !== null && typeof entry === 'object' && !Array.isArray(entry) && !('quote' in entry)
        ? { ...entry, quote: '' }
        : entry;
    const parsed = parsePin(withQuote);
    return parsed.ok ? parsed.pin : keep(index, parsed.reason, entry);
  });
}

/** Numbered as @wxt-dev/storage expects: the key is the version the function migrates to. */
export const PIN_MIGRATIONS: Record<number, (stored: unknown) => unknown> = {
  2: migrateToV2,
  3: migrateToV3,
};

/** Runs every migration from `fromVersion` up to PINS_VERSION, in memory. */
export function migrateStored(stored: unknown, fromVersion: number): unknown {
  let value = stored;
  for (let version = Math.max(fromVersion, 1) + 1; version <= PINS_VERSION; version++) {
    value = PIN_MIGRATIONS[version]?.(value) ?? value;
  }
  return value;
}
