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

/** What a content script answers to each request. */
export interface ContentResponses {
  'page-info': PageInfo;
  reveal: boolean;
  'next-mention': boolean;
}

/** Checks a content script's answer where it arrives (the popup, the side panel, the background). */
export function checkContentResponse<K extends ContentRequest['type']>(
  type: K,
  value: unknown,
): ContentResponses[K] | null {
  if (type !== 'page-info') return typeof value === 'boolean' ? (value as ContentResponses[K]) : null;
  const p = value as Partial<PageInfo> | null;
  const valid =
    p !== null &&
    typeof p === 'object' &&
    typeof p.url === 'string' &&
    typeof p.title === 'string' &&
    (p.host === null || typeof p.host === 'string') &&
    typeof p.enabled === 'boolean' &&
    p.counts !== null &&
    typeof p.counts === 'object' &&
    Object.values(p.counts).every((n) => typeof n === 'number' && n >= 0);
  return valid ? (value as ContentResponses[K]) : null;
}
