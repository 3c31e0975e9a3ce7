// The card as the content script sees it: a stand-in that loads the card's own file (card-ui.js:
// Preact, Floating UI, the card's components and styles) on first need and hands every call on
// to it. Most pages never show a card, so the content script never carries that code; a page with
// marks gets it while idle, or on the first hover at the latest. Should the file fail to load
// (the extension was updated or removed meanwhile), the card says it is unavailable, as it does
// when the background can't answer, and marking goes on.
import { t } from '@/components/i18n';
import type { Lang } from '@/lib/kb/format';
import type { askBackground } from '@/utils/messaging';
import type { CardAnchor, CardModule, CardUi } from './card-ui';
import { importOwnModule } from './own-module';
import type { UiHost } from './ui-host';

/** The card's file, listed in Chrome's web_accessible_resources (wxt.config.ts). */
export const CARD_MODULE_PATH = '/card-ui.js';

/** A user-timing measure of each load of the card's file, for benchmarks and tests. */
export const CARD_LOAD_MEASURE = 'factlens:card-load';

export interface LazyCardOptions {
  /** Our UI host (made on first need). */
  ui(): UiHost;
  ask: typeof askBackground;
  language(): Lang;
  setLanguage(lang: Lang): void;
  onPointerOver(over: boolean): void;
  onHidden(): void;
  /** Loads the card's module: by default imported from the extension's own files. */
  load?(): Promise<CardModule>;
}

const importCard = () => importOwnModule<CardModule>(CARD_MODULE_PATH);

export function createLazyCard(opts: LazyCardOptions): CardUi {
  let loading: Promise<CardUi | null> | null = null;
  let real: CardUi | null = null;
  let key: unknown = null;
  /** Counts show and hide calls: a show that finds it changed after the load is stale. */
  let generation = 0;
  /** A show waits for the file; the mark it was asked for is shown as active meanwhile. */
  let waiting = false;
  let fallback: HTMLElement | null = null;

  const load = (): Promise<CardUi | null> => {
    if (loading) return loading;
    const attempt = (async () => {
      const started = performance.now();
      try {
        const mod = await (opts.load ?? importCard)();
        const { shadow, host } = opts.ui();
        real = mod.createCardUi({
          shadow,
          host,
          ask: opts.ask,
          language: opts.language,
          setLanguage: opts.setLanguage,
          onPointerOver: opts.onPointerOver,
          onHidden: opts.onHidden,
        });
        performance.measure(CARD_LOAD_MEASURE, { start: started });
        return real;
      } catch (error) {
        console.warn('Factlens: the card could not be loaded.', error);
        return null;
      }
    })();
    loading = attempt;
    // A failed load is tried again on the next hover.
    void attempt.then((card) => {
      if (!card && loading === attempt) loading = null;
    });
    return attempt;
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      hide();
    }
  };

  const removeFallback = () => {
    if (!fallback) return false;
    fallback.remove();
    fallback = null;
    document.removeEventListener('keydown', onKey, true);
    return true;
  };

  /** Without the card's file (and its styles): the message alone, below the mention. */
  const showFallback = (anchor: CardAnchor) => {
    const box = document.createElement('div');
    box.className = 'fl-card';
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-label', 'Factlens');
    box.textContent = t('unavailable');
    const rect = anchor.rects()[0];
    Object.assign(box.style, {
      position: 'fixed',
      left: `${Math.max(8, Math.min(rect?.left ?? 8, innerWidth - 288))}px`,
      top: `${Math.round((rect?.bottom ?? 8) + 6)}px`,
      maxWidth: '280px',
      padding: '8px 12px',
      font: '13px/1.45 system-ui, sans-serif',
      background: 'Canvas',
      color: 'CanvasText',
      border: '1px solid GrayText',
      borderRadius: '8px',
      pointerEvents: 'auto',
    });
    box.addEventListener('pointerenter', () => opts.onPointerOver(true));
    box.addEventListener('pointerleave', () => opts.onPointerOver(false));
    opts.ui().shadow.append(box);
    fallback = box;
    document.addEventListener('keydown', onKey, true);
  };

  const hide = () => {
    generation++;
    const wasWaiting = waiting;
    waiting = false;
    if (removeFallback() || (wasWaiting && !real?.isShown())) opts.onHidden();
    real?.hide();
  };

  return {
    async show(entity, anchor, showOpts) {
      const mine = ++generation;
      removeFallback();
      let card = real;
      if (!card) {
        waiting = true;
        card = await load();
        if (mine !== generation) return;
        waiting = false;
      }
      if (!card) {
        showFallback(anchor);
        return;
      }
      card.setKey(key);
      await card.show(entity, anchor, showOpts);
    },
    hide,
    isShown: () => fallback !== null || (real?.isShown() ?? false),
    shownKey: () => (real ? real.shownKey() : fallback ? key : null),
    setKey(k) {
      key = k;
      real?.setKey(k);
    },
    refresh: () => real?.refresh(),
    prefetch(entity) {
      if (real) real.prefetch(entity);
      else void load().then((card) => card?.prefetch(entity));
    },
    prepare() {
      void load().then((card) => card?.prepare());
    },
    invalidate: () => real?.invalidate(),
  };
}
