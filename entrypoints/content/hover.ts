// Decides when a resting pointer means "show me the card". A pointer sweeping across text is
// ignored (10ten Japanese Reader gates on about 0.5 px/ms); a resting one waits a short delay
// before the card shows (Wikipedia's Page Previews: show after a pause, hide after ~300 ms),
// and the card stays while the pointer travels onto it.

export const SHOW_DELAY_MS = 300;
export const HIDE_DELAY_MS = 300;
/** Faster than this the reader is moving across the text, not stopping on a word. */
export const SWEEP_SPEED_PX_PER_MS = 0.5;
/** After a fast move stops, look again once the pointer has settled. */
const SETTLE_MS = 120;

export interface HoverTarget {
  /** Identity of the thing under the pointer; equal keys mean the same mention. */
  key: unknown;
}

export interface HoverCallbacks<T extends HoverTarget> {
  hitTest(x: number, y: number): T | null;
  /** Whether an event's target is our own UI (the card). */
  isOwnUi(event: Event): boolean;
  /** The pointer came to rest on a target (after the delay). */
  onShow(target: T, x: number, y: number): void;
  /** The pointer rested briefly on a target: a good moment to prefetch its data. */
  onPending?(target: T): void;
  onHide(): void;
  /** Whether a card is currently shown. */
  isShown(): boolean;
  /** The key of the target the shown card belongs to. */
  shownKey(): unknown;
}

export interface HoverController {
  /** The pointer entered or left our card. */
  setOverCard(over: boolean): void;
  /** Cancels pending timers (on hide by keyboard, settings change…). */
  reset(): void;
  destroy(): void;
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
    if (hideTimer || !cb.isShown()) return;
    hideTimer = win.setTimeout(() => {
      hideTimer = 0;
      if (!overCard) cb.onHide();
    }, HIDE_DELAY_MS);
  };

  const evaluate = (x: number, y: number, speed: number) => {
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
    if (speed > SWEEP_SPEED_PX_PER_MS) {
      // Sweeping: no card now, but look again once the pointer settles.
      clearShow();
      win.clearTimeout(settleTimer);
      settleTimer = win.setTimeout(() => evaluate(x, y, 0), SETTLE_MS);
      return;
    }
    if (pending && pending.key === hit.key) return;
    clearShow();
    pending = hit;
    cb.onPending?.(hit);
    showTimer = win.setTimeout(() => {
      showTimer = 0;
      const still = pending && cb.hitTest(x, y);
      if (still && pending && still.key === pending.key) {
        cancelHide();
        cb.onShow(still, x, y);
      }
      pending = null;
    }, SHOW_DELAY_MS);
  };

  const onFrame = () => {
    frame = 0;
    const e = lastEvent;
    if (!e) return;
    const now = e.timeStamp || performance.now();
    const speed = prev ? Math.hypot(e.clientX - prev.x, e.clientY - prev.y) / Math.max(1, now - prev.t) : 0;
    prev = { x: e.clientX, y: e.clientY, t: now };
    evaluate(e.clientX, e.clientY, speed);
  };

  const onMove = (e: PointerEvent | MouseEvent) => {
    if ('pointerType' in e && e.pointerType === 'touch') return;
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

  win.addEventListener('pointermove', onMove, { capture: true, passive: true });
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
      win.document.removeEventListener('mouseout', onLeaveWindow, { capture: true });
    },
  };
}
