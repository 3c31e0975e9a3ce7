// Pack files: the reader's own entries and notes as shareable JSON, and someone else's read back.
// A pack comes from anywhere, so reading it never throws and never trusts it: the whole file is
// refused only for a fatal problem (not JSON, too big, wrong format, newer version, too many
// entries); otherwise each bad entry or note is skipped with one error naming its field, and
// what is dropped or only risky (an alias a built-in uses, markup in a name) is a warning.
// Pure, so the store, the import UI and `npm run pack -- check` report the same problems.
import { type AliasVerdict, aliasKey, builtInAliasIndex, checkAliases, detectableAliases } from './guard';
import {
  KNOWLEDGE_LIMITS,
  type KnowledgeState,
  type Note,
  nameIn,
  OWN_PACK,
  type Parsed,
  parseNote,
  parseUserEntity,
  type UserEntity,
} from './schema';

export const PACK_FORMAT = 'factlens-pack';
export const PACK_VERSION = 1;
export const PACK_LIMITS = { bytes: 20_000_000, entities: 5000, notes: 20000 };

export interface PackProblem {
  severity: 'error' | 'warning';
  kind: 'pack' | 'entity' | 'note';
  /** The entry id, a note's id, or `entities[3]` / `notes[3]` when it has none worth showing. */
  id: string;
  /** Where in the entry: "aliases[0]", "name.en"; "" for the whole thing. */
  field: string;
  message: string;
}

export interface PackInfoRead {
  id: string;
  name: string;
  author: string;
  revision: number;
  own: boolean;
}

export interface ReadPack {
  /** False: nothing can be imported at all (the problems hold the fatal one). */
  ok: boolean;
  info: PackInfoRead;
  entities: UserEntity[];
  notes: Note[];
  problems: PackProblem[];
  accepted: { entities: number; notes: number };
  skipped: { entities: number; notes: number };
}

export interface PackContext {
  builtIn: {
    ids: ReadonlySet<string>;
    /** aliasKey → built-in id (guard.builtInAliasIndex). */
    aliases: ReadonlyMap<string, string>;
    /** Built-in id → display name, so a clash can name the entry; optional. */
    names?: ReadonlyMap<string, string>;
  };
  /** Entries the reader already has (other packs' too), which notes may be about. */
  known?: (id: string) => boolean;
  now?: number;
}

/** Numbered by the version each produces (as lib/pins/migrations.ts); version 1 is the first. */
export const PACK_MIGRATIONS: Record<number, (pack: unknown) => unknown> = {};

/** Runs each migration after `fromVersion`, up to the highest version the table produces. */
export function migratePack(
  value: unknown,
  fromVersion: number,
  migrations: Record<number, (pack: unknown) => unknown> = PACK_MIGRATIONS,
): unknown {
  const to = Math.max(PACK_VERSION, ...Object.keys(migrations).map(Number));
  let out = value;
  for (let version = Math.max(fromVersion, 1) + 1; version <= to; version++) {
    out = migrations[version]?.(out) ?? out;
  }
  return out;
}

export function packContextFromKb(kb: {
  entities: { id: string; aliases: string[]; name?: { en?: string; zh?: string } }[];
}): PackContext['builtIn'] {
  return {
    ids: new Set(kb.entities.map((e) => e.id)),
    aliases: builtInAliasIndex(kb.entities),
    names: new Map(kb.entities.map((e) => [e.id, e.name ? nameIn(e.name, 'en') : e.id])),
  };
}

// A pack is nested five levels deep; far deeper is hostile, and would make JSON.parse slow and
// its reviver overflow the stack.
const MAX_DEPTH = 64;
// Keys that name properties of every JavaScript object: dropped while parsing, so no later code
// can copy them onto an object's prototype. The ids are refused too: stores and messages may
// key plain objects by id.
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);
// A tag as a browser reads one ("<b", "</b", "<!--"): "a < b" is a comparison, not markup.
const MARKUP = /<\/?[a-z][a-z0-9-]*(?:[\s/][^<>]*)?>|<!--|<script/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const UNNAMED = 'Unnamed pack';

type Problems = PackProblem[];
type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const describe = (v: unknown) =>
  v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;
const quoted = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);
/** Valibot paths read "aliases.0.text"; reports say "aliases[0].text". */
const bracket = (s: string) => s.replace(/\.(\d+)(?=\.|$| )/g, '[$1]');
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function readPack(text: string, ctx: PackContext): ReadPack {
  const now = ctx.now ?? Date.now();
  const problems: Problems = [];
  const info: PackInfoRead = { id: 'pack-unnamed', name: UNNAMED, author: '', revision: 1, own: false };
  const fatal = (field: string, message: string, skipped = { entities: 0, notes: 0 }): ReadPack => {
    problems.push({ severity: 'error', kind: 'pack', id: info.id, field, message });
    return {
      ok: false,
      info,
      entities: [],
      notes: [],
      problems,
      accepted: { entities: 0, notes: 0 },
      skipped,
    };
  };

  const parsed = parseEnvelope(text);
  if ('fatal' in parsed) return fatal(parsed.field, parsed.fatal);
  let data: unknown = parsed.data;
  if (parsed.version < PACK_VERSION) {
    try {
      data = migratePack(data, parsed.version);
    } catch (error) {
      return fatal(
        'version',
        `the pack could not be upgraded from format version ${parsed.version} (${error})`,
      );
    }
  }
  if (!isObject(data)) return fatal('', `upgrading the pack from version ${parsed.version} left no pack`);
  readInfo(data, info, problems);
  if (parsed.reserved) {
    problems.push({
      severity: 'warning',
      kind: 'pack',
      id: info.id,
      field: '',
      message: `ignored ${plural(parsed.reserved, 'field')} named __proto__, constructor or prototype`,
    });
  }

  const entities = data.entities ?? [];
  const notes = data.notes ?? [];
  if (!Array.isArray(entities))
    return fatal('entities', `"entities" must be a list of entries, found ${describe(entities)}`);
  if (!Array.isArray(notes))
    return fatal('notes', `"notes" must be a list of notes, found ${describe(notes)}`);
  // Refused by count before any entry is looked at: a 100,000-entry file costs one parse.
  const skippedAll = { entities: entities.length, notes: notes.length };
  if (entities.length > PACK_LIMITS.entities) {
    return fatal(
      'entities',
      `the pack holds ${entities.length} entries; at most ${PACK_LIMITS.entities} can be imported`,
      skippedAll,
    );
  }
  if (notes.length > PACK_LIMITS.notes) {
    return fatal(
      'notes',
      `the pack holds ${notes.length} notes; at most ${PACK_LIMITS.notes} can be imported`,
      skippedAll,
    );
  }
  if (entities.length === 0 && notes.length === 0) {
    problems.push({
      severity: 'warning',
      kind: 'pack',
      id: info.id,
      field: '',
      message: 'the pack holds no entries and no notes',
    });
  }

  const pack = info.own ? OWN_PACK : info.id;
  const readEntities = readEntityList(entities, pack, ctx.builtIn, now, problems);
  const readNotes = readNoteList(
    notes,
    pack,
    ctx.builtIn.ids,
    new Set(readEntities.map((e) => e.id)),
    now,
    problems,
    ctx.known,
  );
  return {
    ok: true,
    info,
    entities: readEntities,
    notes: readNotes,
    problems,
    accepted: { entities: readEntities.length, notes: readNotes.length },
    skipped: { entities: entities.length - readEntities.length, notes: notes.length - readNotes.length },
  };
}

type Envelope = { data: Obj; version: number; reserved: number } | { fatal: string; field: string };

/** The text as a pack object of a version this code can read, or why not. */
function parseEnvelope(text: string): Envelope {
  const fail = (fatal: string, field = '') => ({ fatal, field });
  if (typeof text !== 'string') return fail('nothing to read: the pack could not be read as text');
  // Measured before parsing, so a huge file costs nothing but its length.
  if (text.length > PACK_LIMITS.bytes) {
    const mb = (text.length / 1_000_000).toFixed(1);
    return fail(
      `the pack is too large to import (${mb} MB; the limit is ${PACK_LIMITS.bytes / 1_000_000} MB)`,
    );
  }
  const body = text.replace(/^\uFEFF/, '').trim();
  if (!body) return fail('the pack is empty');
  if (nestingDepth(body) > MAX_DEPTH) {
    return fail(
      `the pack nests lists and objects more than ${MAX_DEPTH} levels deep, so it is not a Factlens pack`,
    );
  }
  let reserved = 0;
  let data: unknown;
  try {
    data = JSON.parse(body, (key, value: unknown) => {
      if (!RESERVED.has(key)) return value;
      reserved++;
      return undefined;
    });
  } catch (error) {
    return fail(`the pack is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!isObject(data)) {
    return fail(
      `the file is not a Factlens pack: expected a JSON object with "format": "${PACK_FORMAT}", found ${describe(data)}`,
    );
  }
  if (data.format !== PACK_FORMAT) {
    const what =
      data.format === undefined
        ? 'it has no "format" field'
        : `its "format" is ${typeof data.format === 'string' ? quoted(data.format) : describe(data.format)}`;
    return fail(`the file is not a Factlens pack: ${what} (expected "${PACK_FORMAT}")`, 'format');
  }
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    const found =
      version === undefined
        ? 'it has none'
        : `found ${typeof version === 'number' ? version : describe(version)}`;
    return fail(`the pack has no valid "version" (a whole number from 1; ${found})`, 'version');
  }
  if (version > PACK_VERSION) {
    return fail(
      `the pack was made by a newer version of Factlens (pack format ${version}; this one reads up to ${PACK_VERSION}); update Factlens to import it`,
      'version',
    );
  }
  return { data, version, reserved };
}

/** The deepest nesting of [ and { outside strings: one pass, no allocation. */
function nestingDepth(json: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) max = depth;
      if (max > MAX_DEPTH) return max;
    } else if (c === 93 || c === 125) depth--;
  }
  return max;
}

function readInfo(data: Obj, info: PackInfoRead, problems: Problems): void {
  const warn = (field: string, message: string) =>
    problems.push({ severity: 'warning', kind: 'pack', id: info.id, field, message });
  info.own = data.own === true;
  const name = typeof data.name === 'string' ? data.name.replace(/\s+/g, ' ').trim() : '';
  if (name.length > KNOWLEDGE_LIMITS.packName) {
    warn(
      'name',
      `the name is too long (${name.length} characters); it is cut to ${KNOWLEDGE_LIMITS.packName}`,
    );
  }
  info.name = name.slice(0, KNOWLEDGE_LIMITS.packName) || UNNAMED;
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  info.id = info.own ? OWN_PACK : `pack-${slug || 'unnamed'}`;
  if (!name) warn('name', `the pack has no "name"; it is listed as "${UNNAMED}"`);
  if (typeof data.author === 'string')
    info.author = data.author.replace(/\s+/g, ' ').trim().slice(0, KNOWLEDGE_LIMITS.packName);
  else if (data.author !== undefined)
    warn('author', `"author" must be text, found ${describe(data.author)}; it is left out`);
  const revision = data.revision;
  if (typeof revision === 'number' && Number.isInteger(revision) && revision >= 1) info.revision = revision;
  else if (revision !== undefined)
    warn('revision', `"revision" must be a whole number from 1; it is read as 1`);
}

/** An ISO 8601 string as ms; undefined when absent, NaN when not such a date. */
function isoTime(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !ISO_DATE.test(value.trim())) return Number.NaN;
  return Date.parse(value.trim());
}

/** Without the fields the file leaves out, so a missing one reads "missing field". */
const present = (fields: Obj): Obj =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));

const aliasTextOf = (a: unknown) =>
  typeof a === 'string' ? a : isObject(a) && typeof a.text === 'string' ? a.text : '';

type Report = (severity: PackProblem['severity'], field: string, message: string) => void;

function readEntityList(
  list: unknown[],
  pack: string,
  builtIn: PackContext['builtIn'],
  now: number,
  problems: Problems,
): UserEntity[] {
  const accepted: UserEntity[] = [];
  const ids = new Set<string>();
  /** Aliases of the pack's earlier entries: between two of them, the first keeps one. */
  const packAliases = new Map<string, string>();
  for (let index = 0; index < list.length; index++) {
    const raw = list[index];
    const label =
      isObject(raw) && typeof raw.id === 'string' && raw.id.trim()
        ? raw.id.trim().slice(0, 80)
        : `entities[${index}]`;
    const report: Report = (severity, field, message) => {
      problems.push({ severity, kind: 'entity', id: label, field, message });
    };
    const entity = readEntity(raw, pack, now, builtIn, ids, report);
    if (!entity) continue;
    ids.add(entity.id);
    checkEntity(entity, raw, builtIn.aliases, packAliases, report);
    accepted.push(entity);
  }
  // Related ids may name later entries of the pack, so they are checked once all are known.
  for (const entity of accepted) {
    entity.related.forEach((r, i) => {
      if (builtIn.ids.has(r) || ids.has(r)) return;
      problems.push({
        severity: 'warning',
        kind: 'entity',
        id: entity.id,
        field: `related[${i}]`,
        message: `related entry "${r}" is neither a built-in entry nor in the pack`,
      });
    });
  }
  return accepted;
}

/** The entry, or null after reporting the one error that skips it. */
function readEntity(
  raw: unknown,
  pack: string,
  now: number,
  builtIn: PackContext['builtIn'],
  ids: ReadonlySet<string>,
  report: Report,
): UserEntity | null {
  const skip = (field: string, message: string) => {
    report('error', field, message);
    return null;
  };
  const parsed = parseEntity(raw, pack, now);
  if (!parsed.ok) return skip(bracket(parsed.field), bracket(parsed.reason));
  const entity = parsed.value;
  if (RESERVED.has(entity.id)) {
    return skip('id', `id "${entity.id}" is reserved: it names a property every JavaScript object has`);
  }
  if (builtIn.ids.has(entity.id)) {
    const name = builtIn.names?.get(entity.id);
    return skip(
      'id',
      `pack entry "${entity.id}" clashes with the built-in entry "${entity.id}"${name ? ` (${name})` : ''}`,
    );
  }
  if (ids.has(entity.id)) {
    return skip('id', `entry "${entity.id}" appears more than once in the pack; only the first is imported`);
  }
  if (parsed.badDate) {
    report('warning', parsed.badDate, `${parsed.badDate} is not an ISO 8601 date; the import time is used`);
  }
  return entity;
}

/** Warnings of an accepted entry; refused aliases leave it. */
function checkEntity(
  entity: UserEntity,
  raw: unknown,
  builtInAliases: ReadonlyMap<string, string>,
  packAliases: Map<string, string>,
  report: Report,
): void {
  const rawAliases = isObject(raw) && Array.isArray(raw.aliases) ? raw.aliases : [];
  const fieldOf = (alias: string) => {
    const at = rawAliases.findIndex((a) => aliasKey(aliasTextOf(a)) === aliasKey(alias));
    return at >= 0 ? `aliases[${at}]` : 'name';
  };
  const verdicts = checkAliases(entity, { builtIn: builtInAliases, others: [] });
  const refused = new Set(verdicts.filter((v) => v.level === 'refuse').map((v) => v.alias));
  entity.aliases = entity.aliases.filter((a) => !refused.has(a.text.trim()));
  for (const v of verdicts) reportAlias(v, entity, fieldOf(v.alias), report);
  const detectable = detectableAliases(entity, verdicts).filter((a) => {
    const key = aliasKey(a.text);
    const first = packAliases.get(key);
    if (first === undefined) {
      packAliases.set(key, entity.id);
      return true;
    }
    report(
      'warning',
      fieldOf(a.text),
      `alias "${a.text}" is also the pack entry "${first}"'s; the first entry keeps it`,
    );
    return false;
  });
  if (detectable.length === 0) {
    report('warning', 'aliases', 'has no alias the detector can use: it will not be marked on pages');
  }
  for (const [field, value] of [
    ['name.en', entity.name.en],
    ['name.zh', entity.name.zh],
    ['summary.en', entity.summary.en],
    ['summary.zh', entity.summary.zh],
  ] as const) {
    if (value && MARKUP.test(value)) {
      report('warning', field, 'contains markup; it is shown as plain text, never as HTML');
    }
  }
}

function reportAlias(v: AliasVerdict, entity: UserEntity, field: string, report: Report): void {
  if (v.level === 'refuse') {
    report('warning', field, `alias "${v.alias}" ${v.reason}; it is dropped`);
  } else if (v.problem !== 'builtin-conflict') {
    report('warning', field, `alias "${v.alias}" ${v.reason}`);
  } else if (!entity.prefer.some((p) => aliasKey(p) === aliasKey(v.alias))) {
    report(
      'warning',
      field,
      `alias "${v.alias}" is also the built-in entry "${v.entity}"'s; the built-in entry wins unless listed in prefer`,
    );
  }
}

/** The entity fields a pack may set, picked by name: nothing else of the file reaches the store. */
function parseEntity(raw: unknown, pack: string, now: number): Parsed<UserEntity> & { badDate?: string } {
  if (!isObject(raw)) {
    return { ok: false, field: '', reason: `must be an entry object, found ${describe(raw)}` };
  }
  let badDate: string | undefined;
  const time = (field: 'createdAt' | 'updatedAt') => {
    const t = isoTime(raw[field]);
    if (t === undefined || Number.isFinite(t)) return t;
    badDate ??= field;
    return undefined;
  };
  const input = {
    id: raw.id,
    type: raw.type,
    name: raw.name,
    aliases: raw.aliases,
    summary: raw.summary,
    related: raw.related,
    lookupOnly: raw.lookupOnly,
    prefer: raw.prefer,
    createdAt: time('createdAt'),
    updatedAt: time('updatedAt'),
    pack,
  };
  const parsed = parseUserEntity(present(input), now);
  return parsed.ok && badDate ? { ...parsed, badDate } : parsed;
}

function readNoteList(
  list: unknown[],
  pack: string,
  builtInIds: ReadonlySet<string>,
  packIds: ReadonlySet<string>,
  now: number,
  problems: Problems,
  known: (id: string) => boolean = () => false,
): Note[] {
  const accepted: Note[] = [];
  const ids = new Set<string>();
  for (let index = 0; index < list.length; index++) {
    const raw = list[index];
    const label =
      isObject(raw) && typeof raw.id === 'string' && raw.id.trim() && raw.id.length <= 100
        ? raw.id
        : `notes[${index}]`;
    const skip = (field: string, message: string) => {
      problems.push({ severity: 'error', kind: 'note', id: label, field, message });
      return null;
    };
    const note = readNote(raw, pack, now, skip);
    if (!note) continue;
    if (!builtInIds.has(note.entity) && !packIds.has(note.entity) && !known(note.entity)) {
      skip('entity', `note about unknown entry "${note.entity}"`);
    } else if (ids.has(note.id)) {
      skip('id', `note id "${note.id}" appears more than once in the pack`);
    } else {
      ids.add(note.id);
      accepted.push(note);
    }
  }
  return accepted;
}

/** The note fields a pack may set, dates read from ISO 8601; null after reporting why not. */
function readNote(raw: unknown, pack: string, now: number, skip: (field: string, message: string) => null) {
  if (!isObject(raw)) return skip('', `must be a note object, found ${describe(raw)}`);
  const times = { createdAt: isoTime(raw.createdAt), updatedAt: isoTime(raw.updatedAt) };
  for (const field of ['createdAt', 'updatedAt'] as const) {
    const t = times[field];
    if (t !== undefined && !Number.isFinite(t)) {
      const value = raw[field];
      const shown = typeof value === 'string' ? quoted(value) : describe(value);
      return skip(field, `${field} ${shown} is not an ISO 8601 date such as "2026-11-30T10:00:00Z"`);
    }
  }
  const parsed = parseNote(
    present({
      id: raw.id,
      entity: raw.entity,
      text: raw.text,
      url: raw.url,
      title: raw.title,
      quote: raw.quote,
      tags: raw.tags,
      createdAt: times.createdAt,
      updatedAt: times.updatedAt,
      pack,
    }),
    now,
  );
  return parsed.ok ? parsed.value : skip(bracket(parsed.field), bracket(parsed.reason));
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The reader's own entries and notes as pack JSON; readPack gives the same ones back. */
export function writePack(
  state: KnowledgeState,
  opts: { name: string; author: string; revision?: number; now?: number },
): string {
  const entities = state.entities
    .filter((e) => e.pack === OWN_PACK)
    .map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      aliases: e.aliases.map((a) => (a.caseSensitive ? { text: a.text, caseSensitive: true } : a.text)),
      summary: e.summary,
      related: e.related,
      ...(e.lookupOnly ? { lookupOnly: true } : {}),
      ...(e.prefer.length ? { prefer: e.prefer } : {}),
      createdAt: iso(e.createdAt),
      updatedAt: iso(e.updatedAt),
    }));
  const notes = state.notes
    .filter((n) => n.pack === OWN_PACK)
    .map((n) => ({
      id: n.id,
      entity: n.entity,
      text: n.text,
      ...(n.url ? { url: n.url } : {}),
      ...(n.title ? { title: n.title } : {}),
      ...(n.quote ? { quote: n.quote } : {}),
      ...(n.tags.length ? { tags: n.tags } : {}),
      createdAt: iso(n.createdAt),
      updatedAt: iso(n.updatedAt),
    }));
  const pack = {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    name: opts.name,
    author: opts.author,
    revision: opts.revision ?? 1,
    own: true,
    exportedAt: iso(opts.now ?? Date.now()),
    entities,
    notes,
  };
  return `${JSON.stringify(pack, null, 2)}\n`;
}
