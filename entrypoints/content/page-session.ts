// One document marked and hoverable: the page marker, our UI host, the card and the pointer
// controller, wired together; the last three only once the page has a mention. The content script
// makes one per page where Factlens is on; the welcome page makes one for its own live sentences.
import { uiLanguage } from '@/components/i18n';
import { themeAttribute } from '@/components/theme';
import type { Engine } from '@/lib/detect/engine';
import type { MentionGate } from '@/lib/detect/gate';
import { scannerFor } from '@/lib/detect/scanner';
import { entitySites } from '@/lib/dom/furniture';
import { quoteOf } from '@/lib/dom/quote';
import type { Lang } from '@/lib/kb/format';
import type { Settings } from '@/lib/settings/schema';
import { askBackground } from '@/utils/messaging';
import { createLazyCard } from './card-loader';
import type { CardUi } from './card-ui';
import { createFurnitureCheck, pageFurnitureRules } from './furniture-check';
import type { WatchHandoff } from './gate-watch';
import { highlightCss } from './highlight-style';
import { markAt, markRects } from './hit-test';
import { createHoverController, type HoverController } from './hover';
import type { ScanKey } from './long-text';
import { type Mark, PageMarker } from './page-marker';
import { createUiHost, type UiHost } from './ui-host';

export interface PageSession {
  marker: PageMarker;
  /** The card; its code, our host element and the pointer listeners come with the first mention. */
  card: CardUi;
  /** Opens a mark's card (the keyboard path), focused. */
  showCard(mark: Mark, focus: boolean): void;
  /** Settings changed: mark style, filters, theme and language follow without a rescan. */
  applySettings(): void;
  destroy(): void;
}

export interface PageSessionDeps {
  doc: Document;
  /**
   * The detection engine, built on first need: in the marker's first idle slice, or (with a gate)
   * once some text passes the gate, when it may first have to be read.
   */
  engine(): Engine | Promise<Engine>;
  /** Says which texts can hold a mention at all; without it the engine is needed at once. */
  gate?: MentionGate | null;
  /** The gate watch that woke this session: the marker goes on with its walk. */
  handoff?: WatchHandoff | null;
  entityType(id: string): string | undefined;
  /** Entities found but never painted (looked up on hover or tap only). */
  unmarked?(id: string): boolean;
  settings(): Settings;
  onCountsChanged(): void;
  /** The engine could not be built from the copy at hand (called once; nothing is marked). */
  onEngineFailed?(): void;
}

/** The web address of the link a text node is in, if it is an http(s) one (never a script URL). */
function linkOf(node: Text): string | null {
  const a = node.parentElement?.closest('a[href]');
  if (!a) return null;
  try {
    const url = new URL(a.getAttribute('href') ?? '', node.ownerDocument.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

const markerOptions = (s: Settings) => ({
  firstMentionOnly: s.firstMentionOnly,
  hiddenTypes: new Set<string>(s.hiddenTypes),
});

export function activatePage(deps: PageSessionDeps): PageSession {
  const { doc } = deps;
  const win = doc.defaultView ?? window;
  let sites: ReturnType<typeof entitySites> | null = null;
  // The reader's language switch in the card, until the settings change.
  let lang: Lang | null = null;
  const language = (): Lang => {
    const s = deps.settings();
    return lang ?? (s.factLanguage === 'auto' ? uiLanguage() : s.factLanguage);
  };
  const markCss = () => highlightCss(deps.settings().markStyle, deps.settings().theme);
  const setTheme = (host: HTMLElement) => {
    const theme = themeAttribute(deps.settings().theme);
    if (theme) host.setAttribute('data-theme', theme);
    else host.removeAttribute('data-theme');
  };

  // Most pages mention nothing we know: they never get our element, its styles (whose document
  // rules would cost the page a style recalculation) or our pointer listeners. All of it is made
  // when the first mention is found (below).
  let ui: UiHost | null = null;
  const ensureUi = (): UiHost => {
    if (!ui) {
      ui = createUiHost(doc);
      ui.setHighlightCss(markCss());
      setTheme(ui.host);
    }
    return ui;
  };
  let hover: HoverController | null = null;
  let live = true;
  const card = createLazyCard({
    ui: ensureUi,
    ask: askBackground,
    language,
    setLanguage: (l) => {
      lang = l;
    },
    onPointerOver: (over) => hover?.setOverCard(over),
    onHidden: () => marker.setActive(null),
  });

  const anchorFor = (mark: Mark) => ({
    rects: () => markRects(doc, mark),
    context: mark.node.parentElement,
  });
  const startHover = () =>
    createHoverController<{ key: Mark; mark: Mark }>(win, {
      hitTest: (x, y) => {
        const mark = markAt(marker, doc, x, y);
        return mark ? { key: mark, mark } : null;
      },
      isOwnUi: (e) => e.target === ui?.host,
      // A rest on a mark fetches its card ahead; not where nothing is painted yet (only entries
      // looked up on hover), since loading the card's code there would tell the page.
      onPending: ({ mark }) => {
        if (ui) card.prefetch(mark.mention.entity);
      },
      onShow: ({ mark }, _x, _y, via) => {
        performance.mark('factlens:card-requested');
        ensureUi().ensureAttached();
        marker.setActive(mark);
        card.setKey(mark);
        // A tap on a linked mark opened the card instead of the link: the card offers it.
        const link = via === 'tap' || via === 'click' ? linkOf(mark.node) : null;
        const quote = quoteOf(mark.node, mark.mention.start, mark.mention.end);
        void card.show(mark.mention.entity, anchorFor(mark), link ? { link, quote } : { quote });
      },
      onHide: () => card.hide(),
      isShown: () => card.isShown(),
      shownKey: () => card.shownKey(),
      trigger: () => ({ mode: deps.settings().cardTrigger, delayMs: deps.settings().restDelayMs }),
    });

  // The engine, once the marker has asked for it (the furniture rules need its entities' sites).
  let engine: Engine | null = null;
  const failed = (error: unknown) => {
    // Only a damaged stored copy gets here: the caller falls back to the bundled one, once.
    console.warn('Factlens: the stored detector could not be built.', error);
    return null;
  };
  const scannerOf = (e: Engine) => {
    engine = e;
    return scannerFor<ScanKey>(e);
  };
  const marker = new PageMarker({
    doc,
    gate: deps.gate ?? null,
    createScanner: () => {
      try {
        const e = deps.engine();
        return 'then' in e ? e.then(scannerOf, failed) : scannerOf(e);
      } catch (error) {
        return failed(error);
      }
    },
    onScannerFailed: () => deps.onEngineFailed?.(),
    entityType: deps.entityType,
    unmarked: (id) => deps.unmarked?.(id) ?? false,
    onCountsChanged: deps.onCountsChanged,
    onMutationBatch: () => ui?.ensureAttached(),
    // The first mention, painted or looked up on hover only, is hoverable: the pointer listeners
    // (which the page can't see) start.
    onFirstMark: () => {
      hover ??= startHover();
    },
    // The first painted mark: our host and its mark styles, and the card's code and styles made
    // ready while the page is idle, so the first hover costs one render, not a load and a style
    // sheet parse. A page whose only mentions are looked up on hover gets them with the first
    // card the reader asks for: before that it can't tell that anything matched.
    onFirstPaint: () => {
      ensureUi();
      requestIdleCallback(() => live && card.prepare(), { timeout: 2000 });
    },
    highlightCss: markCss,
    // Both made afresh after each batch of page changes (the rules remember what they judged).
    // The filter reads the entities' sites once.
    createFurnitureCheck: () => createFurnitureCheck(doc),
    createFilter: () => {
      sites ??= entitySites(engine!);
      const rules = pageFurnitureRules(doc, sites);
      return (node, mentions) => rules.keep(node, mentions);
    },
  });
  marker.start(markerOptions(deps.settings()), deps.handoff);

  return {
    marker,
    card,
    showCard(mark, focus) {
      ensureUi().ensureAttached();
      card.setKey(mark);
      const quote = quoteOf(mark.node, mark.mention.start, mark.mention.end);
      void card.show(mark.mention.entity, anchorFor(mark), { focus, quote });
    },
    applySettings() {
      lang = null;
      marker.setOptions(markerOptions(deps.settings()));
      marker.refreshShadowCss();
      if (ui) {
        ui.setHighlightCss(markCss());
        setTheme(ui.host);
      }
      card.refresh();
    },
    destroy() {
      live = false;
      hover?.destroy();
      card.hide();
      marker.stop();
      ui?.destroy();
    },
  };
}
