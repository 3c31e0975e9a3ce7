// The detector arrives precompiled: from storage.local, where the background writes it at install
// (no background wake-up on page load), or from the background when storage holds no copy of
// this build. Building it here instead would cost tens of milliseconds of cold code per frame.
// Its mention gate comes first and alone: on most pages it is all that is ever read.
import detectorBuild from '@/generated/detector-build.json';
import { gateFromPacked, type MentionGate, type PackedGate } from '@/lib/detect/gate';
import { PRECOMPILED_VERSION, type PrecompiledDetector } from '@/lib/detect/precompiled';
import {
  currentJson,
  DETECTOR_CACHE_KEY,
  DETECTOR_GATE_KEY,
  type DetectorCache,
  readCacheRecord,
} from '@/utils/detector-cache';
import { askBackground } from '@/utils/messaging';

/** A detector, and the digest of the reader's entries in it (null: unknown, from the background). */
export interface LoadedDetector {
  data: PrecompiledDetector;
  user: string | null;
}

export interface LoadedGate {
  gate: MentionGate;
  user: string;
}

const parse = (json: string | null): PrecompiledDetector | null => {
  if (typeof json !== 'string') return null;
  try {
    const data = JSON.parse(json) as PrecompiledDetector;
    return data?.v === PRECOMPILED_VERSION ? data : null;
  } catch {
    return null;
  }
};

const userOf = (record: DetectorCache) => (typeof record.user === 'string' ? record.user : '');

const detectorOf = (record: DetectorCache | null): LoadedDetector | null => {
  const data = record && parse(record.json);
  return data ? { data, user: userOf(record) } : null;
};

/** A gate record of this build made into a gate, or null (none, older, damaged). */
export function gateOf(stored: unknown): LoadedGate | null {
  const json = currentJson(stored, detectorBuild.id);
  if (json === null) return null;
  try {
    return { gate: gateFromPacked(JSON.parse(json) as PackedGate), user: userOf(stored as DetectorCache) };
  } catch {
    return null;
  }
}

/** A new stored copy (the reader's entries changed), if it is one of this build. */
export function parseStoredDetector(stored: unknown): LoadedDetector | null {
  return currentJson(stored, detectorBuild.id) === null ? null : detectorOf(stored as DetectorCache);
}

/** The background's own copy, bundled with it: the fallback when the stored one is unusable. */
export async function loadBundledDetector(): Promise<LoadedDetector | null> {
  const data = parse(await askBackground({ type: 'detector' }));
  return data ? { data, user: null } : null;
}

/** The precompiled detector, or null when neither storage nor the background has it. */
export async function loadDetector(): Promise<LoadedDetector | null> {
  return (
    detectorOf(await readCacheRecord(DETECTOR_CACHE_KEY, detectorBuild.id)) ?? (await loadBundledDetector())
  );
}

/** The stored mention gate, or null: the page then loads the whole detector at once. */
export async function loadGate(): Promise<LoadedGate | null> {
  return gateOf(await readCacheRecord(DETECTOR_GATE_KEY, detectorBuild.id));
}
