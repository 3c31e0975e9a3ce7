// The desk: the reader's pins and notes in one list, newest first, with the search and filters
// the side panel offers over both. Pure (no browser, no strings): the view supplies the words
// an item is found by (fact texts, entity names) and renders what this returns.
import Fuse from 'fuse.js';
import type { Note } from '@/lib/knowledge/schema';
import type { ExportItem } from '@/lib/pins/export';
import { type Pin, truncate } from '@/lib/pins/schema';

export type DeskItem =
  | { kind: 'pin'; key: string; at: number; entity: string; tags: readonly string[]; pin: Pin }
  | { kind: 'note'; key: string; at: number; entity: string; tags: readonly string[]; note: Note };

/** Which kinds of item the desk shows. */
export const DESK_KINDS = ['all', 'pins', 'notes'] as const;
export type DeskKind = (typeof DESK_KINDS)[number];

export interface DeskFilter {
  /** Fuzzy search; results come in order of relevance instead of time. */
  query?: string;
  kind?: DeskKind;
  /** A tag, matched regardless of case. */
  tag?: string;
  /** An entity id. */
  entity?: string;
}

/** The words an item is searched by, as the view knows them. */
export interface SearchText {
  /** The entity's names, in both languages. */
  names: string;
  /** A pin's fact, in both languages (empty for a note). */
  fact: string;
  /** A pin's note or a note's text. */
  text: string;
  quote: string;
  tags: string;
  title: string;
}

const pinItem = (pin: Pin): DeskItem => ({
  kind: 'pin',
  key: `pin:${pin.id}`,
  at: pin.pinnedAt,
  entity: pin.entity,
  tags: pin.tags,
  pin,
});

const noteItem = (note: Note): DeskItem => ({
  kind: 'note',
  key: `note:${note.id}`,
  at: note.createdAt,
  entity: note.entity,
  tags: note.tags,
  note,
});

/** Newest first (pinned or written); ties by key, so the order never depends on storage order. */
export function byNewestItem(a: DeskItem, b: DeskItem): number {
  return b.at - a.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Pins and notes as one list, newest first. */
export function mergeDesk(pins: readonly Pin[], notes: readonly Note[]): DeskItem[] {
  return [...pins.map(pinItem), ...notes.map(noteItem)].sort(byNewestItem);
}

/** Every tag on the desk once, regardless of case (the first spelling met), sorted. */
export function deskTags(items: readonly DeskItem[]): string[] {
  const seen = new Map<string, string>();
  for (const item of items)
    for (const tag of item.tags) {
      const key = tag.toLocaleLowerCase();
      if (!seen.has(key)) seen.set(key, tag);
    }
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}

/** Every entity on the desk once, in the order its first item comes. */
export function deskEntities(items: readonly DeskItem[]): string[] {
  return [...new Set(items.map((item) => item.entity))];
}

export function kindMatches(item: DeskItem, kind: DeskKind = 'all'): boolean {
  return kind === 'all' || (kind === 'pins' ? item.kind === 'pin' : item.kind === 'note');
}

/** A fuzzy search over the items: names, fact texts, note texts, quotes, tags and page titles. */
export function createDeskSearch(
  items: readonly DeskItem[],
  describe: (item: DeskItem) => SearchText,
): (query: string) => DeskItem[] {
  const fuse = new Fuse(
    items.map((item) => ({ item, ...describe(item) })),
    {
      keys: ['names', 'fact', 'text', 'quote', 'tags', 'title'],
      ignoreLocation: true,
      threshold: 0.35,
    },
  );
  return (query) => fuse.search(query).map((r) => r.item.item);
}

/**
 * What the desk shows: the search's matches (by relevance) or every item (newest first), of the
 * chosen kind, tag and entity.
 */
export function filterDesk(
  items: readonly DeskItem[],
  filter: DeskFilter,
  search?: (query: string) => DeskItem[],
): DeskItem[] {
  const query = filter.query?.trim() ?? '';
  const tag = filter.tag?.toLocaleLowerCase();
  const list = query && search ? search(query) : [...items];
  return list.filter(
    (item) =>
      kindMatches(item, filter.kind) &&
      (!tag || item.tags.some((t) => t.toLocaleLowerCase() === tag)) &&
      (!filter.entity || item.entity === filter.entity),
  );
}

/** The items under their entity, each entity where its first item comes. */
export function groupByEntity(items: readonly DeskItem[]): { entity: string; items: DeskItem[] }[] {
  const groups = new Map<string, DeskItem[]>();
  for (const item of items) {
    const list = groups.get(item.entity);
    if (list) list.push(item);
    else groups.set(item.entity, [item]);
  }
  return [...groups].map(([entity, list]) => ({ entity, items: list }));
}

export function countKinds(items: readonly DeskItem[]): { pins: number; notes: number } {
  let pins = 0;
  for (const item of items) if (item.kind === 'pin') pins++;
  return { pins, notes: items.length - pins };
}

/** The items as the exports take them, in the same order. */
export function toExportItems(items: readonly DeskItem[]): ExportItem[] {
  return items.map((item) =>
    item.kind === 'pin' ? { kind: 'pin', pin: item.pin } : { kind: 'note', note: item.note },
  );
}

/**
 * Tags as typed in a tag field: separated by commas (ASCII, full-width or 、), trimmed, once each
 * regardless of case, at most `max` of at most `length` characters.
 */
export function parseTagInput(text: string, max = 20, length = 40): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/[,，、]/)) {
    const tag = truncate(raw.trim(), length).trim();
    const key = tag.toLocaleLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out.slice(0, max);
}

/** A DOM id from a store id (which may hold any character). */
export function domId(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** Whether two tag lists are the same, in order. */
export function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, i) => tag === b[i]);
}
