// Limits of the reader's own knowledge, free of any schema library so the content script can
// use them (the quote's length) without carrying one.
import { MAX_ID_LENGTH } from '../kb/entity-id';

export const KNOWLEDGE_LIMITS = {
  name: 120,
  alias: 80,
  aliases: 40,
  summary: 2000,
  related: 40,
  note: 5000,
  /** The sentence around a mention: enough to recognise it, never a page's worth. */
  quote: 400,
  tag: 40,
  tags: 20,
  url: 4096,
  title: 1000,
  entities: 5000,
  notes: 20000,
  packs: 50,
  packName: 120,
  id: MAX_ID_LENGTH,
} as const;
