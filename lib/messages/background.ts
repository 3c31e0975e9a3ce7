// Requests to the background from the content script and the extension pages, validated with a
// schema: a message is data from another context, never trusted.
import * as v from 'valibot';
import type { CardData } from '../kb/card';
import { ID_PATTERN, MAX_ID_LENGTH } from '../kb/entity-id';
import { PIN_LIMITS } from '../pins/schema';

const EntityId = v.pipe(v.string(), v.maxLength(MAX_ID_LENGTH), v.regex(ID_PATTERN));
const Url = v.pipe(v.string(), v.maxLength(PIN_LIMITS.url));

/** Requests the content script and the extension pages send to the background. */
export const BackgroundRequest = v.variant('type', [
  /** Everything a hover card needs about one entity. */
  v.object({
    type: v.literal('card'),
    entity: EntityId,
    url: v.optional(Url),
    /** Pins just changed: read them from the store, not from the background's copy. */
    fresh: v.optional(v.boolean()),
  }),
  /** The content script's mention counts for its frame, for the badge and the side panel. */
  v.object({
    type: v.literal('page-counts'),
    /** Whether Factlens is on for the frame's site (the content script knows; the badge shows it). */
    enabled: v.boolean(),
    counts: v.pipe(v.record(EntityId, v.pipe(v.number(), v.integer(), v.minValue(0))), v.maxEntries(500)),
  }),
  v.object({
    type: v.literal('pin'),
    factId: EntityId,
    entity: EntityId,
    url: Url,
    title: v.pipe(v.string(), v.maxLength(PIN_LIMITS.title)),
  }),
  /** The precompiled detector's JSON, when a content script finds no current copy in storage. */
  v.object({ type: v.literal('detector') }),
  /** Opens the side panel, optionally on an entity page of Explore. */
  v.object({ type: v.literal('open-side-panel'), entity: v.optional(EntityId) }),
  /**
   * The side panel's "reveal" and the keyboard path: the next mention (of an entity) in the tab,
   * through its frames.
   */
  v.object({ type: v.literal('step'), tabId: v.pipe(v.number(), v.integer()), entity: v.optional(EntityId) }),
  /** The side panel asks for the active tab's mentions. */
  v.object({ type: v.literal('tab-counts'), tabId: v.optional(v.number()) }),
  // Pin changes from the side panel; the background is the only writer of the pin store.
  v.object({
    type: v.literal('pins/update'),
    id: v.pipe(v.string(), v.maxLength(5000)),
    note: v.optional(v.pipe(v.string(), v.maxLength(PIN_LIMITS.note))),
    tags: v.optional(
      v.pipe(v.array(v.pipe(v.string(), v.maxLength(PIN_LIMITS.tag))), v.maxLength(PIN_LIMITS.tags)),
    ),
  }),
  v.object({
    type: v.literal('pins/remove'),
    ids: v.pipe(v.array(v.pipe(v.string(), v.maxLength(5000))), v.maxLength(10000)),
  }),
  /** Undo of a removal: the pins as they were (validated again by the store). */
  v.object({ type: v.literal('pins/restore'), pins: v.pipe(v.array(v.unknown()), v.maxLength(10000)) }),
  v.object({ type: v.literal('pins/clear') }),
  v.object({ type: v.literal('pins/import'), text: v.pipe(v.string(), v.maxLength(5_000_000)) }),
]);
export type BackgroundRequest = v.InferOutput<typeof BackgroundRequest>;

export function parseBackgroundRequest(message: unknown): BackgroundRequest | null {
  const result = v.safeParse(BackgroundRequest, message);
  return result.success ? result.output : null;
}

/** The background's answer to `card`: the data and which of its facts are pinned from this page. */
export interface CardResponse {
  data: CardData;
  pinnedFacts: string[];
}

export type PinResponse = { ok: true; duplicate: boolean } | { ok: false; error: string };
