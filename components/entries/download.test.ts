import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadText, packFileName } from './download';

afterEach(() => vi.restoreAllMocks());

describe('packFileName', () => {
  it('dates the file in local time, zero-padded', () => {
    expect(packFileName(new Date(2026, 2, 9, 23, 59))).toBe('factlens-pack-2026-03-09.json');
    expect(packFileName(new Date(2025, 11, 31, 0, 0))).toBe('factlens-pack-2025-12-31.json');
  });
});

describe('downloadText', () => {
  it('clicks a link to a Blob of the text with the file name, then revokes it', async () => {
    vi.useFakeTimers();
    const create = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:factlens/1');
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    downloadText('{"a":1}', 'factlens-pack-2026-03-09.json');
    expect(clicked).toEqual([{ href: 'blob:factlens/1', download: 'factlens-pack-2026-03-09.json' }]);
    const blob = create.mock.calls[0]![0] as Blob;
    expect(blob.type).toBe('application/json');
    expect(await blob.text()).toBe('{"a":1}');
    expect(document.querySelector('a[download]')).toBeNull();
    expect(revoke).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(revoke).toHaveBeenCalledWith('blob:factlens/1');
    vi.useRealTimers();
  });
});
