import { describe, expect, it, vi } from 'vitest';
import { createMarkerLoader, MARKER_LOAD_MEASURE, type MarkerModule } from './marker-loader';

const fakeModule = {} as MarkerModule;

describe('loading the marker', () => {
  it('imports the file once, however many times it is asked for', async () => {
    const load = vi.fn(async () => fakeModule);
    const loader = createMarkerLoader(load);
    const [a, b] = await Promise.all([loader(), loader()]);
    expect(await loader()).toBe(fakeModule);
    expect(a).toBe(fakeModule);
    expect(b).toBe(fakeModule);
    expect(load).toHaveBeenCalledTimes(1);
    expect(performance.getEntriesByName(MARKER_LOAD_MEASURE).length).toBeGreaterThan(0);
  });

  it('says so when the file fails to load, and tries again next time', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const load = vi
      .fn<() => Promise<MarkerModule>>()
      .mockRejectedValueOnce(new Error('extension updated'))
      .mockResolvedValue(fakeModule);
    const loader = createMarkerLoader(load);
    expect(await loader()).toBeNull();
    expect(warn).toHaveBeenCalledWith('Factlens: the marker could not be loaded.', expect.any(Error));
    expect(await loader()).toBe(fakeModule);
    expect(load).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });
});
