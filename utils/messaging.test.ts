// A background that stopped in the middle of a request, or answers in another shape: the asking
// view gets null, which every caller turns into a message ("could not be reached"), never a throw.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { askBackground, askTab } from './messaging';

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('askBackground / askTab', () => {
  it('resolve to null when the other side is gone mid-request', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(
      new Error('The message port closed before a response was received.'),
    );
    expect(
      await askBackground({ type: 'pin', factId: 'a', entity: 'qwen', url: 'https://x', title: '' }),
    ).toBeNull();
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection.'));
    expect(await askTab(1, { type: 'page-info' })).toBeNull();
  });

  it('resolve to null for an answer of the wrong shape, and pass a right one through', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    send.mockResolvedValue({ pinned: 'yes' } as never);
    expect(await askBackground({ type: 'card', entity: 'qwen' })).toBeNull();
    send.mockResolvedValue({ ok: false, error: 'quota' } as never);
    expect(
      await askBackground({ type: 'pin', factId: 'a', entity: 'qwen', url: 'https://x', title: '' }),
    ).toEqual({
      ok: false,
      error: 'quota',
    });
  });
});
