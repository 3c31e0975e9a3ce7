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

describe('card triggers', () => {
  beforeEach(() => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'performance'],
    });
    document.body.innerHTML =
      '<p id="text">Qwen <a id="link" href="https://example.com/">Qwen</a></p><input id="field">';
  });
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  function withTrigger(mode: 'rest' | 'alt' | 'click', delayMs = SHOW_DELAY_MS) {
    let shown: string | null = null;
    const vias: string[] = [];
    const onShow = vi.fn((_t: unknown, _x: number, _y: number, via: string) => {
      shown = 'qwen';
      vias.push(via);
    });
    const onHide = vi.fn(() => {
      shown = null;
    });
    const controller = createHoverController(window, {
      hitTest,
      isOwnUi: () => false,
      onShow,
      onHide,
      isShown: () => shown !== null,
      shownKey: () => shown,
      trigger: () => ({ mode, delayMs }),
    });
    const pointer = (type: string, x: number, init: PointerEventInit = {}) =>
      window.dispatchEvent(
        new PointerEvent(type, { clientX: x, clientY: 10, pointerType: 'mouse', ...init }),
      );
    const click = (x: number, target: Element = document.body) => {
      const e = new MouseEvent('click', { clientX: x, clientY: 10, bubbles: true, cancelable: true });
      target.dispatchEvent(e);
      return e;
    };
    return { controller, onShow, onHide, vias, pointer, click };
  }

  it('waits the reader’s own rest delay', () => {
    const { onShow, pointer } = withTrigger('rest', 900);
    pointer('pointermove', 150);
    vi.advanceTimersByTime(16 + SHOW_DELAY_MS + 100);
    expect(onShow).not.toHaveBeenCalled();
    vi.advanceTimersByTime(600);
    expect(onShow).toHaveBeenCalledTimes(1);
  });

  it('in Alt mode shows nothing on rest, and the card as soon as Alt is held', () => {
    const { onShow, vias, pointer } = withTrigger('alt');
    pointer('pointermove', 150);
    vi.advanceTimersByTime(SHOW_DELAY_MS * 3);
    expect(onShow).not.toHaveBeenCalled();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Alt', altKey: true }));
    vi.advanceTimersByTime(10);
    expect(onShow).toHaveBeenCalledTimes(1);
    expect(vias).toEqual(['alt']);
  });

  it('in click mode opens on click only, and a click elsewhere closes', () => {
    const { onShow, onHide, vias, pointer, click } = withTrigger('click');
    pointer('pointermove', 150);
    vi.advanceTimersByTime(SHOW_DELAY_MS * 3);
    expect(onShow).not.toHaveBeenCalled();
    click(150);
    expect(vias).toEqual(['click']);
    pointer('pointermove', 400);
    vi.advanceTimersByTime(HIDE_DELAY_MS * 3);
    expect(onHide).not.toHaveBeenCalled(); // a clicked card stays when the pointer leaves
    pointer('pointerdown', 400);
    expect(onHide).toHaveBeenCalledTimes(1);
  });

  it('on touch: a tap opens the card and keeps the link; the second tap follows it; a tap elsewhere closes', () => {
    const { onShow, onHide, vias, pointer, click } = withTrigger('rest');
    const link = document.getElementById('link')!;
    pointer('pointerdown', 150, { pointerType: 'touch' });
    const first = click(150, link);
    expect(vias).toEqual(['tap']);
    expect(first.defaultPrevented).toBe(true);
    pointer('pointerdown', 150, { pointerType: 'touch' });
    const second = click(150, link);
    expect(onShow).toHaveBeenCalledTimes(1);
    expect(second.defaultPrevented).toBe(false);
    pointer('pointerdown', 400, { pointerType: 'touch' });
    expect(onHide).toHaveBeenCalledTimes(1);
  });

  it('opens no card while the reader selects text or types', () => {
    const { onShow, pointer } = withTrigger('rest');
    pointer('pointermove', 150, { buttons: 1 });
    vi.advanceTimersByTime(SHOW_DELAY_MS * 2);
    expect(onShow).not.toHaveBeenCalled();
    const field = document.getElementById('field')!;
    field.focus();
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    pointer('pointermove', 160);
    vi.advanceTimersByTime(SHOW_DELAY_MS * 2);
    expect(onShow).not.toHaveBeenCalled();
  });
});
