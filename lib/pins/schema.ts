// The pin: one fact a reader kept from one page, with their note and tags. Every pin that enters
// the store (added, restored, imported, migrated or read back) passes `parsePin`, so limits and ids
// are enforced in one place and a bad entry always comes with a reason a person can read.

import * as v from 'valibot';
import { ID_PATTERN } from '../kb/entity-id';
import { PIN_LIMITS } from './limits';

export { PIN_LIMITS } from './limits';

export interface Pin {
  /** Derived from factId and the page URL without its #fragment: one pin per fact per page. */
  id: string;
  factId: string;
  /** The entity the reader was looking at when they pinned the fact. */
  entity: string;
  url: string;
  title: string;
  /** Milliseconds since the epoch. */
  pinnedAt: number;
  note: string;
  tags: string[];
  /**
   * The sentence where the reader met the entity, as the page's text: one line, at most
   * PIN_LIMITS.quote characters (cut, never refused), empty when there was none.
   */
  quote: string;
}

const kbId = () =>
  v.pipe(
    v.string('must be text'),
    v.minLength(1, 'must not be empty'),
    v.maxLength(PIN_LIMITS.id, (i) => `is too long (${i.received} characters; at most ${PIN_LIMITS.id})`),
    v.regex(ID_PATTERN, 'must be an id such as "deepseek" (lower-case letters, digits and single hyphens)'),
  );

const Tag = v.pipe(
  v.string('must be text'),
  v.trim(),
  v.minLength(1, 'must not be empty'),
  v.maxLength(PIN_LIMITS.tag, (i) => `is too long (${i.received} characters; at most ${PIN_LIMITS.tag})`),
);

/**
 * What a stored or imported pin must look like. `id` is recomputed rather than trusted, and a
 * missing title, note, tags or quote default to empty; unknown keys are ignored. A quote of any
 * length is accepted here and bounded by `parsePin`.
 */
export const PinInput = v.object(
  {
    id: v.optional(v.string('must be text')),
    factId: kbId(),
    entity: kbId(),
    url: v.pipe(
      v.string('must be text'),
      v.minLength(1, 'must not be empty'),
      v.maxLength(PIN_LIMITS.url, (i) => `is too long (${i.received} characters; at most ${PIN_LIMITS.url})`),
    ),
    title: v.optional(
      v.pipe(
        v.string('must be text'),
        v.maxLength(
          PIN_LIMITS.title,
          (i) => `is too long (${i.received} characters; at most ${PIN_LIMITS.title})`,
        ),
      ),
      '',
    ),
    pinnedAt: v.pipe(
      v.number('must be a time in milliseconds since 1970'),
      v.finite('must be a finite number'),
      v.minValue(0, 'must not be before 1970'),
      v.maxValue(8.64e15, 'is not a valid time'),
      v.transform(Math.round),
    ),
    note: v.optional(
      v.pipe(
        v.string('must be text'),
        v.maxLength(
          PIN_LIMITS.note,
          (i) => `is too long (${i.received} characters; at most ${PIN_LIMITS.note})`,
        ),
      ),
      '',
    ),
    tags: v.optional(
      v.pipe(
        v.array(Tag, 'must be a list of tags'),
        v.maxLength(PIN_LIMITS.tags, (i) => `are too many (${i.received}; at most ${PIN_LIMITS.tags})`),
      ),
      [],
    ),
    quote: v.optional(v.nullable(v.string('must be text')), ''),
  },
  (i) => `must be an object with the fields of a pin, found ${describeValue(i.input)}`,
);

export type ParsedPin = { ok: true; pin: Pin } | { ok: false; reason: string };

export function parsePin(input: unknown): ParsedPin {
  // Valibot's object schema accepts arrays; a list is never a pin.
  if (Array.isArray(input))
    return { ok: false, reason: 'must be an object with the fields of a pin, found a list' };
  const result = v.safeParse(PinInput, input);
  if (!result.success) return { ok: false, reason: describeIssue(result.issues[0]) };
  const p = result.output;
  return {
    ok: true,
    pin: {
      id: pinId(p.factId, p.url),
      factId: p.factId,
      entity: p.entity,
      url: p.url,
      title: p.title,
      pinnedAt: p.pinnedAt,
      note: p.note,
      tags: normalizeTags(p.tags),
      quote: boundQuote(p.quote ?? ''),
    },
  };
}

/**
 * A quote as a pin keeps it: whitespace (line breaks, tabs, runs of spaces) collapsed to single
 * spaces and trimmed, then cut to PIN_LIMITS.quote. It comes from a page, not from the reader, so
 * its length is bounded rather than a reason to refuse the pin.
 */
export function boundQuote(text: string): string {
  return truncate(text.replace(/\s+/g, ' ').trim(), PIN_LIMITS.quote).trimEnd();
}

/** "note is too long (6000 characters; at most 5000)", "missing field \"factId\"". */
export function describeIssue(issue: v.BaseIssue<unknown>): string {
  const keys = (issue.path ?? []).map((item) => String(item.key));
  const field = keys.length ? keys.join('.') : '';
  // Valibot reports a missing key as an object issue whose input is undefined.
  if (issue.type === 'object' && issue.input === undefined && field) return `missing field "${field}"`;
  return field ? `${field} ${issue.message}` : issue.message;
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** The page a pin belongs to: the URL without its #fragment. */
export function pageOf(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/** Stable, short and deterministic: the same fact pinned from the same page always has this id. */
export function pinId(factId: string, url: string): string {
  return `${factId}@${hash53(pageOf(url)).toString(36)}`;
}

/** Trimmed, non-empty and unique regardless of case (the first spelling wins), in order. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim();
    const key = tag.toLocaleLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/** Cuts text to at most `max` UTF-16 units without splitting a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** Newest first; ties by id so the order never depends on storage order. */
export function byNewest(a: Pin, b: Pin): number {
  return b.pinnedAt - a.pinnedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** cyrb53: a fast 53-bit string hash; collisions are negligible at the scale of a reader's pins. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
