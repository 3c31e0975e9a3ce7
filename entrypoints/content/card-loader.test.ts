import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { allStrings } from '@/components/i18n/all-strings';
import { createLazyCard, type LazyCardOptions } from './card-loader';
import type { CardModule, CardUi } from './card-ui';

/** A stand-in for the card's file: records the calls, shows and hides like the real card. */
function fakeCard() {
  let shown = false;
  let key: unknown = null;
  const card = {
    show: vi.fn(async () => {
      shown = true;
    }),
    hide: vi.fn(() => {
      shown = false;
    }),
    isShown: () => shown,
    shownKey: () => key,
    setKey: vi.fn((k: unknown) => {
      key = k;
    }),
    refresh: vi.fn(),
    prefetch: vi.fn(),
    prepare: vi.fn(),
    invalidate: vi.fn(),
  } satisfies CardUi;
  return card;
}

function setup(load: () => Promise<CardModule>) {
  const host = document.createElement('factlens-ui');
  const shadow = host.attachShadow({ mode: 'open' });
  document.documentElement.append(host);
  const ui = {
    host,
    shadow,
    setHighlightCss: () => {},
    ensureAttached: () => {},
    destroy: () => host.remove(),
  };
  const onHidden = vi.fn();
  const opts: LazyCardOptions = {
    ui: () => ui,
    ask: async () => null,
    language: () => 'en',
    setLanguage: () => {},
    onPointerOver: () => {},
    onHidden,
    load: vi.fn(load),
  };
  return { card: createLazyCard(opts), opts, shadow, onHidden, host };
}

const anchor = {
  rects: () => [new DOMRect(40, 100, 60, 18)],
  context: null,
};

/** A load that resolves when the test says so. */
function deferred() {
  let resolve!: (m: CardModule) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<CardModule>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('the card loaded on first need', () => {
  it('loads the card on the first show, then hands the show and its key to it', async () => {
    const real = fakeCard();
    const wait = deferred();
    const { card, opts, host } = setup(() => wait.promise);
    expect(opts.load).not.toHaveBeenCalled();
    card.setKey('mark-1');
    const shown = card.show('qwen', anchor, { quote: 'Qwen is a model.' });
    expect(card.isShown()).toBe(false);
    wait.resolve({ createCardUi: () => real });
    await shown;
    expect(real.setKey).toHaveBeenCalledWith('mark-1');
    expect(real.show).toHaveBeenCalledWith('qwen', anchor, { quote: 'Qwen is a model.' });
    expect(card.isShown()).toBe(true);
    expect(card.shownKey()).toBe('mark-1');
    // Later calls go straight to the loaded card, without loading again.
    card.prefetch('deepseek');
    expect(real.prefetch).toHaveBeenCalledWith('deepseek');
    card.hide();
    expect(real.hide).toHaveBeenCalled();
    expect(opts.load).toHaveBeenCalledTimes(1);
    host.remove();
  });

  it('drops a show whose card was hidden while the file loaded', async () => {
    const real = fakeCard();
    const wait = deferred();
    const { card, onHidden, host } = setup(() => wait.promise);
    const shown = card.show('qwen', anchor);
    card.hide();
    // The mark the show made active is let go at once.
    expect(onHidden).toHaveBeenCalledTimes(1);
    wait.resolve({ createCardUi: () => real });
    await shown;
    expect(real.show).not.toHaveBeenCalled();
    expect(card.isShown()).toBe(false);
    host.remove();
  });

  it('gets ready ahead of the first hover: prepare and prefetch load the file once', async () => {
    const real = fakeCard();
    const { card, opts, host } = setup(async () => ({ createCardUi: () => real }));
    card.prepare();
    card.prefetch('qwen');
    await vi.waitFor(() => expect(real.prefetch).toHaveBeenCalledWith('qwen'));
    expect(real.prepare).toHaveBeenCalled();
    expect(opts.load).toHaveBeenCalledTimes(1);
    host.remove();
  });

  it('says the card is unavailable when its file fails to load, and tries again next time', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((name: string) => allStrings[name]?.en ?? '');
    let fail = true;
    const real = fakeCard();
    const { card, shadow, onHidden, opts, host } = setup(async () => {
      if (fail) throw new TypeError('Failed to fetch dynamically imported module');
      return { createCardUi: () => real };
    });
    card.setKey('mark-1');
    await card.show('qwen', anchor);
    const dialog = shadow.querySelector('[role="dialog"]');
    expect(dialog?.textContent).toContain('reload the page');
    expect(card.isShown()).toBe(true);
    expect(card.shownKey()).toBe('mark-1');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(shadow.querySelector('[role="dialog"]')).toBeNull();
    expect(onHidden).toHaveBeenCalledTimes(1);

    fail = false;
    await card.show('qwen', anchor);
    expect(opts.load).toHaveBeenCalledTimes(2);
    expect(real.show).toHaveBeenCalled();
    expect(shadow.querySelector('[role="dialog"]')).toBeNull();
    vi.restoreAllMocks();
    host.remove();
  });
});
