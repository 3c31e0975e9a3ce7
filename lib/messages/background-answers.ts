// What the background answers to each request, and the check of an answer where it arrives.
// Free of any schema library: the content script imports this, and it loads on every page.
import type { CardData } from '../kb/card';
import type { AliasVerdict } from '../knowledge/guard';
import type { Note, Partial2 } from '../knowledge/schema';
import type { BackgroundType } from './background';

/** What only the reader knows about a card's entity: rendered out of the page's reach. */
export interface OwnCard {
  /** Set when the entity is one of the reader's entries or an imported pack's. */
  entry?: { pack: string; packName: string; summary: Partial2; lookupOnly: boolean };
  /** Notes about the entity, newest first. */
  notes: Note[];
}

/** The background's answer to `card`: the data and which of its facts are pinned from this page. */
export interface CardResponse {
  data: CardData;
  pinnedFacts: string[];
  own?: OwnCard;
}

/** The answer to a change of the reader's knowledge: what changed, or why nothing did. */
export type KnowledgeWriteResult =
  | ({ ok: true } & Record<string, unknown>)
  | { ok: false; error: string; message?: string; verdicts?: AliasVerdict[] };

export type PinResponse = { ok: true; duplicate: boolean } | { ok: false; error: string };

/** The answer to a change of the pin store: what changed, or why nothing did. */
export type PinWriteResult =
  | ({ ok: true } & Record<string, unknown>)
  | { ok: false; error: string; message?: string };

/** What the background answers to each request: the one map both sides are typed by. */
export interface BackgroundResponses {
  card: CardResponse | null;
  'page-counts': true | null;
  pin: PinResponse;
  detector: string;
  'open-side-panel': boolean;
  step: boolean;
  'tab-counts': Record<string, number>;
  'pins/update': PinWriteResult;
  'pins/remove': PinWriteResult;
  'pins/restore': PinWriteResult;
  'pins/clear': PinWriteResult;
  'pins/import': PinWriteResult;
  'notes/add': KnowledgeWriteResult;
  'notes/update': KnowledgeWriteResult;
  'notes/remove': KnowledgeWriteResult;
  'notes/restore': KnowledgeWriteResult;
  'entities/save': KnowledgeWriteResult;
  'entities/remove': KnowledgeWriteResult;
  'entities/restore': KnowledgeWriteResult;
  'packs/import': KnowledgeWriteResult;
  'packs/set-enabled': KnowledgeWriteResult;
  'packs/remove': KnowledgeWriteResult;
  'knowledge/clear': KnowledgeWriteResult;
}
const isCountMap = (value: unknown): value is Record<string, number> =>
  value !== null &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  Object.values(value).every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0);

/**
 * Checks an answer where it crosses into the asking context: a value of the wrong shape (another
 * version of the extension answering, a bug) becomes null, as a failed request does.
 */
export function checkBackgroundResponse<K extends BackgroundType>(
  type: K,
  value: unknown,
): BackgroundResponses[K] | null {
  const ok = (() => {
    switch (type) {
      case 'card': {
        const r = value as CardResponse | null;
        return (
          r !== null &&
          typeof r === 'object' &&
          typeof r.data?.entity?.id === 'string' &&
          Array.isArray(r.pinnedFacts)
        );
      }
      case 'detector':
        return typeof value === 'string';
      case 'step':
      case 'open-side-panel':
        return typeof value === 'boolean';
      case 'page-counts':
        return value === true;
      case 'tab-counts':
        return isCountMap(value);
      default:
        return (
          value !== null && typeof value === 'object' && typeof (value as { ok?: unknown }).ok === 'boolean'
        );
    }
  })();
  return ok ? (value as BackgroundResponses[K]) : null;
}
