// Requests to the background from the content script and the extension pages, validated with a
// schema: a message is data from another context, never trusted.
import * as v from 'valibot';
import { ID_PATTERN, MAX_ID_LENGTH } from '../kb/entity-id';
import { KNOWLEDGE_LIMITS } from '../knowledge/limits';
import { PIN_LIMITS } from '../pins/limits';

// The answers live apart, free of the schema library: the content script checks answers but
// never parses requests, so it must not carry valibot.
export * from './background-answers';

/** Largest pack text a message may carry; the pack reader reports larger files by their size. */
export const PACK_TEXT_LIMIT = 20_000_000;

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
    /** The sentence where the reader met the entity (the page's text); the store cuts it to size. */
    quote: v.optional(v.pipe(v.string(), v.maxLength(KNOWLEDGE_LIMITS.quote * 4))),
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
  // The reader's own knowledge; the background is its only writer (utils/knowledge-store.ts),
  // and every entry or note is validated again there.
  /** A note on an entry, from a card (with the page and the quote) or the side panel. */
  v.object({
    type: v.literal('notes/add'),
    entity: EntityId,
    text: v.pipe(v.string(), v.maxLength(KNOWLEDGE_LIMITS.note)),
    url: v.optional(Url),
    title: v.optional(v.pipe(v.string(), v.maxLength(KNOWLEDGE_LIMITS.title))),
    quote: v.optional(v.pipe(v.string(), v.maxLength(KNOWLEDGE_LIMITS.quote * 4))),
    tags: v.optional(
      v.pipe(
        v.array(v.pipe(v.string(), v.maxLength(KNOWLEDGE_LIMITS.tag))),
        v.maxLength(KNOWLEDGE_LIMITS.tags),
      ),
    ),
  }),
  v.object({
    type: v.literal('notes/update'),
    id: v.pipe(v.string(), v.maxLength(100)),
    text: v.optional(v.pipe(v.string(), v.maxLength(KNOWLEDGE_LIMITS.note))),
    tags: v.optional(
      v.pipe(
        v.array(v.pipe(v.string(), v.maxLength(KNOWLEDGE_LIMITS.tag))),
        v.maxLength(KNOWLEDGE_LIMITS.tags),
      ),
    ),
  }),
  v.object({
    type: v.literal('notes/remove'),
    ids: v.pipe(v.array(v.pipe(v.string(), v.maxLength(100))), v.maxLength(KNOWLEDGE_LIMITS.notes)),
  }),
  /** Undo of a removal: the notes as they were. */
  v.object({
    type: v.literal('notes/restore'),
    notes: v.pipe(v.array(v.unknown()), v.maxLength(KNOWLEDGE_LIMITS.notes)),
  }),
  /**
   * Saves an entry (new, or replacing `previousId`). `force` saves despite warnings; refused
   * aliases are never saved.
   */
  v.object({
    type: v.literal('entities/save'),
    entity: v.unknown(),
    previousId: v.optional(EntityId),
  }),
  v.object({
    type: v.literal('entities/remove'),
    ids: v.pipe(v.array(EntityId), v.maxLength(KNOWLEDGE_LIMITS.entities)),
  }),
  /** Undo of a removal: the entries and their notes as they were. */
  v.object({
    type: v.literal('entities/restore'),
    entities: v.pipe(v.array(v.unknown()), v.maxLength(KNOWLEDGE_LIMITS.entities)),
    notes: v.pipe(v.array(v.unknown()), v.maxLength(KNOWLEDGE_LIMITS.notes)),
  }),
  /** A pack file's text; the report says what was accepted, skipped and why. */
  v.object({ type: v.literal('packs/import'), text: v.pipe(v.string(), v.maxLength(PACK_TEXT_LIMIT)) }),
  v.object({ type: v.literal('packs/set-enabled'), id: EntityId, enabled: v.boolean() }),
  v.object({ type: v.literal('packs/remove'), id: EntityId }),
  /** Deletes the reader's own entries and notes (not imported packs). */
  v.object({ type: v.literal('knowledge/clear') }),
]);
export type BackgroundRequest = v.InferOutput<typeof BackgroundRequest>;

export function parseBackgroundRequest(message: unknown): BackgroundRequest | null {
  const result = v.safeParse(BackgroundRequest, message);
  return result.success ? result.output : null;
}

export type BackgroundType = BackgroundRequest['type'];
export type RequestOf<K extends BackgroundType> = Extract<BackgroundRequest, { type: K }>;

/** Requests only the extension's own pages may make (not content scripts, which run in pages). */
const PAGES_ONLY = new Set<BackgroundType>([
  'pins/update',
  'pins/remove',
  'pins/restore',
  'pins/clear',
  'pins/import',
  'step',
  'notes/remove',
  'notes/restore',
  'entities/save',
  'entities/remove',
  'entities/restore',
  'packs/import',
  'packs/set-enabled',
  'packs/remove',
  'knowledge/clear',
]);

/**
 * Whether the background takes a request from this sender: only from the extension itself (its
 * pages, or its content scripts, which Chrome and Firefox mark with our id), and the requests that
 * change pins or drive another tab only from its pages. Web pages can't reach the background at
 * all (no externally_connectable); this is the second line.
 */
export function acceptsSender(
  request: BackgroundRequest,
  sender: { id?: string; url?: string },
  self: { id: string; origin: string },
): boolean {
  if (sender.id !== self.id) return false;
  // A content script's sender URL is the web page's; the extension's pages have its origin,
  // whether in a tab, the popup or the side panel.
  return !PAGES_ONLY.has(request.type) || sender.url?.startsWith(self.origin) === true;
}
