// Decides when the reader means "show me the card". With a mouse, by default: a pointer sweeping
// across text is ignored (10ten Japanese Reader gates on about 0.5 px/ms); a resting one waits a
// short delay before the card shows (Wikipedia's Page Previews: show after a pause, hide after
// ~300 ms), and the card stays while the pointer travels onto it. The reader can instead ask for
// cards only while holding Alt, or only on click. On a touch screen there is no hover: a tap on a
// mark opens its card, a second tap on the same mark does what the tap would have done (follow
// its link), a tap elsewhere closes it. No card opens while the reader selects text or types.

export const SHOW_DELAY_MS = 300;
export const HIDE_DELAY_MS = 300;
/** Faster than this the reader is moving across the text, not stopping on a word. */
export const SWEEP_SPEED_PX_PER_MS = 0.5;
/** After a fast move stops, look again once the pointer has settled. */
const SETTLE_MS = 120;
/** A key typed into a field this recently means the reader is writing, not reading. */
export const TYPING_QUIET_MS = 1500;

export type TriggerMode = 'rest' | 'alt' | 'click';
/** How a card was asked for. */
export type ShowVia = 'rest' | 'alt' | 'click' | 'tap';

export interface HoverTarget {
  /** Identity of the thing under the pointer; equal keys mean the same mention. */
  key: unknown;
}

export interface HoverCallbacks<T extends HoverTarget> {
  hitTest(x: number, y: number): T | null;
  /** Whether an event's target is our own UI (the card). */
  isOwnUi(event: Event): boolean;
  /** The reader asked for the target's card. */
  onShow(target: T, x: number, y: number, via: ShowVia): void;
  /** The pointer rested briefly on a target: a good moment to prefetch its data. */
  onPending?(target: T): void;
  onHide(): void;
  /** Whether a card is currently shown. */
  isShown(): boolean;
  /** The key of the target the shown card belongs to. */
  shownKey(): unknown;
  /** The reader's choice of trigger and rest delay, read on every decision (settings change live). */
  trigger?(): { mode: TriggerMode; delayMs: number };
}

export interface HoverController {
  /** The pointer entered or left our card. */
  setOverCard(over: boolean): void;
  /** Cancels pending timers (on hide by keyboard, settings change…). */
  reset(): void;
  destroy(): void;
}

const INTERACTIVE = 'a[href],button,[role="link"],[role="button"],summary,label';

function isEditable(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.localName;
  return (
    tag === 'input' ||
    tag === 'textarea' ||
    tag === 'select' ||
    (el as HTMLElement).isContentEditable === true
  );
}

export function createHoverController<T extends HoverTarget>(
  win: Window,
  cb: HoverCallbacks<T>,
): HoverController {
  let frame = 0;
  let lastEvent: PointerEvent | MouseEvent | null = null;
  let prev: { x: number; y: number; t: number } | null = null;
  let pending: T | null = null;
  let showTimer = 0;
  let hideTimer = 0;
  let settleTimer = 0;
  let overCard = false;
  let lastPointerType = 'mouse';
  let typedAt = Number.NEGATIVE_INFINITY;
  const trigger = () => cb.trigger?.() ?? { mode: 'rest' as TriggerMode, delayMs: SHOW_DELAY_MS };

  /** Selecting text (a button held, or a selection made) or typing: no card now. */
  const busy = (e: MouseEvent | null) => {
    if (e && e.buttons !== 0) return true;
    // Called on pointer frames: a selection's text is never read here, only whether it exists.
    if (win.getSelection?.()?.isCollapsed === false) return true;
    return performance.now() - typedAt < TYPING_QUIET_MS;
  };

  const clearShow = () => {
    win.clearTimeout(showTimer);
    showTimer = 0;
    pending = null;
  };
  const cancelHide = () => {
    win.clearTimeout(hideTimer);
    hideTimer = 0;
  };
  const scheduleHide = () => {
    // A card opened by click or tap stays until the reader closes it or clicks elsewhere.
    if (hideTimer || !cb.isShown() || trigger().mode === 'click' || lastPointerType === 'touch') return;
    hideTimer = win.setTimeout(() => {
      hideTimer = 0;
      if (!overCard) cb.onHide();
    }, HIDE_DELAY_MS);
  };

  const evaluate = (x: number, y: number, speed: number, altKey: boolean) => {
    const { mode, delayMs } = trigger();
    const hit = cb.hitTest(x, y);
    if (!hit) {
      clearShow();
      if (!overCard) scheduleHide();
      return;
    }
    if (cb.isShown() && hit.key === cb.shownKey()) {
      cancelHide();
      clearShow();
      return;
    }
    if (mode === 'click' || (mode === 'alt' && !altKey) || busy(lastEvent)) {
      clearShow();
      return;
    }
    if (speed > SWEEP_SPEED_PX_PER_MS) {
      // Sweeping: no card now, but look again once the pointer settles.
      clearShow();
      win.clearTimeout(settleTimer);
      settleTimer = win.setTimeout(() => evaluate(x, y, 0, altKey), SETTLE_MS);
      return;
    }
    if (pending && pending.key === hit.key) return;
    clearShow();
    pending = hit;
    cb.onPending?.(hit);
    showTimer = win.setTimeout(
      () => {
        showTimer = 0;
        const still = pending && cb.hitTest(x, y);
        if (still && pending && still.key === pending.key && !busy(null)) {
          cancelHide();
          cb.onShow(still, x, y, mode === 'alt' ? 'alt' : 'rest');
        }
        pending = null;
      },
      mode === 'alt' ? 0 : delayMs,
    );
  };

  const onFrame = () => {
    frame = 0;
    const e = lastEvent;
    if (!e) return;
    const now = e.timeStamp || performance.now();
    const speed = prev ? Math.hypot(e.clientX - prev.x, e.clientY - prev.y) / Math.max(1, now - prev.t) : 0;
    prev = { x: e.clientX, y: e.clientY, t: now };
    evaluate(e.clientX, e.clientY, speed, e.altKey);
  };

  const onMove = (e: PointerEvent | MouseEvent) => {
    if ('pointerType' in e && e.pointerType === 'touch') return;
    if ('pointerType' in e && e.pointerType) lastPointerType = e.pointerType;
    if (cb.isOwnUi(e)) {
      overCard = true;
      cancelHide();
      clearShow();
      return;
    }
    overCard = false;
    win.clearTimeout(settleTimer);
    lastEvent = e;
    if (!frame) frame = win.requestAnimationFrame(onFrame);
  };

  const onLeaveWindow = (e: MouseEvent) => {
    if (!e.relatedTarget) {
      clearShow();
      scheduleHide();
    }
  };

  /** A press outside the card and its mark closes the card (a tap elsewhere, a click elsewhere). */
  const onDown = (e: PointerEvent) => {
    lastPointerType = e.pointerType || 'mouse';
    if (cb.isOwnUi(e) || !cb.isShown()) return;
    const hit = cb.hitTest(e.clientX, e.clientY);
    if (!hit || hit.key !== cb.shownKey()) {
      clearShow();
      cancelHide();
      cb.onHide();
    }
  };

  /** A tap (or, in click mode, a click) on a mark opens its card. */
  const onClick = (e: MouseEvent) => {
    if (lastPointerType !== 'touch' && trigger().mode !== 'click') return;
    if (cb.isOwnUi(e)) return;
    if (win.getSelection?.()?.isCollapsed === false) return;
    const hit = cb.hitTest(e.clientX, e.clientY);
    // Nothing of ours, or the second tap on the mark whose card is open: the page's own click.
    if (!hit || (cb.isShown() && hit.key === cb.shownKey())) return;
    clearShow();
    cancelHide();
    cb.onShow(hit, e.clientX, e.clientY, lastPointerType === 'touch' ? 'tap' : 'click');
    // On a link or a button, the first tap is ours (the card offers the link); the second is the page's.
    const target = e.target as Element | null;
    if (target?.closest?.(INTERACTIVE)) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Alt') {
      // Alt pressed while resting on a mark: the card at once.
      if (trigger().mode === 'alt' && lastEvent) evaluate(lastEvent.clientX, lastEvent.clientY, 0, true);
      return;
    }
    if (isEditable(e.target as Element | null) || isEditable(win.document.activeElement)) {
      typedAt = performance.now();
      clearShow();
    }
  };

  win.addEventListener('pointermove', onMove, { capture: true, passive: true });
  win.addEventListener('pointerdown', onDown, { capture: true, passive: true });
  win.addEventListener('click', onClick, { capture: true });
  win.addEventListener('keydown', onKey, { capture: true, passive: true });
  win.document.addEventListener('mouseout', onLeaveWindow, { capture: true, passive: true });

  return {
    setOverCard(over) {
      overCard = over;
      if (over) cancelHide();
      else scheduleHide();
    },
    reset() {
      clearShow();
      cancelHide();
      win.clearTimeout(settleTimer);
    },
    destroy() {
      this.reset();
      if (frame) win.cancelAnimationFrame(frame);
      win.removeEventListener('pointermove', onMove, { capture: true });
      win.removeEventListener('pointerdown', onDown, { capture: true });
      win.removeEventListener('click', onClick, { capture: true });
      win.removeEventListener('keydown', onKey, { capture: true });
      win.document.removeEventListener('mouseout', onLeaveWindow, { capture: true });
    },
  };
}
