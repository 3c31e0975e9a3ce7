import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHoverController, HIDE_DELAY_MS, SHOW_DELAY_MS } from './hover';

// A target occupies x in [100, 200]; everything else is blank page.
const target = { key: 'qwen' };
const hitTest = (x: number) => (x >= 100 && x <= 200 ? target : null);

function setup() {
  let shown: string | null = null;
  const onShow = vi.fn(() => {
    shown = 'qwen';
  });
  const onHide = vi.fn(() => {
    shown = null;
  });
  const onPending = vi.fn();
  const controller = createHoverController(window, {
    hitTest,
    onPending,
    isOwnUi: (e) => (e.target as Element | null)?.id === 'card',
    onShow,
    onHide,
    isShown: () => shown !== null,
    shownKey: () => shown,
  });
  const move = (x: number, dt = 50) => {
    window.dispatchEvent(new MouseEvent('pointermove', { clientX: x, clientY: 10 }));
    // happy-dom stamps events itself; pin the clock the controller reads.
    vi.advanceTimersByTime(dt);
  };
  return { controller, onShow, onHide, onPending, move };
}

describe('hover gating', () => {
  beforeEach(() => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'performance'],
    });
  });
  afterEach(() => vi.useRealTimers());

  it('shows the card only after the pointer rests for the delay', () => {
    const { onShow, move } = setup();
    move(150, 16);
    vi.advanceTimersByTime(SHOW_DELAY_MS - 50);
    expect(onShow).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(onShow).toHaveBeenCalledTimes(1);
  });

  it('ignores a pointer sweeping fast across the mention', () => {
    const { onShow, onPending, move } = setup();
    move(0, 16);
    move(120, 16); // 120 px in 16 ms: far above the sweep threshold
    move(200, 16);
    move(400, 16); // and off the mention again
    vi.advanceTimersByTime(SHOW_DELAY_MS * 3);
    expect(onPending).not.toHaveBeenCalled();
    expect(onShow).not.toHaveBeenCalled();
  });

  it('once a fast pointer stops on a mention, the card follows after the delay', () => {
    const { onShow, move } = setup();
    move(0, 16);
    move(150, 16);
    vi.advanceTimersByTime(SHOW_DELAY_MS + 200);
    expect(onShow).toHaveBeenCalledTimes(1);
  });

  it('hides after a grace delay when the pointer leaves, but not while it is over the card', () => {
    const { controller, onShow, onHide, move } = setup();
    move(150, 16);
    vi.advanceTimersByTime(SHOW_DELAY_MS + 20);
    expect(onShow).toHaveBeenCalledTimes(1);
    // Travels toward the card: off the mention, then onto the card before the grace delay ends.
    move(260, 200);
    controller.setOverCard(true);
    vi.advanceTimersByTime(HIDE_DELAY_MS * 2);
    expect(onHide).not.toHaveBeenCalled();
    controller.setOverCard(false);
    vi.advanceTimersByTime(HIDE_DELAY_MS + 20);
    expect(onHide).toHaveBeenCalledTimes(1);
  });
});
