// Requests the background or the side panel sends to a tab's content script. Checked by hand:
// the content script loads on every page and carries no schema library.
import { isId } from '../kb/entity-id';

export type ContentRequest =
  /**
   * Keyboard path: move to the next mention on the page and open its card. With `wrap: false`
   * the frame answers false after its last mention (and starts again from its first next time),
   * so the background can go on in the tab's other frames.
   */
  | { type: 'next-mention'; wrap?: boolean }
  /** Scroll to the next mention of an entity and flash it; `wrap` as for next-mention. */
  | { type: 'reveal'; entity: string; wrap?: boolean }
  /** What the popup and the side panel show about a tab: its page and this frame's mentions. */
  | { type: 'page-info' };

export interface PageInfo {
  url: string;
  title: string;
  host: string | null;
  enabled: boolean;
  counts: Record<string, number>;
}

export function parseContentRequest(message: unknown): ContentRequest | null {
  if (message === null || typeof message !== 'object') return null;
  const { type, entity, wrap } = message as { type?: unknown; entity?: unknown; wrap?: unknown };
  const wraps = wrap === false ? { wrap: false } : {};
  if (type === 'page-info') return { type };
  if (type === 'next-mention') return { type, ...wraps };
  if (type === 'reveal' && isId(entity)) return { type, entity, ...wraps };
  return null;
}
