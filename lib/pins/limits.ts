// Limits of a pin, free of any schema library so the content script's messages can use them
// without carrying one.
import { MAX_ID_LENGTH } from '../kb/entity-id';
import { KNOWLEDGE_LIMITS } from '../knowledge/limits';

export const PIN_LIMITS = {
  note: 5000,
  tags: 20,
  tag: 40,
  url: 4096,
  title: 1000,
  /** The same bound as a note's quote: a sentence, never a page's worth. */
  quote: KNOWLEDGE_LIMITS.quote,
  id: MAX_ID_LENGTH,
} as const;
