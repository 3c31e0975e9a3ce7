// The content script: reads the settings and the mention gate, turns Factlens on and off for the
// page and answers the background and the side panel. It stays small: the page's text goes
// through the gate alone (gate-watch.ts) until some text passes it; only then are the marker's
// file (the page session: marking, furniture rules, hover, the card's stand-in) and, once the
// marker needs it, the detector loaded. The fact index lives in the background; cards are fetched
// on demand.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { Engine } from '@/lib/detect/engine';
import type { PrecompiledDetector } from '@/lib/detect/precompiled';
import { type ContentRequest, type PageInfo, parseContentRequest } from '@/lib/messages/content';
import { KNOWLEDGE_STORAGE_KEY, PINS_STORAGE_KEY } from '@/lib/pins/keys';
import { isActiveOn, siteHostOf } from '@/lib/settings/site-rules';
import { DETECTOR_CACHE_KEY, DETECTOR_GATE_KEY } from '@/utils/detector-cache';
import { askBackground } from '@/utils/messaging';
import { getSettingsWith, watchSettings } from '@/utils/settings';
import {
  gateOf,
  type LoadedDetector,
  type LoadedGate,
  loadBundledDetector,
  loadDetector,
  loadGate,
  parseStoredDetector,
} from './detector-loader';
import { createFurnitureCheck } from './furniture-check';
import { type GateWatch, type WatchHandoff, watchThroughGate } from './gate-watch';
import { createMarkerLoader, type MarkerModule } from './marker-loader';
import type { Mark } from './page-marker';
import type { PageSession } from './page-session';
import { nextTask } from './slice-clock';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // Each frame, same-origin or not, runs its own copy: it scans its own document and shows its
  // own card; the background adds the frames' counts up per tab.
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  // WXT also tells older copies of this script that a new one started by a window message, which
  // every message listener of the page would receive (and could read as a sign of Factlens): the
  // document event it sends as well is enough.
  noScriptStartedPostMessage: true,
  main(ctx) {
    // A reloaded or removed extension leaves this copy orphaned: it then stays quiet.
    start(ctx).catch(() => {});
  },
});

const COUNTS_THROTTLE_MS = 800;
const FLASH_MS = 1600;

/** The precompiled detector until the first scan needs it, the engine from then on. */
interface DetectorSource {
  data: PrecompiledDetector | null;
  engine: Engine | null;
  /** The digest of the reader's entries in it; null when the background sent it. */
  user: string | null;
}

async function start(ctx: ContentScriptContext) {
  if (!document.documentElement || !(globalThis.CSS && 'highlights' in CSS)) return;
  // On first activation (a page on a site switched off reads neither) the mention gate is read;
  // the detector only once some text passes it, or at once when there is no gate. It is turned
  // into the engine in a marker slice, then kept as the engine alone.
  let loading: Promise<void> | null = null;
  let gate: LoadedGate | null = null;
  let detector: DetectorSource | null = null;
  let detectorLoading: Promise<DetectorSource | null> | null = null;
  /** Counts changes of the stored engine, so a read that began before one is dropped. */
  let generation = 0;
  const loadMarker = createMarkerLoader();
  let marking: MarkerModule | null = null;
  const engineOf = (d: DetectorSource): Engine => {
    if (!d.engine) {
      const started = performance.now();
      try {
        d.engine = marking!.engineFromPrecompiled(d.data!);
        d.data = null;
      } finally {
        performance.measure('factlens:detector-load', { start: started });
      }
    }
    return d.engine;
  };
  let types = new Map<string, string>();
  let unmarked = new Set<string>();
  let fellBack = false;
  const useDetector = (loaded: LoadedDetector | null) => {
    if (!loaded) return;
    const { data, user } = loaded;
    detector = { data, engine: null, user };
    types = new Map(data.entities.map(([id, type]) => [id, type]));
    unmarked = new Set(data.unmarked ?? []);
  };
  const fetchDetector = (): Promise<DetectorSource | null> => {
    if (detector) return Promise.resolve(detector);
    const asked = generation;
    detectorLoading ??= loadDetector().then((loaded) => {
      // The entries changed while it loaded: that copy is stale, the next call reads the new one.
      if (asked !== generation) return null;
      detectorLoading = null;
      useDetector(loaded);
      return detector;
    });
    return detectorLoading;
  };
  const host = () => siteHostOf(location.href) ?? siteHostOf(document.referrer);
  /** Factlens is on for the page: watching it through the gate, loading the marker, or marking. */
  let running = false;
  /** Counts activations, so a marker load that ends after a deactivation is dropped. */
  let epoch = 0;
  let watching: GateWatch | null = null;
  let active: PageSession | null = null;
  /** The gate changed before the first activation: the copy read with the settings may be stale. */
  let gateChanged = false;

  // Listening before the first read, so no change between that read and this page's first
  // activation goes unseen.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    // A pin or a note changed in the side panel or another tab: cards show it at once.
    if (PINS_STORAGE_KEY in changes || KNOWLEDGE_STORAGE_KEY in changes) active?.card.invalidate();
    // The reader's entries changed: the background compiled a new engine and its gate; this
    // page switches to them now, without a reload (a page that never activated reads them when
    // it does). With a gate, the detector is read again only if some text passes it.
    const nextDetector = changes[DETECTOR_CACHE_KEY];
    const nextGate = changes[DETECTOR_GATE_KEY];
    if (!(nextDetector || nextGate)) return;
    if (!loading) {
      // Not activated yet: the gate read with the settings may be older than this change.
      if (nextGate) gateChanged = true;
      return;
    }
    // Removed (the background could not store a new one): the page asks the background instead.
    const removed = !!nextDetector && nextDetector.newValue === undefined;
    const loaded = nextDetector ? parseStoredDetector(nextDetector.newValue) : null;
    if (nextDetector && !loaded && !removed) return;
    if (nextGate) gate = gateOf(nextGate.newValue);
    generation++;
    detector = null;
    detectorLoading = null;
    if (loaded && !gate) useDetector(loaded);
    fellBack = false;
    if (running) {
      deactivate();
      if (isActiveOn(settings, host())) activate();
    }
  });
  // Only this host's site rules are read: a reader may have switched off thousands of sites. The
  // mention gate comes in the same read of storage.local; it is used only if Factlens is on here.
  const first = await getSettingsWith({ host: host() }, [DETECTOR_GATE_KEY]);
  let settings = first.settings;
  // Kept for the first activation, which may come later (the site switched on meanwhile).
  let storedGate: unknown = first.local[DETECTOR_GATE_KEY];
  let countsTimer = 0;
  // What the background assumes of a page it has not heard from (on, nothing counted): a page
  // that stays so never wakes it.
  let lastSent = JSON.stringify([true, {}]);
  let cursor = -1;

  const countsNow = () => Object.fromEntries(active?.marker.counts() ?? []);

  const sendCounts = () => {
    if (countsTimer) return;
    countsTimer = window.setTimeout(() => {
      countsTimer = 0;
      const counts = countsNow();
      const enabled = running;
      const key = JSON.stringify([enabled, counts]);
      if (key === lastSent) return;
      lastSent = key;
      void askBackground({ type: 'page-counts', enabled, counts });
    }, COUNTS_THROTTLE_MS);
  };

  /** The page starts over without the gate (it was not made for this detector's entries). */
  const restartUngated = () => {
    gate = null;
    if (!running) return;
    deactivate();
    if (isActiveOn(settings, host())) activate();
  };

  const activate = () => {
    running = true;
    const mine = ++epoch;
    // Switched back on: the badge drops its "off", even where there is nothing to mark.
    sendCounts();
    // A gate made for other entries than the detector in hand could hide their mentions.
    const pageGate = gate && (!detector || detector.user === gate.user) ? gate : null;
    const mark = (handoff: WatchHandoff | null) => {
      if (marking) startMarking(marking, pageGate, handoff);
      else
        void loadMarker().then((mod) => {
          marking ??= mod;
          // Without the marker's file the page stays unmarked (the next activation tries again).
          if (mod && running && mine === epoch) startMarking(mod, pageGate, handoff);
          else if (mine === epoch) stopWatching();
        });
    };
    if (pageGate && !marking) {
      watching = watchThroughGate({
        doc: document,
        gate: pageGate.gate,
        onWake: mark,
        createFurnitureCheck: () => createFurnitureCheck(document),
      });
    } else mark(null);
  };

  /** The gate watch stops (or lets go of the handoff the marker did not take). */
  const stopWatching = () => {
    watching?.stop();
    watching = null;
  };

  const startMarking = (mod: MarkerModule, pageGate: LoadedGate | null, handoff: WatchHandoff | null) => {
    active = mod.activatePage({
      doc: document,
      gate: pageGate?.gate ?? null,
      handoff,
      engine: () => {
        if (detector) return engineOf(detector);
        return fetchDetector().then(async (d) => {
          if (!d) throw new Error('no detector to load');
          if (pageGate && d.user !== pageGate.user) setTimeout(restartUngated);
          // Parsed in the task before this one: building the engine gets a task of its own.
          await nextTask();
          return engineOf(d);
        });
      },
      entityType: (id) => types.get(id),
      unmarked: (id) => unmarked.has(id),
      settings: () => settings,
      onCountsChanged: sendCounts,
      onEngineFailed: () => {
        // The copy in storage would not load or build: ask the background for its own, once.
        deactivate();
        if (fellBack) return;
        fellBack = true;
        detector = null;
        gate = null;
        loading = loadBundledDetector().then(useDetector);
        void loading.then(() => {
          if (detector && !running && isActiveOn(settings, host())) activate();
        });
      },
    });
    // The marker took the walk over in activatePage.
    watching = null;
  };

  const deactivate = () => {
    if (!running) return;
    running = false;
    epoch++;
    stopWatching();
    active?.destroy();
    active = null;
    sendCounts();
  };

  const apply = () => {
    const on = isActiveOn(settings, host());
    if (!on && !running) sendCounts();
    if (on && !running) {
      if (!loading) {
        // The gate read with the settings, or (none then, or changed since) read now.
        const gateRead =
          gateChanged || storedGate === undefined ? loadGate() : Promise.resolve(gateOf(storedGate));
        storedGate = undefined;
        loading = gateRead.then(async (loaded) => {
          gate = loaded;
          if (!gate) await fetchDetector();
        });
      }
      void loading.then(() => {
        // Settings may have changed while it loaded; without a detector the page stays unmarked.
        if ((gate || detector) && !running && isActiveOn(settings, host())) activate();
      });
    } else if (!on && running) deactivate();
    else if (on && running) {
      active?.applySettings();
      sendCounts();
    }
  };

  /**
   * Moves to the next painted mark (or of one entity), scrolls it into view and flashes it.
   * Without `wrap`, past the last mark it answers null and starts from the first next time.
   */
  const step = (entity?: string, wrap = true): Mark | null => {
    if (!active) return null;
    const marks = active.marker.orderedMarks().filter((m) => !entity || m.mention.entity === entity);
    if (marks.length === 0) return null;
    if (!wrap && cursor + 1 >= marks.length) {
      // The next mention is in another frame: this one lets go of its own.
      cursor = -1;
      active.card.hide();
      active.marker.setActive(null);
      return null;
    }
    cursor = (cursor + 1) % marks.length;
    const mark = marks[cursor]!;
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    mark.node.parentElement?.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
    active.marker.setActive(mark, entity ? FLASH_MS : 0);
    return mark;
  };

  watchSettings(
    (s) => {
      settings = s;
      apply();
    },
    { host: host() },
  );

  const answer = (request: ContentRequest): unknown => {
    switch (request.type) {
      case 'page-info':
        return {
          url: location.href,
          title: document.title,
          host: host(),
          enabled: running,
          counts: countsNow(),
        } satisfies PageInfo;
      case 'reveal':
        return step(request.entity, request.wrap !== false) !== null;
      case 'next-mention': {
        const mark = step(undefined, request.wrap !== false);
        if (mark && active) active.showCard(mark, true);
        return mark !== null;
      }
    }
  };

  // The content script runs on the browser's own API (see wxt.config.ts): Chrome's onMessage
  // listeners can't return a promise, so the answer goes through sendResponse.
  browser.runtime.onMessage.addListener(
    (message: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
      const request = parseContentRequest(message);
      if (!request) return false;
      sendResponse(answer(request));
      return false;
    },
  );

  ctx.onInvalidated(deactivate);
  apply();
}
