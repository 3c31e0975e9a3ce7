// The content script: wires the detector, the page marker, hover detection and the card to the
// browser. It stays small: the fact index lives in the background and cards are fetched on demand.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { uiLanguage } from '@/components/i18n';
import { themeAttribute } from '@/components/theme';
import type { Engine } from '@/lib/detect/engine';
import { engineFromPrecompiled, type PrecompiledDetector } from '@/lib/detect/precompiled';
import { scannerFor } from '@/lib/detect/scanner';
import { createFurnitureRules, entitySites, pageHostOf } from '@/lib/dom/furniture';
import type { Lang } from '@/lib/kb/format';
import { type ContentRequest, type PageInfo, parseContentRequest } from '@/lib/messages/content';
import { parseSettings, SETTINGS_KEY, type Settings } from '@/lib/settings/schema';
import { isActiveOn, siteHostOf } from '@/lib/settings/site-rules';
import { askBackground } from '@/utils/messaging';
import { type CardUi, createCardUi } from './card-ui';
import { loadDetector } from './detector-loader';
import { highlightCss } from './highlight-style';
import { markAt, markRects } from './hit-test';
import { createHoverController, type HoverController } from './hover';
import { EMPTY_SCANNER, type Mark, PageMarker } from './page-marker';
import { createUiHost, type UiHost } from './ui-host';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // Each frame, same-origin or not, runs its own copy: it scans its own document and shows its
  // own card; the background adds the frames' counts up per tab.
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    // A reloaded or removed extension leaves this copy orphaned: it then stays quiet.
    start(ctx).catch(() => {});
  },
});

const COUNTS_THROTTLE_MS = 800;
const FLASH_MS = 1600;

interface Active {
  marker: PageMarker;
  ui: UiHost;
  card: CardUi;
  hover: HoverController;
}

/** The precompiled detector until the first scan needs it, the engine from then on. */
interface DetectorSource {
  data: PrecompiledDetector | null;
  engine: Engine | null;
}

async function start(ctx: ContentScriptContext) {
  if (!document.documentElement || !(globalThis.CSS && 'highlights' in CSS)) return;
  // Loaded on first activation (a page on a site switched off never reads it), turned into the
  // engine in the marker's first idle slice, then kept as the engine alone.
  let loading: Promise<void> | null = null;
  let detector: DetectorSource | null = null;
  const engineOf = (d: DetectorSource): Engine => {
    if (!d.engine) {
      d.engine = engineFromPrecompiled(d.data!);
      d.data = null;
    }
    return d.engine;
  };
  let types = new Map<string, string>();
  let settings = parseSettings((await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY]);
  let active: Active | null = null;
  let lang: Lang | null = null;
  let countsTimer = 0;
  let lastSent = '';
  let cursor = -1;

  const factLanguage = (): Lang =>
    lang ?? (settings.factLanguage === 'auto' ? uiLanguage() : settings.factLanguage);

  const host = () => siteHostOf(location.href) ?? siteHostOf(document.referrer);
  const countsNow = () => Object.fromEntries(active?.marker.counts() ?? []);

  const sendCounts = () => {
    if (countsTimer) return;
    countsTimer = window.setTimeout(() => {
      countsTimer = 0;
      const counts = countsNow();
      const enabled = active !== null;
      const key = JSON.stringify([enabled, counts]);
      if (key === lastSent) return;
      lastSent = key;
      void askBackground({ type: 'page-counts', enabled, counts });
    }, COUNTS_THROTTLE_MS);
  };

  const markerOptions = (s: Settings) => ({
    firstMentionOnly: s.firstMentionOnly,
    hiddenTypes: new Set<string>(s.hiddenTypes),
  });

  const anchorFor = (mark: Mark) => ({
    rects: () => markRects(document, mark),
    context: mark.node.parentElement,
  });

  const activate = (source: DetectorSource) => {
    const ui = createUiHost(document);
    ui.setHighlightCss(highlightCss(settings.markStyle));
    const marker = new PageMarker({
      doc: document,
      createScanner: () => {
        const started = performance.now();
        let scanner = EMPTY_SCANNER;
        try {
          scanner = scannerFor<Text>(engineOf(source));
        } catch (error) {
          // Only a damaged stored copy gets here; the page stays as it is, unmarked.
          console.warn('Factlens: the stored detector is damaged; nothing is marked on this page.', error);
        }
        performance.measure('factlens:detector-load', { start: started });
        return scanner;
      },
      entityType: (id) => types.get(id),
      onCountsChanged: sendCounts,
      onMutationBatch: () => ui.ensureAttached(),
      // With marks on the page, get the card ready while the page is idle: the first hover
      // then costs one render, not a style sheet parse.
      onFirstPass: (marks) => {
        if (marks > 0) requestIdleCallback(() => card.prepare(), { timeout: 2000 });
      },
      highlightCss: () => highlightCss(settings.markStyle),
      createFilter: () => {
        const rules = createFurnitureRules(
          entitySites(engineOf(source)),
          pageHostOf(document, location.href),
        );
        return (node, mentions) => rules.keep(node, mentions);
      },
    });
    let hover: HoverController | null = null;
    const card = createCardUi({
      shadow: ui.shadow,
      host: ui.host,
      language: factLanguage,
      setLanguage: (l) => {
        lang = l;
      },
      onPointerOver: (over) => hover?.setOverCard(over),
      onHidden: () => marker.setActive(null),
    });
    card.setTheme(themeAttribute(settings.theme));
    hover = createHoverController<{ key: Mark; mark: Mark }>(window, {
      hitTest: (x, y) => {
        const mark = markAt(marker, document, x, y);
        return mark ? { key: mark, mark } : null;
      },
      isOwnUi: (e) => e.target === ui.host,
      onPending: ({ mark }) => card.prefetch(mark.mention.entity),
      onShow: ({ mark }) => {
        performance.mark('factlens:card-requested');
        ui.ensureAttached();
        marker.setActive(mark);
        card.setKey(mark);
        void card.show(mark.mention.entity, anchorFor(mark));
      },
      onHide: () => card.hide(),
      isShown: () => card.isShown(),
      shownKey: () => card.shownKey(),
    });
    marker.start(markerOptions(settings));
    active = { marker, ui, card, hover };
  };

  const deactivate = () => {
    if (!active) return;
    active.hover.destroy();
    active.card.hide();
    active.marker.stop();
    active.ui.destroy();
    active = null;
    sendCounts();
  };

  const apply = () => {
    const on = isActiveOn(settings, host());
    if (!on && !active) sendCounts();
    if (on && !active) {
      loading ??= loadDetector().then((data) => {
        if (!data) return;
        detector = { data, engine: null };
        types = new Map(data.entities.map(([id, type]) => [id, type]));
      });
      void loading.then(() => {
        // Settings may have changed while it loaded; without a detector the page stays unmarked.
        if (detector && !active && isActiveOn(settings, host())) activate(detector);
      });
    } else if (!on && active) deactivate();
    else if (on && active) {
      active.ui.setHighlightCss(highlightCss(settings.markStyle));
      active.marker.setOptions(markerOptions(settings));
      active.marker.refreshShadowCss();
      active.card.setTheme(themeAttribute(settings.theme));
      active.card.refresh();
      sendCounts();
    }
  };

  /** Moves to the next painted mark (or of one entity), scrolls it into view and flashes it. */
  const step = (entity?: string): Mark | null => {
    if (!active) return null;
    const marks = active.marker.orderedMarks().filter((m) => !entity || m.mention.entity === entity);
    if (marks.length === 0) return null;
    cursor = (cursor + 1) % marks.length;
    const mark = marks[cursor]!;
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    mark.node.parentElement?.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
    active.marker.setActive(mark, entity ? FLASH_MS : 0);
    return mark;
  };

  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'sync' || !(SETTINGS_KEY in changes)) return;
    settings = parseSettings(changes[SETTINGS_KEY]?.newValue);
    lang = null;
    apply();
  });

  const answer = (request: ContentRequest): unknown => {
    switch (request.type) {
      case 'page-info':
        return {
          url: location.href,
          title: document.title,
          host: host(),
          enabled: active !== null,
          counts: countsNow(),
        } satisfies PageInfo;
      case 'reveal':
        return step(request.entity) !== null;
      case 'next-mention': {
        const mark = step();
        if (mark && active) {
          active.card.setKey(mark);
          void active.card.show(mark.mention.entity, anchorFor(mark), { focus: true });
        }
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
