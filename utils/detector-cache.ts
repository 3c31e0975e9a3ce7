// The precompiled detector travels from the background to content scripts through storage.local:
// the background writes it once per install or update, and again whenever the reader's own
// entries change (open tabs follow the key), and every page reads it there without waking the
// background. The build id tells a copy of this build from an older one.
import { browser } from 'wxt/browser';

export const DETECTOR_CACHE_KEY = 'detector';
/** The mention gate of the same engine (lib/detect/gate.ts), same record shape, read first. */
export const DETECTOR_GATE_KEY = 'detector-gate';

export interface DetectorCache {
  build: string;
  /** The precompiled detector as JSON text (generated/detector.json, or it with the reader's entries). */
  json: string;
  /** Digest of the reader's entries compiled into it (lib/knowledge/engine.ts); absent: none. */
  user?: string;
}

/** The digest of the reader's entries in a stored copy of this build ('' for none), or null. */
export function storedUser(stored: unknown, build: string): string | null {
  if (currentJson(stored, build) === null) return null;
  const { user } = stored as DetectorCache;
  return typeof user === 'string' ? user : '';
}

/** The stored engine and gate records, as they are (see storedUser and currentJson). */
export async function readDetectorCacheRecords(): Promise<{ detector: unknown; gate: unknown }> {
  const got = await browser.storage.local.get([DETECTOR_CACHE_KEY, DETECTOR_GATE_KEY]);
  return { detector: got[DETECTOR_CACHE_KEY], gate: got[DETECTOR_GATE_KEY] };
}

/** The JSON text of a stored copy made by this build, or null (none, older, malformed). */
export function currentJson(stored: unknown, build: string): string | null {
  if (stored === null || typeof stored !== 'object') return null;
  const { build: b, json } = stored as Partial<DetectorCache>;
  return b === build && typeof json === 'string' ? json : null;
}

/** Writes the engine and its gate in one call: a page never sees one without the other. */
export async function writeDetectorCache(cache: DetectorCache, gateJson: string): Promise<void> {
  const gate: DetectorCache = { ...cache, json: gateJson };
  await browser.storage.local.set({ [DETECTOR_CACHE_KEY]: cache, [DETECTOR_GATE_KEY]: gate });
}

/**
 * Removes both copies: after a failed write (storage full) a stale pair would keep pages on
 * entries the reader has since changed; without one, pages ask the background for its own.
 */
export async function removeDetectorCache(): Promise<void> {
  await browser.storage.local.remove([DETECTOR_CACHE_KEY, DETECTOR_GATE_KEY]);
}

/** The record stored under `key`, as it is (see currentJson and storedUser), or null if unreadable. */
export async function readCacheRecord(key: string): Promise<unknown> {
  try {
    return (await browser.storage.local.get(key))[key];
  } catch {
    return null;
  }
}
