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
  readCacheRecord,
  storedUser,
} from '@/utils/detector-cache';
import { askBackground } from '@/utils/messaging';
import { nextTask } from './slice-clock';

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

/** A stored detector record (read, or just changed) of this build, parsed; else null (none, older, damaged). */
export function parseStoredDetector(stored: unknown): LoadedDetector | null {
  const data = parse(currentJson(stored, detectorBuild.id));
  return data ? { data, user: storedUser(stored, detectorBuild.id) ?? '' } : null;
}

/** A gate record of this build made into a gate, or null (none, older, damaged). */
export function gateOf(stored: unknown): LoadedGate | null {
  const json = currentJson(stored, detectorBuild.id);
  if (json === null) return null;
  try {
    return {
      gate: gateFromPacked(JSON.parse(json) as PackedGate),
      user: storedUser(stored, detectorBuild.id) ?? '',
    };
  } catch {
    return null;
  }
}

/** The background's own copy, bundled with it: the fallback when the stored one is unusable. */
export async function loadBundledDetector(): Promise<LoadedDetector | null> {
  const data = parse(await askBackground({ type: 'detector' }));
  return data ? { data, user: null } : null;
}

/**
 * The precompiled detector, or null when neither storage nor the background has it. Read and
 * parsed in two tasks: with the reader's entries it is several hundred kilobytes, and the
 * storage reply, its parse and the engine's build (a third task) would together make a long one.
 */
export async function loadDetector(
  read: () => Promise<unknown> = () => readCacheRecord(DETECTOR_CACHE_KEY),
): Promise<LoadedDetector | null> {
  const record = await read();
  await nextTask();
  return parseStoredDetector(record) ?? (await loadBundledDetector());
}

/** The stored mention gate, or null: the page then loads the whole detector at once. */
export async function loadGate(): Promise<LoadedGate | null> {
  return gateOf(await readCacheRecord(DETECTOR_GATE_KEY));
}
