// Reading a pins file back: Factlens JSON exports (current, v2 or v1), or a bare list of pins.
// A file that is not such an export gets one clear message; in a file that is, each bad entry is
// rejected with its index and reason while the good ones are kept. A pin's quote is read when
// the entry has one (bounded like any other); the notes a desk export carries beside the pins are
// not pins, so `parseImport` leaves them to `exportedNotes` and the knowledge store.
import { PINS_VERSION, pinFromV1 } from './migrations';
import { describeValue, type Pin, parsePin } from './schema';

export const EXPORT_FORMAT = 'factlens-pins';
export const MAX_IMPORT_CHARS = 5_000_000;
export const MAX_IMPORT_PINS = 10_000;

export interface Rejected {
  index: number;
  reason: string;
}

export type ParsedImport = { ok: false; message: string } | { ok: true; pins: Pin[]; rejected: Rejected[] };

type EntryVersion = 1 | 2 | 'detect';

export function parseImport(text: string, knownFactIds: ReadonlySet<string>): ParsedImport {
  const fail = (message: string): ParsedImport => ({ ok: false, message });
  if (typeof text !== 'string') return fail('Nothing to import: the file could not be read as text.');
  if (text.length > MAX_IMPORT_CHARS) {
    const mb = (text.length / 1_000_000).toFixed(1);
    return fail(
      `The file is too large to import (${mb} MB; the limit is ${MAX_IMPORT_CHARS / 1_000_000} MB).`,
    );
  }
  const body = text.replace(/^\uFEFF/, '').trim();
  if (!body) return fail('The file is empty.');

  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (err) {
    const detail = err instanceof Error ? ` (${err.message})` : '';
    return fail(`The file is not JSON, so it is not a Factlens pins export${detail}.`);
  }

  const found = readEnvelope(data);
  if ('message' in found) return fail(found.message);
  if (found.entries.length > MAX_IMPORT_PINS) {
    return fail(
      `The file holds ${found.entries.length} pins; at most ${MAX_IMPORT_PINS} can be imported at once.`,
    );
  }

  const pins: Pin[] = [];
  const rejected: Rejected[] = [];
  found.entries.forEach((entry, index) => {
    const result = parseEntry(entry, found.version);
    if (!result.ok) rejected.push({ index, reason: result.reason });
    else if (!knownFactIds.has(result.pin.factId)) {
      rejected.push({ index, reason: `unknown fact id "${result.pin.factId}"` });
    } else pins.push(result.pin);
  });
  return { ok: true, pins, rejected };
}

function readEnvelope(data: unknown): { entries: unknown[]; version: EntryVersion } | { message: string } {
  if (Array.isArray(data)) return { entries: data, version: 'detect' };
  if (data === null || typeof data !== 'object') {
    return {
      message: `The file is not a Factlens pins export: expected a JSON object with "format": "${EXPORT_FORMAT}", found ${describeValue(data)}.`,
    };
  }
  const envelope = data as Record<string, unknown>;
  if (envelope.format !== EXPORT_FORMAT) {
    const what =
      envelope.format === undefined
        ? 'it has no "format" field'
        : `its "format" is ${JSON.stringify(envelope.format)?.slice(0, 60) ?? describeValue(envelope.format)}`;
    return { message: `The file is not a Factlens pins export: ${what} (expected "${EXPORT_FORMAT}").` };
  }
  const version = envelope.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { message: 'The file is a Factlens pins export without a valid "version".' };
  }
  if (version > PINS_VERSION) {
    return {
      message: `The file was exported by a newer version of Factlens (format version ${version}); update Factlens to import it.`,
    };
  }
  if (!Array.isArray(envelope.pins))
    return { message: 'The file is a Factlens pins export without a list of "pins".' };
  return { entries: envelope.pins, version: version === 1 ? 1 : 2 };
}

/**
 * The notes of a Factlens export (version 3 on), as written: the knowledge store validates each.
 * Anything else (an older export, a bare list, a file that is not an export) has none.
 */
export function exportedNotes(text: string): unknown[] {
  if (typeof text !== 'string' || text.length > MAX_IMPORT_CHARS) return [];
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, '').trim());
  } catch {
    return [];
  }
  const found = readEnvelope(data);
  if ('message' in found || Array.isArray(data)) return [];
  const notes = (data as { notes?: unknown }).notes;
  return Array.isArray(notes) ? notes : [];
}

function parseEntry(entry: unknown, version: EntryVersion) {
  const v1 = version === 1 || (version === 'detect' && isV1Shaped(entry));
  return v1 ? pinFromV1(entry) : parsePin(entry);
}

function isV1Shaped(entry: unknown): boolean {
  return entry !== null && typeof entry === 'object' && 'fact' in entry && !('factId' in entry);
}
