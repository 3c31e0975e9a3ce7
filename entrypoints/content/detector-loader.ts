// The detector arrives precompiled: from storage.local, where the background writes it at install
// (no background wake-up on page load), or from the background when storage holds no copy of
// this build. Building it here instead would cost tens of milliseconds of cold code per frame.
import detectorBuild from '@/generated/detector-build.json';
import { PRECOMPILED_VERSION, type PrecompiledDetector } from '@/lib/detect/precompiled';
import { currentJson, readDetectorCache } from '@/utils/detector-cache';
import { askBackground } from '@/utils/messaging';

const parse = (json: string | null): PrecompiledDetector | null => {
  if (typeof json !== 'string') return null;
  try {
    const data = JSON.parse(json) as PrecompiledDetector;
    return data?.v === PRECOMPILED_VERSION ? data : null;
  } catch {
    return null;
  }
};

/** A new stored copy (the reader's entries changed), if it is one of this build. */
export function parseStoredDetector(stored: unknown): PrecompiledDetector | null {
  return parse(currentJson(stored, detectorBuild.id));
}

/** The background's own copy, bundled with it: the fallback when the stored one is unusable. */
export async function loadBundledDetector(): Promise<PrecompiledDetector | null> {
  return parse(await askBackground({ type: 'detector' }));
}

/** The precompiled detector, or null when neither storage nor the background has it. */
export async function loadDetector(): Promise<PrecompiledDetector | null> {
  return parse(await readDetectorCache(detectorBuild.id)) ?? (await loadBundledDetector());
}
