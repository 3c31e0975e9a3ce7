// Pins written out for people and tools: JSON (re-importable), Markdown (to read and quote) and
// CSV (for spreadsheets). Pure: the caller passes the pins, the index and the time of export.
import type { CompiledKb } from '../kb/compiled';
import type { Fact } from '../kb/schema';
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

export interface PinsExport {
  format: typeof EXPORT_FORMAT;
  version: typeof PINS_VERSION;
  exportedAt: string;
  pins: Pin[];
}

/** The JSON file `parseImport` reads back into exactly these pins. */
export function pinsToJson(pins: readonly Pin[], now: Date = new Date()): string {
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
    })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
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

/** Grouped by entity in the order the pins come (the caller's sort), ending with the sources. */
export function pinsToMarkdown(pins: readonly Pin[], kb: CompiledKb, now: Date = new Date()): string {
  const lookup = kbLookup(kb);
  const factLines = new Map<string, string[]>();
  const groups = new Map<string, Pin[]>();
  for (const pin of pins) {
    const list = groups.get(pin.entity);
    if (list) list.push(pin);
    else groups.set(pin.entity, [pin]);
  }

  const out = [
    '# Factlens pins',
    '',
    `Exported ${utcMinute(now.getTime())} · ${pins.length} ${pins.length === 1 ? 'pin' : 'pins'}`,
    '',
  ];
  for (const [entity, list] of groups) {
    const name = entityName(lookup, entity);
    out.push(`## ${mdInline(bilingual(name.en, name.zh))}`, '');
    for (const pin of list) out.push(...mdPin(pin, lookup, factLines), '');
  }
  out.push(...mdSources(pins, lookup));
  return `${out.join('\n')}\n`;
}

// --- CSV ------------------------------------------------------------------------------------

export const CSV_COLUMNS = [
  'pinned_at',
  'entity_id',
  'entity_en',
  'entity_zh',
  'fact_id',
  'fact_en',
  'fact_zh',
  'section',
  'kind',
  'note',
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

function csvRow(pin: Pin, lookup: KbLookup): string[] {
  const fact: Fact | undefined = lookup.fact(pin.factId);
  const name = entityName(lookup, pin.entity);
  return [
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
    pin.tags.join(';'),
    pin.title,
    pin.url,
  ];
}

/** UTF-8 text without a byte-order mark (the UI adds one for Excel); records end in CRLF. */
export function pinsToCsv(pins: readonly Pin[], kb: CompiledKb): string {
  const lookup = kbLookup(kb);
  const rows = [[...CSV_COLUMNS], ...pins.map((p) => csvRow(p, lookup))];
  return `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
