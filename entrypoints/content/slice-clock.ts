// When an idle slice should stop. The clock is read after every few nodes or few thousand
// characters, not after each node: on a page of 200,000 short text nodes the reads alone cost
// more than a frame. Once past the end it stays past: every loop of the slice must see it, not
// only the first to ask (the walk's own loop, then the loop that calls the walk).

/** How often the clock is read: after this many text nodes, or this many characters, scanned. */
export const CLOCK_EVERY_NODES = 8;
export const CLOCK_EVERY_CHARS = 4000;

/** Runs a callback when the page is idle (within 300 ms), or after a frame where there is no idle callback. */
export type Idle = (cb: (deadline?: IdleDeadline) => void) => void;

export function idleOf(win: Window): Idle {
  return typeof win.requestIdleCallback === 'function'
    ? (cb) => win.requestIdleCallback(cb, { timeout: 300 })
    : (cb) => win.setTimeout(cb, 16);
}

/** Resolves in a later task: work after it does not lengthen the task that awaited it. */
export const nextTask = (): Promise<void> => new Promise((done) => setTimeout(done, 0));

export interface SliceClock {
  /** Counts a scanned node of `chars` characters toward the next reading of the clock. */
  scanned(chars: number): void;
  /** Whether the slice is over (or `stopNow()` says so). */
  deadline(): boolean;
}

export function createSliceClock(
  end: number,
  stopNow: () => boolean,
  now = () => performance.now(),
): SliceClock {
  let nodes = 0;
  let chars = 0;
  let expired = false;
  return {
    scanned(n) {
      chars += n;
    },
    deadline() {
      if (expired || stopNow()) return true;
      if (++nodes < CLOCK_EVERY_NODES && chars < CLOCK_EVERY_CHARS) return false;
      nodes = 0;
      chars = 0;
      expired = now() >= end;
      return expired;
    },
  };
}
