// The precompiled detector travels from the background to content scripts through storage.local:
// the background writes it once per install or update, and again whenever the reader's own
// entries change (open tabs follow the key), and every page reads it there without waking the
// background. The build id tells a copy of this build from an older one.
import { browser } from 'wxt/browser';

export const DETECTOR_CACHE_KEY = 'detector';

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

export async function readDetectorCacheRecord(): Promise<unknown> {
  return (await browser.storage.local.get(DETECTOR_CACHE_KEY))[DETECTOR_CACHE_KEY];
}

/** The JSON text of a stored copy made by this build, or null (none, older, malformed). */
export function currentJson(stored: unknown, build: string): string | null {
  if (stored === null || typeof stored !== 'object') return null;
  const { build: b, json } = stored as Partial<DetectorCache>;
  return b === build && typeof json === 'string' ? json : null;
}

export async function writeDetectorCache(cache: DetectorCache): Promise<void> {
  await browser.storage.local.set({ [DETECTOR_CACHE_KEY]: cache });
}

export async function readDetectorCache(build: string): Promise<string | null> {
  try {
    return currentJson((await browser.storage.local.get(DETECTOR_CACHE_KEY))[DETECTOR_CACHE_KEY], build);
  } catch {
    return null;
  }
}
