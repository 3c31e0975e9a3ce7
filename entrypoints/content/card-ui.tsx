// The hover card, in a file of its own that the content script loads on first need (see
// card-loader.ts): it mounts the card in our shadow root, asks the background for its data through
// the content script's messaging (the content script never carries the fact index), positions it
// next to the mention with Floating UI and manages focus: keyboard users land in the card and
// return where they were on Esc.
import { computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import { cardCss } from '@/components/card/card-css';
import { EntityCard } from '@/components/card/EntityCard';
import { t } from '@/components/i18n';
import { pinErrorText } from '@/components/shared/pin-error';
import type { Lang } from '@/lib/kb/format';
import type { CardResponse } from '@/lib/messages/background';
import type { askBackground } from '@/utils/messaging';

export interface CardAnchor {
  /** The mention's rectangles in viewport coordinates, recomputed on scroll. */
  rects(): DOMRect[];
  /** An element near the mention, so scrolling containers are followed. */
  context: Element | null;
}

export interface CardUiOptions {
  shadow: ShadowRoot;
  host: HTMLElement;
  /** The content script's messaging: one copy of it (and of its answer checks) per page. */
  ask: typeof askBackground;
  language(): Lang;
  setLanguage(lang: Lang): void;
  onPointerOver(over: boolean): void;
  onHidden(): void;
}

export interface CardUi {
  /** `link`: the page link the mention sits in, offered in the card (a tap opened the card instead). */
  /** `quote`: the sentence the mention sits in, kept with a pin or a note made from this card. */
  show(
    entity: string,
    anchor: CardAnchor,
    opts?: { focus?: boolean; link?: string; quote?: string },
  ): Promise<void>;
  hide(): void;
  isShown(): boolean;
  shownKey(): unknown;
  setKey(key: unknown): void;
  /** Re-renders after a language or theme change. */
  refresh(): void;
  prefetch(entity: string): void;
  /** Parses the card's styles ahead of the first hover (call when the page is idle). */
  prepare(): void;
  /** Pins changed elsewhere (the side panel): cached "pinned" states are stale; an open card redraws. */
  invalidate(): void;
}

/** What the card's file gives the content script once loaded. */
export interface CardModule {
  createCardUi(opts: CardUiOptions): CardUi;
}

export function createCardUi(opts: CardUiOptions): CardUi {
  const { shadow, host, ask } = opts;
  const layer = document.createElement('div');
  layer.className = 'fl-layer';
  layer.hidden = true;
  // The card's styles are parsed only when a card first shows: most pages never need them.
  let mounted = false;
  const mount = () => {
    if (mounted) return;
    mounted = true;
    const style = document.createElement('style');
    style.textContent = cardCss;
    shadow.append(style, layer);
    layer.addEventListener('pointerenter', () => opts.onPointerOver(true));
    layer.addEventListener('pointerleave', () => opts.onPointerOver(false));
    layer.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !e.defaultPrevented && !layer.hidden) {
        e.stopPropagation();
        hide();
      }
    });
  };

  const cache = new Map<string, Promise<CardResponse | null>>();
  let stack: string[] = [];
  let current: CardResponse | null = null;
  let pinned = new Set<string>();
  let status = '';
  let key: unknown = null;
  let anchor: CardAnchor | null = null;
  let cleanup: (() => void) | null = null;
  let returnFocus: Element | null = null;
  let generation = 0;
  let link: string | null = null;
  /** The mention's sentence, and the entity it was met as (a related card opened in place has none). */
  let quote = '';
  let quoteFor = '';
  const quoteOfCurrent = () => (current?.data.entity.id === quoteFor ? quote : '');

  // Which facts are pinned is per page: a single-page app's navigation makes the cache stale.
  let cachedFor = location.href;
  const fetchCard = (entity: string, fresh = false) => {
    if (cachedFor !== location.href) {
      cache.clear();
      cachedFor = location.href;
    }
    let pending = cache.get(entity);
    if (!pending) {
      pending = ask({
        type: 'card',
        entity,
        url: location.href,
        ...(fresh ? { fresh } : {}),
      });
      cache.set(entity, pending);
      // A failed fetch (extension restarting) shouldn't stick in the cache.
      pending.then((r) => r ?? cache.delete(entity));
    }
    return pending;
  };

  const draw = () => {
    if (!current) {
      render(
        <div class="fl-card" role="dialog" aria-modal="false" aria-label="Factlens">
          <p class="fl-card-body fl-status">{status || t('unavailable')}</p>
        </div>,
        layer,
      );
      return;
    }
    const lang = opts.language();
    render(
      <EntityCard
        data={current.data}
        lang={lang}
        pinned={pinned}
        status={status}
        canGoBack={stack.length > 1}
        onPin={(factId) => void pin(factId)}
        onOpenRelated={(id) => void open(id, true)}
        onBack={() => {
          stack.pop();
          const prev = stack.pop();
          if (prev) void open(prev, true);
        }}
        onClose={() => hide()}
        onOpenSidePanel={() => {
          void ask({ type: 'open-side-panel', entity: current?.data.entity.id });
        }}
        onToggleLang={() => {
          opts.setLanguage(lang === 'zh' ? 'en' : 'zh');
          draw();
        }}
        link={link}
        own={current.own}
        quote={quoteOfCurrent()}
        onAddNote={addNote}
        onUpdateNote={updateNote}
      />,
      layer,
    );
  };

  const place = async () => {
    const card = layer.firstElementChild as HTMLElement | null;
    if (!card || !anchor) return;
    const rects = anchor.rects();
    if (rects.length === 0) return;
    const a = anchor;
    const reference = {
      getBoundingClientRect: () => a.rects()[0] ?? rects[0]!,
      getClientRects: () => a.rects(),
      contextElement: a.context ?? undefined,
    };
    const { x, y } = await computePosition(reference, layer, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(6),
        flip({ padding: 8, fallbackPlacements: ['top-start', 'bottom-end', 'top-end'] }),
        shift({ padding: 8 }),
        // Never taller than the room beside the mention, so the card can't cover it.
        size({
          padding: 8,
          apply({ availableHeight }) {
            card.style.setProperty('--fl-max-h', `${Math.max(160, Math.floor(availableHeight))}px`);
          },
        }),
      ],
    });
    Object.assign(layer.style, { transform: `translate(${Math.round(x)}px, ${Math.round(y)}px)` });
  };

  const open = async (entity: string, focus: boolean) => {
    const mine = ++generation;
    stack.push(entity);
    const response = await fetchCard(entity);
    if (mine !== generation) return;
    current = response;
    pinned = new Set(response?.pinnedFacts ?? []);
    status = '';
    layer.hidden = false;
    draw();
    await place();
    performance.mark('factlens:card-shown');
    if (focus) (shadow.querySelector('h2') as HTMLElement | null)?.focus();
  };

  const pin = async (factId: string) => {
    if (!current) return;
    const result = await ask({
      type: 'pin',
      factId,
      entity: current.data.entity.id,
      url: location.href,
      title: document.title,
      ...(quoteOfCurrent() ? { quote: quoteOfCurrent() } : {}),
    });
    if (result?.ok) {
      pinned.add(factId);
      status = '';
    } else {
      // No answer (the background stopped mid-request) reads as "could not be reached".
      status = t('pinFailed', pinErrorText(result?.ok === false ? result.error : undefined));
    }
    cache.delete(current.data.entity.id);
    draw();
  };

  /** Re-reads the open card after a note changed, so it shows what is really stored. */
  const reload = async (entity: string) => {
    cache.delete(entity);
    const response = await fetchCard(entity, true);
    if (response && !layer.hidden && current?.data.entity.id === entity) {
      current = response;
      pinned = new Set(response.pinnedFacts);
      draw();
    }
  };

  // The store's codes read in the UI language; its English detail is for logs and reports.
  const noteError = (result: { ok: boolean; error?: string } | null) =>
    t('noteFailed', pinErrorText(result?.ok === false ? result.error : 'unreachable'));

  const addNote = async (text: string): Promise<string | null> => {
    if (!current) return null;
    const entity = current.data.entity.id;
    const result = await ask({
      type: 'notes/add',
      entity,
      text,
      url: location.href,
      title: document.title,
      quote: quoteOfCurrent(),
    });
    if (!result?.ok) return noteError(result);
    await reload(entity);
    return null;
  };

  const updateNote = async (id: string, text: string): Promise<string | null> => {
    if (!current) return null;
    const result = await ask({ type: 'notes/update', id, text });
    if (!result?.ok) return noteError(result);
    await reload(current.data.entity.id);
    return null;
  };

  const onKey = (e: KeyboardEvent) => {
    // Focus in the private part (a note being written): its own Esc handling goes first, and an
    // Esc it leaves alone reaches the layer's listener below.
    if (shadow.activeElement?.classList.contains('fl-private')) return;
    if (e.key === 'Escape' && !layer.hidden) {
      e.stopPropagation();
      hide();
    }
  };

  const hide = () => {
    if (layer.hidden && !cleanup) return;
    generation++;
    cleanup?.();
    cleanup = null;
    layer.hidden = true;
    render(null, layer);
    stack = [];
    current = null;
    key = null;
    anchor = null;
    link = null;
    document.removeEventListener('keydown', onKey, true);
    const focusBack = returnFocus as HTMLElement | null;
    returnFocus = null;
    // Return focus only if it was inside the card; a mouse user's focus was never moved.
    if (focusBack && (shadow.activeElement || document.activeElement === host)) focusBack.focus?.();
    opts.onHidden();
  };

  return {
    async show(entity, a, showOpts = {}) {
      mount();
      cleanup?.();
      anchor = a;
      link = showOpts.link ?? null;
      quote = showOpts.quote ?? '';
      quoteFor = entity;
      stack = [];
      // Remember where keyboard focus was before the first card took it (not our own host).
      if (showOpts.focus && document.activeElement !== host) returnFocus = document.activeElement;
      document.addEventListener('keydown', onKey, true);
      await open(entity, !!showOpts.focus);
      if (anchor === a) {
        // Follow the mention when the page or one of its scrolling boxes moves (capture sees
        // every scroll); one placement per frame. Lighter than Floating UI's autoUpdate.
        let frame = 0;
        const follow = () => {
          if (frame) return;
          frame = requestAnimationFrame(() => {
            frame = 0;
            void place();
          });
        };
        window.addEventListener('scroll', follow, { capture: true, passive: true });
        window.addEventListener('resize', follow, { passive: true });
        cleanup = () => {
          cancelAnimationFrame(frame);
          window.removeEventListener('scroll', follow, { capture: true });
          window.removeEventListener('resize', follow);
        };
      }
    },
    hide,
    isShown: () => !layer.hidden,
    shownKey: () => key,
    setKey(k) {
      key = k;
    },
    refresh() {
      if (!layer.hidden) draw();
    },
    prefetch(entity) {
      void fetchCard(entity);
    },
    prepare: mount,
    invalidate() {
      cache.clear();
      if (layer.hidden || !current) return;
      const entity = current.data.entity.id;
      void fetchCard(entity, true).then((response) => {
        if (!response || layer.hidden || current?.data.entity.id !== entity) return;
        current = response;
        pinned = new Set(response.pinnedFacts);
        draw();
      });
    },
  };
}
