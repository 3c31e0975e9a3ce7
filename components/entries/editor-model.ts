// The entry editor's form as plain data: what a prefill puts where, the entity a form saves, the
// aliases the guard checks while the reader types, and how a verdict or a failed write is told.
// Pure apart from `t`, so the rules are tested without rendering.
import { type MessageKey, t } from '@/components/i18n';
import type { EntityType } from '@/lib/kb/vocab';
import { type AliasVerdict, aliasKey } from '@/lib/knowledge/guard';
import { KNOWLEDGE_LIMITS, OWN_PACK, type UserAlias, type UserEntity } from '@/lib/knowledge/schema';
import type { KnowledgeWriteResult } from '@/lib/messages/background';
import { knowledgeFailure } from '@/utils/knowledge-store';

/** A new entry's type until the reader picks one: the broadest of the vocabulary. */
export const DEFAULT_TYPE: EntityType = 'technology';
/** Alias rows the editor offers: the two names take the remaining places of the limit. */
export const MAX_ALIAS_ROWS = KNOWLEDGE_LIMITS.aliases - 2;

export interface AliasRow {
  text: string;
  caseSensitive: boolean;
}

export interface EntryForm {
  nameEn: string;
  nameZh: string;
  aliases: AliasRow[];
  type: EntityType;
  summaryEn: string;
  summaryZh: string;
  related: string[];
  lookupOnly: boolean;
  /** Aliases a built-in entry also uses where the reader chose this entry to win. */
  prefer: string[];
}

/** Text as one line, as the store keeps names and aliases. */
export const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Cuts at a code point, never inside a surrogate pair. */
export function clip(s: string, max: number): string {
  const points = Array.from(s);
  return points.length <= max ? s : points.slice(0, max).join('');
}

/** A selection as a name: Latin letters make it the English name, anything else the Chinese one. */
export function prefillName(text: string): { nameEn: string; nameZh: string } {
  const name = clip(oneLine(text), KNOWLEDGE_LIMITS.name).trim();
  if (!name) return { nameEn: '', nameZh: '' };
  return /\p{Script=Latin}/u.test(name) ? { nameEn: name, nameZh: '' } : { nameEn: '', nameZh: name };
}

export function emptyForm(initialName = ''): EntryForm {
  return {
    ...prefillName(initialName),
    aliases: [],
    type: DEFAULT_TYPE,
    summaryEn: '',
    summaryZh: '',
    related: [],
    lookupOnly: false,
    prefer: [],
  };
}

const isName = (alias: UserAlias, names: (string | undefined)[]) =>
  !alias.caseSensitive && names.some((n) => n !== undefined && n.toLowerCase() === alias.text.toLowerCase());

/** An entry as the form shows it: its names are aliases already, so they get no row of their own. */
export function formFromEntity(entity: UserEntity): EntryForm {
  const names = [entity.name.en, entity.name.zh];
  return {
    nameEn: entity.name.en ?? '',
    nameZh: entity.name.zh ?? '',
    aliases: entity.aliases
      .filter((a) => !isName(a, names))
      .map((a) => ({ text: a.text, caseSensitive: a.caseSensitive === true })),
    type: entity.type,
    summaryEn: entity.summary.en ?? '',
    summaryZh: entity.summary.zh ?? '',
    related: [...entity.related],
    lookupOnly: entity.lookupOnly,
    prefer: [...entity.prefer],
  };
}

/**
 * The aliases the entry will have, as the store builds them: the rows, then the names, one line
 * each, duplicates dropped (case folded unless "exact case").
 */
export function draftAliases(form: EntryForm): UserAlias[] {
  const seen = new Set<string>();
  const out: UserAlias[] = [];
  const raw: AliasRow[] = [
    ...form.aliases,
    { text: form.nameEn, caseSensitive: false },
    { text: form.nameZh, caseSensitive: false },
  ];
  for (const row of raw) {
    const text = oneLine(row.text);
    if (!text) continue;
    const key = row.caseSensitive ? text : text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(row.caseSensitive ? { text, caseSensitive: true } : { text });
  }
  return out;
}

/** What `entities/save` is sent: the form's fields, empty ones left out. */
export function entityInput(form: EntryForm, id?: string): Record<string, unknown> {
  const langs = (en: string, zh: string) => {
    const out: { en?: string; zh?: string } = {};
    if (en.trim()) out.en = en.trim();
    if (zh.trim()) out.zh = zh.trim();
    return out;
  };
  const aliases = form.aliases
    .map((a) => ({ text: oneLine(a.text), caseSensitive: a.caseSensitive }))
    .filter((a) => a.text)
    .map((a) => (a.caseSensitive ? { text: a.text, caseSensitive: true } : a.text));
  const keys = new Set(draftAliases(form).map((a) => aliasKey(a.text)));
  return {
    ...(id ? { id } : {}),
    type: form.type,
    name: langs(oneLine(form.nameEn), oneLine(form.nameZh)),
    aliases,
    summary: langs(form.summaryEn, form.summaryZh),
    related: [...new Set(form.related.filter((r) => r !== id))],
    lookupOnly: form.lookupOnly,
    // A choice for an alias that is gone means nothing any more.
    prefer: [...new Set(form.prefer.filter((p) => keys.has(aliasKey(p))))],
  };
}

export type FormProblem = 'no-name';

/** What the form itself lacks (the aliases are the guard's). */
export function formProblems(form: EntryForm): FormProblem[] {
  return oneLine(form.nameEn) || oneLine(form.nameZh) ? [] : ['no-name'];
}

/** The verdicts about one field's text (a name or an alias row). */
export function verdictsFor(text: string, verdicts: readonly AliasVerdict[]): AliasVerdict[] {
  const key = aliasKey(oneLine(text));
  return key ? verdicts.filter((v) => aliasKey(v.alias) === key) : [];
}

export const refused = (verdicts: readonly AliasVerdict[]): AliasVerdict[] =>
  verdicts.filter((v) => v.level === 'refuse');

/** Whether the reader chose this entry over the built-in one for an alias. */
export const prefers = (prefer: readonly string[], alias: string): boolean =>
  prefer.some((p) => aliasKey(p) === aliasKey(alias));

export function togglePrefer(prefer: readonly string[], alias: string, mine: boolean): string[] {
  const rest = prefer.filter((p) => aliasKey(p) !== aliasKey(alias));
  return mine ? [...rest, oneLine(alias)] : rest;
}

/** One verdict in the reader's language; `nameOf` names the other entry of a conflict. */
export function verdictText(v: AliasVerdict, nameOf: (id: string) => string): string {
  const other = v.entity ? nameOf(v.entity) : '';
  switch (v.problem) {
    case 'too-short':
      return t(v.level === 'refuse' ? 'entryVerdict_too-short' : 'entryVerdict_too-short_warn', v.alias);
    case 'stopword':
    case 'common-han':
    case 'no-letters':
      return t(`entryVerdict_${v.problem}`, v.alias);
    case 'builtin-conflict':
      return t('entryVerdict_builtin-conflict', v.alias, other);
    case 'user-conflict':
      return t('entryVerdict_user-conflict', v.alias, other);
  }
}

const FAILURES = ['quota', 'storage', 'invalid', 'not-found', 'refused', 'too-many', 'readonly'] as const;
type Failure = (typeof FAILURES)[number];

/**
 * A failed write in the reader's language. The store's message is English: the part that only it
 * knows (which entry, which field) is kept after the translated sentence.
 */
export function failureText(result: KnowledgeWriteResult): string {
  if (result.ok) return '';
  const message = result.message?.trim() ?? '';
  if (!(FAILURES as readonly string[]).includes(result.error)) {
    return message || t('knowFailed_storage');
  }
  const code = result.error as Failure;
  const text = t(`knowFailed_${code}` as MessageKey);
  if (!message) return text;
  const base = code === 'readonly' ? '' : knowledgeFailure(code).message;
  let detail = message;
  if (base && message.startsWith(base)) {
    detail = message
      .slice(base.length)
      .trim()
      .replace(/^\(([\s\S]*)\)$/, '$1');
  }
  return detail ? `${text} (${detail})` : text;
}

/** Where an entry comes from, for lists and pages: the reader's own, or an imported pack. */
export function sourceLabel(
  pack: string,
  packs: readonly { id: string; name: string; enabled: boolean }[],
): string {
  if (pack === OWN_PACK) return t('entryOwnLabel');
  const info = packs.find((p) => p.id === pack);
  const name = info?.name ?? pack;
  return info && !info.enabled ? t('entryFromPackOff', name) : t('entryFromPack', name);
}
