import { describe, expect, it } from 'vitest';
import { acceptsSender, checkBackgroundResponse, parseBackgroundRequest } from './background';
import { checkContentResponse, parseContentRequest } from './content';

describe('message validation', () => {
  it('accepts the messages the extension sends', () => {
    expect(parseBackgroundRequest({ type: 'card', entity: 'qwen' })).toEqual({
      type: 'card',
      entity: 'qwen',
    });
    expect(parseBackgroundRequest({ type: 'page-counts', enabled: true, counts: { qwen: 3 } })?.type).toBe(
      'page-counts',
    );
    expect(parseContentRequest({ type: 'reveal', entity: 'ascend' })?.type).toBe('reveal');
  });

  it('rejects unknown, malformed and oversized messages', () => {
    expect(parseBackgroundRequest({ type: 'eval', code: '1' })).toBeNull();
    expect(parseBackgroundRequest({ type: 'card', entity: '<script>' })).toBeNull();
    expect(parseBackgroundRequest({ type: 'page-counts', enabled: true, counts: { qwen: -1 } })).toBeNull();
    expect(
      parseBackgroundRequest({ type: 'pin', factId: 'a', entity: 'b', url: 'x'.repeat(5000), title: '' }),
    ).toBeNull();
    expect(parseBackgroundRequest({ type: 'pins/import', text: 'x'.repeat(5_000_001) })).toBeNull();
    expect(parseBackgroundRequest(null)).toBeNull();
    expect(parseContentRequest('next-mention')).toBeNull();
  });
});

describe('senders', () => {
  const self = { id: 'factlens-id', origin: 'chrome-extension://factlens-id/' };
  const page = { id: 'factlens-id', url: 'chrome-extension://factlens-id/sidepanel.html' };
  const contentScript = { id: 'factlens-id', url: 'https://news.example/story', tab: { id: 3 } };
  const otherExtension = { id: 'someone-else', url: 'chrome-extension://someone-else/x.html' };
  const req = (m: unknown) => parseBackgroundRequest(m)!;

  it('takes every request from the extension’s own pages', () => {
    for (const m of [{ type: 'pins/clear' }, { type: 'step', tabId: 3 }, { type: 'card', entity: 'qwen' }]) {
      expect(acceptsSender(req(m), page, self), JSON.stringify(m)).toBe(true);
    }
  });

  it('lets content scripts read cards, report counts and pin, but not edit pins or drive tabs', () => {
    expect(acceptsSender(req({ type: 'card', entity: 'qwen' }), contentScript, self)).toBe(true);
    expect(acceptsSender(req({ type: 'page-counts', enabled: true, counts: {} }), contentScript, self)).toBe(
      true,
    );
    for (const m of [
      { type: 'pins/clear' },
      { type: 'pins/remove', ids: ['a'] },
      { type: 'pins/import', text: '[]' },
      { type: 'step', tabId: 9 },
    ]) {
      expect(acceptsSender(req(m), contentScript, self), JSON.stringify(m)).toBe(false);
    }
  });

  it('refuses anything from another extension or an unknown sender', () => {
    expect(acceptsSender(req({ type: 'card', entity: 'qwen' }), otherExtension, self)).toBe(false);
    expect(acceptsSender(req({ type: 'card', entity: 'qwen' }), {}, self)).toBe(false);
  });
});

describe('answers', () => {
  it('are checked against the map where they arrive', () => {
    expect(checkBackgroundResponse('step', true)).toBe(true);
    expect(checkBackgroundResponse('step', 'yes')).toBeNull();
    expect(checkBackgroundResponse('tab-counts', { qwen: 2 })).toEqual({ qwen: 2 });
    expect(checkBackgroundResponse('tab-counts', { qwen: -1 })).toBeNull();
    expect(checkBackgroundResponse('card', { data: {} })).toBeNull();
    expect(checkBackgroundResponse('pins/clear', { ok: true, removed: [] })).toEqual({
      ok: true,
      removed: [],
    });
    expect(checkContentResponse('reveal', false)).toBe(false);
    expect(
      checkContentResponse('page-info', {
        url: 'https://a',
        title: '',
        host: 'a',
        enabled: true,
        counts: {},
      }),
    ).toBeTruthy();
    expect(checkContentResponse('page-info', { url: 5 })).toBeNull();
  });
});
