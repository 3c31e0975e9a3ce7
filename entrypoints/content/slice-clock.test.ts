import { describe, expect, it } from 'vitest';
import { CLOCK_EVERY_CHARS, CLOCK_EVERY_NODES, createSliceClock } from './slice-clock';

describe('slice clock', () => {
  it('reads the clock every few nodes, and stays past the end once it is', () => {
    let t = 0;
    let reads = 0;
    const clock = createSliceClock(
      10,
      () => false,
      () => {
        reads++;
        return t;
      },
    );
    for (let i = 1; i < CLOCK_EVERY_NODES; i++) expect(clock.deadline()).toBe(false);
    expect(reads).toBe(0);
    expect(clock.deadline()).toBe(false);
    expect(reads).toBe(1);
    t = 11;
    for (let i = 1; i < CLOCK_EVERY_NODES; i++) clock.deadline();
    expect(clock.deadline()).toBe(true);
    // The walk saw it; the loop around the walk must see it too, without another reading.
    expect(clock.deadline()).toBe(true);
    expect(clock.deadline()).toBe(true);
    expect(reads).toBe(2);
  });

  it('reads the clock at once after a long text, and stops when told to', () => {
    let stop = false;
    const clock = createSliceClock(
      10,
      () => stop,
      () => 20,
    );
    clock.scanned(CLOCK_EVERY_CHARS);
    expect(clock.deadline()).toBe(true);
    const other = createSliceClock(
      10,
      () => stop,
      () => 0,
    );
    expect(other.deadline()).toBe(false);
    stop = true;
    expect(other.deadline()).toBe(true);
  });
});
