// The marker's file (marker.js), imported once the page may have a mention (see gate-watch.ts), or
// at once when there is no gate. One import per page; a failed one (the extension was updated or
// removed meanwhile) is tried again on the next activation.
import type { engineFromPrecompiled } from '@/lib/detect/precompiled';
import { importOwnModule } from './own-module';
import type { activatePage } from './page-session';

export interface MarkerModule {
  activatePage: typeof activatePage;
  engineFromPrecompiled: typeof engineFromPrecompiled;
}

/** The marker's file, listed in Chrome's web_accessible_resources (wxt.config.ts). */
export const MARKER_MODULE_PATH = '/marker.js';

/** A user-timing measure of the marker's load, for benchmarks and tests. */
export const MARKER_LOAD_MEASURE = 'factlens:marker-load';

/** Loads the marker's module once: by default imported from the extension's own files. */
export function createMarkerLoader(
  load = () => importOwnModule<MarkerModule>(MARKER_MODULE_PATH),
): () => Promise<MarkerModule | null> {
  let loading: Promise<MarkerModule | null> | null = null;
  return () => {
    if (loading) return loading;
    const started = performance.now();
    const attempt = load().then(
      (mod) => {
        performance.measure(MARKER_LOAD_MEASURE, { start: started });
        return mod;
      },
      (error: unknown) => {
        console.warn('Factlens: the marker could not be loaded.', error);
        loading = null;
        return null;
      },
    );
    loading = attempt;
    return attempt;
  };
}
