// Requests the background or the side panel sends to a tab's content script. Checked by hand:
// the content script loads on every page and carries no schema library.

export type ContentRequest =
  /** Keyboard path: move to the next mention on the page and open its card. */
  | { type: 'next-mention' }
  /** Scroll to the next mention of an entity and flash it. */
  | { type: 'reveal'; entity: string }
  /** What the popup and the side panel show about a tab: its page and this frame's mentions. */
  | { type: 'page-info' };

export interface PageInfo {
  url: string;
  title: string;
  host: string | null;
  enabled: boolean;
  counts: Record<string, number>;
}

const ENTITY_ID = /^[a-z0-9-]{1,80}$/;

export function parseContentRequest(message: unknown): ContentRequest | null {
  if (message === null || typeof message !== 'object') return null;
  const { type, entity } = message as { type?: unknown; entity?: unknown };
  if (type === 'next-mention' || type === 'page-info') return { type };
  if (type === 'reveal' && typeof entity === 'string' && ENTITY_ID.test(entity)) return { type, entity };
  return null;
}
