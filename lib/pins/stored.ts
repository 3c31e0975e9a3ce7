// How a snapshot of storage (the pins, their version metadata, the quarantine) is read: which pins
// are valid, which entries must be set aside and why, and whether this version may write at all.
// Pure, so the rules are tested without a browser; utils/pin-store.ts does the reading and writing.
import { mergeAll } from './merge';
import { isKeptAside, migrateStored, PINS_VERSION } from './migrations';
import { byNewest, describeValue, type Pin, parsePin } from './schema';

/** An entry moved out of the pins, kept with the reason until a person decides what to do. */
export interface QuarantineRecord {
  quarantinedAt: number;
  /** The stored version the entry was found in. */
  fromVersion: number;
  /** Its index in the stored list (-1: the whole stored value). */
  index: number;
  reason: string;
  entry: unknown;
}

export type PendingRecord = Omit<QuarantineRecord, 'quarantinedAt'>;

export interface StoredSnapshot {
  pins: unknown;
  meta: unknown;
  quarantine: unknown;
}

export interface InterpretedStore {
  /** Valid pins, newest first. */
  pins: Pin[];
  /** Entries to move to the quarantine on the next write. */
  pending: PendingRecord[];
  /** The quarantine as it should be kept (already-stored records, never dropped). */
  quarantine: unknown[];
  /** One human message per entry set aside (stored or pending) or left unread. */
  problems: string[];
  readOnly: boolean;
  readOnlyReason?: string;
  /** The stored data differs from what the writer would store (old version, duplicates, pending). */
  needsWrite: boolean;
  /** The version metadata to write back: whatever was there, with the current version. */
  meta: Record<string, unknown>;
}

function metaObject(meta: unknown): Record<string, unknown> {
  return meta !== null && typeof meta === 'object' && !Array.isArray(meta) ? { ...meta } : {};
}

export function problemText(record: Omit<PendingRecord, 'entry'>): string {
  if (record.index < 0) return `The stored pins were set aside as a whole: ${record.reason}.`;
  const where =
    record.fromVersion < PINS_VERSION
      ? `Pin at index ${record.index} of the version ${record.fromVersion} store`
      : `Stored pin at index ${record.index}`;
  return `${where} was set aside: ${record.reason}.`;
}

function quarantineProblems(quarantine: unknown[]): string[] {
  return quarantine.map((record) => {
    const r = record as Partial<QuarantineRecord> | null;
    if (r && typeof r === 'object' && typeof r.reason === 'string') {
      return problemText({
        fromVersion: typeof r.fromVersion === 'number' ? r.fromVersion : PINS_VERSION,
        index: typeof r.index === 'number' ? r.index : -1,
        reason: r.reason,
      });
    }
    return 'An entry in the quarantine has no recorded reason.';
  });
}

function readQuarantine(value: unknown): unknown[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value;
  // Even a damaged quarantine is kept, wrapped as one record.
  const record: QuarantineRecord = {
    quarantinedAt: 0,
    fromVersion: PINS_VERSION,
    index: -1,
    reason: `the quarantine itself was not a list (found ${describeValue(value)})`,
    entry: value,
  };
  return [record];
}

export function interpretStored(snapshot: StoredSnapshot): InterpretedStore {
  const meta = metaObject(snapshot.meta);
  const quarantine = readQuarantine(snapshot.quarantine);
  const quarantineChanged = quarantine !== snapshot.quarantine && quarantine.length > 0;
  const base = { quarantine, meta: { ...meta, v: PINS_VERSION } };

  if (snapshot.pins === null || snapshot.pins === undefined) {
    return {
      ...base,
      pins: [],
      pending: [],
      problems: quarantineProblems(quarantine),
      readOnly: false,
      needsWrite: quarantineChanged,
    };
  }

  // @wxt-dev/storage reads a value without version metadata as version 1.
  const version = meta.v ?? 1;
  if (typeof version !== 'number' || !Number.isFinite(version) || version > PINS_VERSION) {
    return readOnlyView(snapshot.pins, version, quarantine, meta);
  }

  const fromVersion = Math.max(1, Math.floor(version));
  const entries = fromVersion < PINS_VERSION ? migrateStored(snapshot.pins, fromVersion) : snapshot.pins;
  const pending: PendingRecord[] = [];
  const valid: Pin[] = [];
  if (!Array.isArray(entries)) {
    pending.push({
      fromVersion,
      index: -1,
      reason: `they were not a list (found ${describeValue(entries)})`,
      entry: entries,
    });
  } else {
    entries.forEach((entry, index) => {
      if (isKeptAside(entry)) {
        const k = entry.keptAside;
        pending.push({
          fromVersion: typeof k.fromVersion === 'number' ? k.fromVersion : fromVersion,
          index: typeof k.index === 'number' ? k.index : index,
          reason: k.reason,
          entry: k.entry,
        });
        return;
      }
      const parsed = parsePin(entry);
      if (parsed.ok) valid.push(parsed.pin);
      else pending.push({ fromVersion, index, reason: parsed.reason, entry });
    });
  }
  const unique = mergeAll([], valid).pins;
  return {
    ...base,
    pins: unique.sort(byNewest),
    pending,
    problems: [...quarantineProblems(quarantine), ...pending.map(problemText)],
    readOnly: false,
    needsWrite:
      quarantineChanged ||
      fromVersion < PINS_VERSION ||
      meta.v !== PINS_VERSION ||
      pending.length > 0 ||
      unique.length !== valid.length,
  };
}

/** A store from a newer (or unknown) version: shown as far as it can be read, never changed. */
function readOnlyView(
  stored: unknown,
  version: unknown,
  quarantine: unknown[],
  meta: Record<string, unknown>,
): InterpretedStore {
  const label =
    typeof version === 'number'
      ? `version ${version}`
      : `an unrecognised version (${JSON.stringify(version)})`;
  const readOnlyReason = `Your pins were saved by a newer version of Factlens (store ${label}; this version reads version ${PINS_VERSION}). They are kept unchanged and shown read-only: update Factlens to edit them.`;
  const pins: Pin[] = [];
  const problems = quarantineProblems(quarantine);
  if (Array.isArray(stored)) {
    stored.forEach((entry, index) => {
      const parsed = parsePin(entry);
      if (parsed.ok) pins.push(parsed.pin);
      else
        problems.push(
          `Stored pin at index ${index} cannot be shown by this version (${parsed.reason}); it is left unchanged.`,
        );
    });
  } else {
    problems.push(
      `The stored pins cannot be shown by this version (found ${describeValue(stored)}); they are left unchanged.`,
    );
  }
  return {
    pins: mergeAll([], pins).pins.sort(byNewest),
    pending: [],
    quarantine,
    problems,
    readOnly: true,
    readOnlyReason,
    needsWrite: false,
    meta,
  };
}
