// Pins, and the reader's notes beside them on the desk, written out for people and tools: JSON
// (re-importable), Markdown (to read and quote) and CSV (for spreadsheets). Pure: the caller
// passes the items, the index, the names of the reader's own entries and the time of export.
import type { CompiledKb } from '../kb/compiled';
import type { Bilingual, Fact } from '../kb/schema';
import type { Note } from '../knowledge/schema';
import {
  entityName,
  figureText,
  isoTime,
  isWebUrl,
  type KbLookup,
  kbLookup,
  kindLabel,
  longDate,
  sectionName,
  utcMinute,
} from './context';
import { EXPORT_FORMAT } from './import';
import { PINS_VERSION } from './migrations';
import type { Pin } from './schema';

export { pinCitation, pinCitations } from './citation';

/** One thing on the desk, as the exports take it: a pin or a note, in the caller's order. */
export type ExportItem = { kind: 'pin'; pin: Pin } | { kind: 'note'; note: Note };

export interface ExportOptions {
  now?: Date;
  /** The name of an entry the index does not have (the reader's own, or an imported pack's). */
  nameOf?: (id: string) => Bilingual | undefined;
}

export interface PinsExport {
  format: typeof EXPORT_FORMAT;
  version: typeof PINS_VERSION;
  exportedAt: string;
  pins: Pin[];
  /** The notes exported beside the pins (from version 3; the pins import leaves them alone). */
  notes: Note[];
}

const pinItems = (pins: readonly Pin[]): ExportItem[] => pins.map((pin) => ({ kind: 'pin', pin }));

function split(items: readonly ExportItem[]): { pins: Pin[]; notes: Note[] } {
  const pins: Pin[] = [];
  const notes: Note[] = [];
  for (const item of items) {
    if (item.kind === 'pin') pins.push(item.pin);
    else notes.push(item.note);
  }
  return { pins, notes };
}

/**
 * The JSON file `parseImport` reads back into exactly these pins: `{ format, version, exportedAt,
 * pins, notes }`. Files written before notes were exported (no `notes`, version 2) read the same.
 */
export function pinsToJson(
  pins: readonly Pin[],
  now: Date = new Date(),
  notes: readonly Note[] = [],
): string {
  const file: PinsExport = {
    format: EXPORT_FORMAT,
    version: PINS_VERSION,
    exportedAt: now.toISOString(),
    // Only the pin's own fields, in a fixed order, whatever else an object carries.
    pins: pins.map((p) => ({
      id: p.id,
      factId: p.factId,
      entity: p.entity,
      url: p.url,
      title: p.title,
      pinnedAt: p.pinnedAt,
      note: p.note,
      tags: [...p.tags],
      quote: p.quote,
    })),
    notes: notes.map((n) => ({
      id: n.id,
      entity: n.entity,
      text: n.text,
      url: n.url,
      title: n.title,
      quote: n.quote,
      tags: [...n.tags],
      createdAt: n.createdAt,
      updatedAt: n.updatedAt,
      pack: n.pack,
    })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The desk's JSON: its pins and notes, each list in the order given. */
export function deskToJson(items: readonly ExportItem[], now: Date = new Date()): string {
  const { pins, notes } = split(items);
  return pinsToJson(pins, now, notes);
}

// --- Markdown -------------------------------------------------------------------------------

/** Text that Markdown shows as written: inline syntax and HTML are escaped, lines joined. */
function mdInline(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/&(?=[#a-z0-9]+;)/gi, '&amp;');
}

/** Like mdInline, but a line may not start a heading, list, quote or rule. */
function mdLine(text: string): string {
  return mdInline(text).replace(/^(\s*)([-+=#]|\d+[.)])/, (_, space: string, mark: string) =>
    mark.length === 1 ? `${space}\\${mark}` : `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}`,
  );
}

function mdLink(title: string, url: string): string {
  const label = mdInline(title.trim() || url);
  if (!isWebUrl(url)) return `${label} (${mdInline(url)})`;
  const target = url.replace(/[<>\s]/g, (c) => encodeURIComponent(c));
  return `[${label}](<${target}>)`;
}

function bilingual(en: string, zh: string): string {
  return en === zh ? en : `${en} / ${zh}`;
}

/** The lines about a fact, the same for every pin of it (figures are costly to format). */
function mdFact(fact: Fact, lookup: KbLookup): string[] {
  const lines = [`- **${mdLine(fact.text.en)}**  `, `  ${mdLine(fact.text.zh)}`];
  for (const figure of fact.figures ?? []) {
    lines.push(`  - Figure: ${mdInline(figureText(figure, 'en'))} · ${mdInline(figureText(figure, 'zh'))}`);
  }
  const kind = bilingual(kindLabel(lookup, fact, 'en'), kindLabel(lookup, fact, 'zh'));
  lines.push(fact.kind === 'opinion' ? `  - Kind: **${mdInline(kind)}**` : `  - Kind: ${mdInline(kind)}`);
  const section = sectionName(lookup.source, fact);
  lines.push(`  - Section: ${mdInline(bilingual(section.en, section.zh))}`);
  return lines;
}

function mdPin(pin: Pin, lookup: KbLookup, factLines: Map<string, string[]>): string[] {
  const fact = lookup.fact(pin.factId);
  const lines: string[] = [];
  if (fact) {
    let cached = factLines.get(fact.id);
    if (!cached) {
      cached = mdFact(fact, lookup);
      factLines.set(fact.id, cached);
    }
    lines.push(...cached);
  } else {
    lines.push(`- **Fact no longer in the Factlens knowledge base** (id ${mdInline(pin.factId)})`);
  }
  // The sentence the reader met the entity in, then the page it is on.
  if (pin.quote) lines.push(`  > ${mdLine(pin.quote)}`);
  lines.push(`  - Pinned from: ${mdLink(pin.title, pin.url)}`, `  - Pinned: ${utcMinute(pin.pinnedAt)}`);
  if (pin.note.trim()) {
    lines.push(
      '  - Note:',
      ...pin.note
        .trim()
        .split(/\r\n?|\n/)
        .map((l) => `    > ${mdLine(l)}`.trimEnd()),
    );
  }
  if (pin.tags.length) lines.push(`  - Tags: ${pin.tags.map(mdInline).join(', ')}`);
  return lines;
}

function mdSources(pins: readonly Pin[], lookup: KbLookup): string[] {
  const s = lookup.source;
  const via = s.via ? `, via ${bilingual(s.via.en, s.via.zh)}` : '';
  const lines = [
    '## Sources',
    '',
    `- ${mdInline(s.author)}, “${mdInline(s.title.en)}” (${mdInline(s.title.zh)}), ${mdInline(
      bilingual(s.publisher.en, s.publisher.zh),
    )}${mdInline(via)}, ${longDate(s.date, 'en')} (${s.date}).`,
  ];
  const named = new Set<string>();
  for (const pin of pins) {
    const fact = lookup.fact(pin.factId);
    if (fact?.kind === 'reported' && fact.source) named.add(fact.source);
  }
  if (named.size) {
    const names = [...named].map((id) => {
      const n = entityName(lookup, id);
      return mdInline(bilingual(n.en, n.zh));
    });
    lines.push(`- Reported facts above are attributed by the article to: ${names.join('; ')}.`);
  }
  return lines;
}

/** A note: its text (line breaks kept), its quote as a blockquote, the page, the time, the tags. */
function mdNote(note: Note): string[] {
  const [first = '', ...rest] = note.text
    .trim()
    .split(/\r\n?|\n/)
    .map((l) => l.trim());
  const text = [`- **Note:** ${mdInline(first)}`, ...rest.map((l) => (l ? `  ${mdLine(l)}` : ''))];
  // Lines of one paragraph end in a hard break, so the note reads with the breaks it was written with.
  const lines = text.map((l, i) => (l && text[i + 1] ? `${l}  ` : l));
  if (note.quote) lines.push(`  > ${mdLine(note.quote)}`);
  if (note.url) lines.push(`  - From: ${mdLink(note.title, note.url)}`);
  const edited = note.updatedAt !== note.createdAt ? ` (edited ${utcMinute(note.updatedAt)})` : '';
  lines.push(`  - Written: ${utcMinute(note.createdAt)}${edited}`);
  if (note.tags.length) lines.push(`  - Tags: ${note.tags.map(mdInline).join(', ')}`);
  return lines;
}

const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function entityOf(item: ExportItem): string {
  return item.kind === 'pin' ? item.pin.entity : item.note.entity;
}

function nameFor(lookup: KbLookup, id: string, nameOf: ExportOptions['nameOf']): Bilingual {
  return lookup.entity(id)?.name ?? nameOf?.(id) ?? { en: id, zh: id };
}

/** Grouped by entity in the order the pins come (the caller's sort), ending with the sources. */
export function pinsToMarkdown(pins: readonly Pin[], kb: CompiledKb, now: Date = new Date()): string {
  return deskToMarkdown(pinItems(pins), kb, { now });
}

/**
 * The desk as Markdown: one section per entity, in the order its first item comes (the caller's
 * sort), holding its pins and notes in that order; the article's sources end it when there are pins.
 */
export function deskToMarkdown(
  items: readonly ExportItem[],
  kb: CompiledKb,
  options: ExportOptions = {},
): string {
  const now = options.now ?? new Date();
  const lookup = kbLookup(kb);
  const factLines = new Map<string, string[]>();
  const groups = new Map<string, ExportItem[]>();
  for (const item of items) {
    const entity = entityOf(item);
    const list = groups.get(entity);
    if (list) list.push(item);
    else groups.set(entity, [item]);
  }
  const { pins, notes } = split(items);
  const counts = [
    ...(pins.length || !notes.length ? [counted(pins.length, 'pin', 'pins')] : []),
    ...(notes.length ? [counted(notes.length, 'note', 'notes')] : []),
  ];

  const out = [
    notes.length ? '# Factlens pins and notes' : '# Factlens pins',
    '',
    `Exported ${utcMinute(now.getTime())} · ${counts.join(' · ')}`,
    '',
  ];
  for (const [entity, list] of groups) {
    const name = nameFor(lookup, entity, options.nameOf);
    out.push(`## ${mdInline(bilingual(name.en, name.zh))}`, '');
    for (const item of list) {
      out.push(...(item.kind === 'pin' ? mdPin(item.pin, lookup, factLines) : mdNote(item.note)), '');
    }
  }
  if (pins.length || !notes.length) out.push(...mdSources(pins, lookup));
  else out.pop();
  return `${out.join('\n')}\n`;
}

// --- CSV ------------------------------------------------------------------------------------

/**
 * One row per pin or note. `kind` says which (`pin` or `note`); `date` is when it was pinned or
 * written; `note` is the pin's note or the note's text; the fact's columns are empty for a note.
 */
export const CSV_COLUMNS = [
  'kind',
  'date',
  'entity_id',
  'entity_en',
  'entity_zh',
  'fact_id',
  'fact_en',
  'fact_zh',
  'section',
  'fact_kind',
  'note',
  'quote',
  'tags',
  'page_title',
  'page_url',
] as const;

/**
 * One RFC 4180 field. A value a spreadsheet would run as a formula (= + - @, or a leading tab
 * or carriage return) gets an apostrophe first, so opening the file never executes anything.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvRow(item: ExportItem, lookup: KbLookup, nameOf: ExportOptions['nameOf']): string[] {
  if (item.kind === 'note') {
    const note = item.note;
    const name = nameFor(lookup, note.entity, nameOf);
    return [
      'note',
      isoTime(note.createdAt),
      note.entity,
      name.en,
      name.zh,
      '',
      '',
      '',
      '',
      '',
      note.text,
      note.quote,
      note.tags.join(';'),
      note.title,
      note.url,
    ];
  }
  const pin = item.pin;
  const fact: Fact | undefined = lookup.fact(pin.factId);
  const name = nameFor(lookup, pin.entity, nameOf);
  return [
    'pin',
    isoTime(pin.pinnedAt),
    pin.entity,
    name.en,
    name.zh,
    pin.factId,
    fact?.text.en ?? '',
    fact?.text.zh ?? '',
    fact ? sectionName(lookup.source, fact).en : '',
    fact?.kind ?? '',
    pin.note,
    pin.quote,
    pin.tags.join(';'),
    pin.title,
    pin.url,
  ];
}

/** UTF-8 text without a byte-order mark (the UI adds one for Excel); records end in CRLF. */
export function pinsToCsv(pins: readonly Pin[], kb: CompiledKb): string {
  return deskToCsv(pinItems(pins), kb);
}

/** The desk's pins and notes, one row each in the order given, under CSV_COLUMNS. */
export function deskToCsv(items: readonly ExportItem[], kb: CompiledKb, options: ExportOptions = {}): string {
  const lookup = kbLookup(kb);
  const rows = [[...CSV_COLUMNS], ...items.map((item) => csvRow(item, lookup, options.nameOf))];
  return `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
