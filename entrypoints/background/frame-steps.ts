// The keyboard path and the side panel's "reveal" across a tab's frames: each frame steps
// through its own marks and says when it has passed its last; the background then goes on in
// the next frame that has mentions, and after the last frame back to the first.
import { askTab } from '@/utils/messaging';
import { framesWith } from './tab-counts';

/** Per tab: the frame the last step landed in. */
const current = new Map<number, number>();

/** Moves to the next mention (of `entity`, if given) in the tab, in whichever frame it is. */
export async function stepAcrossFrames(tabId: number, entity?: string): Promise<boolean> {
  const frames = await framesWith(tabId, entity);
  let i = Math.max(0, frames.indexOf(current.get(tabId) ?? 0));
  // One more try than frames: a frame that just passed its last mark starts again from its first.
  for (let tries = 0; tries <= frames.length; tries++) {
    const frameId = frames[i]!;
    const request = entity
      ? ({ type: 'reveal', entity, wrap: false } as const)
      : ({ type: 'next-mention', wrap: false } as const);
    if ((await askTab(tabId, request, frameId)) === true) {
      current.set(tabId, frameId);
      return true;
    }
    i = (i + 1) % frames.length;
  }
  return false;
}

export function forgetSteps(tabId: number): void {
  current.delete(tabId);
}
