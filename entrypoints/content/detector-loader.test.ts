import { afterEach, describe, expect, it, vi } from 'vitest';
import detectorJson from '@/generated/detector.json?raw';
import detectorBuild from '@/generated/detector-build.json';
import { loadDetector } from './detector-loader';

afterEach(() => {
  vi.useRealTimers();
});

/** Lets every pending promise callback run, without letting a timer fire. */
const flushMicrotasks = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

describe('reading the stored detector', () => {
  it('parses it in a later task than the storage reply, so the two never make one long task', async () => {
    vi.useFakeTimers();
    const record = { build: detectorBuild.id, json: detectorJson, user: 'abc' };
    let loaded: Awaited<ReturnType<typeof loadDetector>> | undefined;
    void loadDetector(async () => record).then((d) => {
      loaded = d;
    });
    await flushMicrotasks();
    expect(loaded).toBeUndefined();
    await vi.runAllTimersAsync();
    expect(loaded?.user).toBe('abc');
    expect(loaded?.data.entities.length).toBeGreaterThan(50);
  });
});
