// The reader's own knowledge: entries they add (or import in packs) and notes anchored to an
// entity rather than to a page. Every entry and note that enters the store (saved, imported,
// migrated or read back) passes `parseUserEntity` / `parseNote`, so limits and ids are enforced
// in one place and a bad one always comes with the field and a reason a person can read.
import * as v from 'valibot';
import { ID_PATTERN } from '../kb/entity-id';
import { ENTITY_TYPES, type EntityType } from '../kb/vocab';
import { describeIssue, describeValue, normalizeTags, truncate } from '../pins/schema';
import { KNOWLEDGE_LIMITS } from './limits';

/** The pack the reader's own entries and notes belong to (imported ones name their pack). */
export const OWN_PACK = 'mine';
/** How the article's knowledge base is listed beside imported packs. */
export const BUILT_IN_PACK = 'built-in';

export { KNOWLEDGE_LIMITS } from './limits';

export interface UserAlias {
  text: string;
  /** Only this exact capitalisation counts (acronyms: "MoE", "CANN"). */
  caseSensitive?: boolean;
}

/** Text in one language or both; at least one of them for a name. */
export interface Partial2 {
  en?: string;
  zh?: string;
}

export interface UserEntity {
  id: string;
  type: EntityType;
  name: Partial2;
  aliases: UserAlias[];
  /** The reader's description: private, rendered out of the page's reach. */
  summary: Partial2;
  /** Built-in or user entry ids. */
  related: string[];
  /** OWN_PACK, or the id of the imported pack it came from. */
  pack: string;
  /** Looked up on hover or tap only: no standing mark the page could read. */
  lookupOnly: boolean;
  /** Aliases a built-in entry also uses, where the reader chose this entry to win. */
  prefer: string[];
  createdAt: number;
  updatedAt: number;
}

export interface Note {
  id: string;
  entity: string;
  text: string;
  /** The page where it was written (empty for a note written in the side panel). */
  url: string;
  title: string;
  /** The sentence around the mention, as the page's text (never its HTML). */
  quote: string;
  tags: string[];
  createdAt: number;
  updatedAt: number;
  pack: string;
}

export interface PackInfo {
  id: string;
  name: string;
  author: string;
  revision: number;
  enabled: boolean;
  importedAt: number;
}

export interface KnowledgeState {
  entities: UserEntity[];
  /** Newest first. */
  notes: Note[];
  packs: PackInfo[];
}

export const EMPTY_KNOWLEDGE: KnowledgeState = { entities: [], notes: [], packs: [] };

const tooLong = (max: number) => (i: { received: string }) =>
  `is too long (${i.received} characters; at most ${max})`;

const Id = v.pipe(
  v.string('must be text'),
  v.minLength(1, 'must not be empty'),
  v.maxLength(KNOWLEDGE_LIMITS.id, tooLong(KNOWLEDGE_LIMITS.id)),
  v.regex(ID_PATTERN, 'must be an id such as "my-chip" (lower-case letters, digits and single hyphens)'),
);

const text = (max: number) => v.pipe(v.string('must be text'), v.trim(), v.maxLength(max, tooLong(max)));
const time = v.pipe(
  v.number('must be a time in milliseconds since 1970'),
  v.finite('must be a finite number'),
  v.minValue(0, 'must not be before 1970'),
  v.maxValue(8.64e15, 'is not a valid time'),
  v.transform(Math.round),
);
const Langs = (max: number) =>
  v.object(
    { en: v.optional(text(max)), zh: v.optional(text(max)) },
    'must be an object with "en" and/or "zh" text',
  );

const AliasInput = v.union(
  [
    text(KNOWLEDGE_LIMITS.alias),
    v.object({
      text: text(KNOWLEDGE_LIMITS.alias),
      caseSensitive: v.optional(v.boolean('must be true or false')),
    }),
  ],
  'must be text or { "text": …, "caseSensitive": true }',
);

const list = <T extends v.GenericSchema>(item: T, max: number, what: string) =>
  v.pipe(
    v.array(item, `must be a list of ${what}`),
    v.maxLength(max, (i) => `are too many (${i.received}; at most ${max})`),
  );

export const UserEntityInput = v.object(
  {
    id: Id,
    type: v.picklist(ENTITY_TYPES, `must be one of the knowledge base's types (${ENTITY_TYPES.join(', ')})`),
    name: Langs(KNOWLEDGE_LIMITS.name),
    aliases: v.optional(list(AliasInput, KNOWLEDGE_LIMITS.aliases, 'aliases'), []),
    summary: v.optional(Langs(KNOWLEDGE_LIMITS.summary), {}),
    related: v.optional(list(Id, KNOWLEDGE_LIMITS.related, 'entry ids'), []),
    pack: v.optional(Id, OWN_PACK),
    lookupOnly: v.optional(v.boolean('must be true or false'), false),
    prefer: v.optional(list(text(KNOWLEDGE_LIMITS.alias), KNOWLEDGE_LIMITS.aliases, 'aliases'), []),
    createdAt: v.optional(time),
    updatedAt: v.optional(time),
  },
  (i) => `must be an object with the fields of an entry, found ${describeValue(i.input)}`,
);

export const NoteInput = v.object(
  {
    id: v.optional(v.pipe(v.string(), v.maxLength(100))),
    entity: Id,
    text: v.pipe(text(KNOWLEDGE_LIMITS.note), v.minLength(1, 'must not be empty')),
    url: v.optional(
      v.pipe(v.string('must be text'), v.maxLength(KNOWLEDGE_LIMITS.url, tooLong(KNOWLEDGE_LIMITS.url))),
      '',
    ),
    title: v.optional(v.string('must be text'), ''),
    quote: v.optional(v.string('must be text'), ''),
    tags: v.optional(list(text(KNOWLEDGE_LIMITS.tag), KNOWLEDGE_LIMITS.tags, 'tags'), []),
    createdAt: v.optional(time),
    updatedAt: v.optional(time),
    pack: v.optional(Id, OWN_PACK),
  },
  (i) => `must be an object with the fields of a note, found ${describeValue(i.input)}`,
);

export type Parsed<T> = { ok: true; value: T } | { ok: false; field: string; reason: string };

function failure(issue: v.BaseIssue<unknown>): { ok: false; field: string; reason: string } {
  const field = (issue.path ?? []).map((p) => String(p.key)).join('.');
  return { ok: false, field, reason: describeIssue(issue) };
}

const clean = (l: { en?: string | undefined; zh?: string | undefined }): Partial2 => {
  const out: Partial2 = {};
  if (l.en) out.en = l.en;
  if (l.zh) out.zh = l.zh;
  return out;
};

/** The entity's own words, whitespace collapsed (an alias is matched as one line of text). */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export function parseUserEntity(input: unknown, now = Date.now()): Parsed<UserEntity> {
  if (Array.isArray(input)) return { ok: false, field: '', reason: 'must be an entry object, found a list' };
  const result = v.safeParse(UserEntityInput, input);
  if (!result.success) return failure(result.issues[0]);
  const e = result.output;
  const name = clean({ en: e.name.en && oneLine(e.name.en), zh: e.name.zh && oneLine(e.name.zh) });
  if (!name.en && !name.zh)
    return { ok: false, field: 'name', reason: 'name needs an English or a Chinese name' };
  const seen = new Set<string>();
  const aliases: UserAlias[] = [];
  // The names are aliases too: an entry is found by what it is called.
  const raw = [...e.aliases, ...(name.en ? [name.en] : []), ...(name.zh ? [name.zh] : [])];
  for (const a of raw) {
    const alias =
      typeof a === 'string'
        ? { text: oneLine(a) }
        : { text: oneLine(a.text), caseSensitive: a.caseSensitive };
    const key = alias.caseSensitive ? alias.text : alias.text.toLowerCase();
    if (!alias.text || seen.has(key)) continue;
    seen.add(key);
    aliases.push(alias.caseSensitive ? { text: alias.text, caseSensitive: true } : { text: alias.text });
  }
  const createdAt = e.createdAt ?? now;
  return {
    ok: true,
    value: {
      id: e.id,
      type: e.type,
      name,
      aliases,
      summary: clean(e.summary),
      related: [...new Set(e.related.filter((r) => r !== e.id))],
      pack: e.pack,
      lookupOnly: e.lookupOnly,
      prefer: [...new Set(e.prefer.map(oneLine).filter(Boolean))],
      createdAt,
      updatedAt: e.updatedAt ?? createdAt,
    },
  };
}

export function parseNote(input: unknown, now = Date.now()): Parsed<Note> {
  if (Array.isArray(input)) return { ok: false, field: '', reason: 'must be a note object, found a list' };
  const result = v.safeParse(NoteInput, input);
  if (!result.success) return failure(result.issues[0]);
  const n = result.output;
  const createdAt = n.createdAt ?? now;
  return {
    ok: true,
    value: {
      id: n.id || noteId(createdAt),
      entity: n.entity,
      text: n.text,
      url: n.url,
      title: truncate(oneLine(n.title), KNOWLEDGE_LIMITS.title),
      // A quote is bounded rather than refused: it comes from a page, not from the reader.
      quote: truncate(oneLine(n.quote), KNOWLEDGE_LIMITS.quote),
      tags: normalizeTags(n.tags),
      createdAt,
      updatedAt: n.updatedAt ?? createdAt,
      pack: n.pack,
    },
  };
}

let noteCounter = 0;
export function noteId(at = Date.now()): string {
  noteCounter = (noteCounter + 1) % 1296;
  return `n-${at.toString(36)}-${noteCounter.toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

/** An id for a new entry from its name: kebab-case of the English name, else `entry-<time>`. */
export function entityIdFor(name: Partial2, taken: (id: string) => boolean, at = Date.now()): string {
  // The name comes from a message or a form before it is validated: anything but text has no slug.
  const slug = (typeof name.en === 'string' ? name.en : '')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  // "Constructor" or "Prototype" would make ids a pack reader refuses (prototype keys).
  const base = slug && slug !== 'constructor' && slug !== 'prototype' ? slug : `entry-${at.toString(36)}`;
  if (!taken(base)) return base;
  for (let i = 2; ; i++) if (!taken(`${base}-${i}`)) return `${base}-${i}`;
}

/** The name in the wanted language, else the other one. */
export function nameIn(name: Partial2, lang: 'en' | 'zh'): string {
  return (lang === 'zh' ? (name.zh ?? name.en) : (name.en ?? name.zh)) ?? '';
}

/** Newest first; ties by id so the order never depends on storage order. */
export function notesByNewest(a: Note, b: Note): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
