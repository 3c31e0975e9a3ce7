// What the exports and citations say around a pin: its fact, entity, kind, section, figures and
// dates, looked up in the compiled index and worded in either language.
import type { CompiledEntity, CompiledKb } from '../kb/compiled';
import { formatFigure, formatValue, type Lang } from '../kb/format';
import type { Bilingual, Fact, Figure, Source } from '../kb/schema';

export interface KbLookup {
  source: Source;
  fact(id: string): Fact | undefined;
  entity(id: string): CompiledEntity | undefined;
}

export function kbLookup(kb: CompiledKb): KbLookup {
  const facts = new Map(kb.facts.map((f) => [f.id, f]));
  const entities = new Map(kb.entities.map((e) => [e.id, e]));
  return { source: kb.source, fact: (id) => facts.get(id), entity: (id) => entities.get(id) };
}

/** The entity's name, or its id when the index no longer has it. */
export function entityName(lookup: KbLookup, id: string): Bilingual {
  return lookup.entity(id)?.name ?? { en: id, zh: id };
}

export function sectionName(source: Source, fact: Fact): Bilingual {
  return source.sections[fact.section];
}

/** The author's opinions are marked as such wherever a pin is written out. */
export function kindLabel(lookup: KbLookup, fact: Fact, lang: Lang): string {
  const by = fact.source ? entityName(lookup, fact.source)[lang] : '';
  switch (fact.kind) {
    case 'figure':
      return lang === 'zh' ? '数据' : 'Figure';
    case 'event':
      // As the card labels them: 'event' also covers plain statements the article makes.
      return lang === 'zh' ? '事实' : 'Fact';
    case 'reported':
      if (lang === 'zh') return by ? `据${by}报道` : '转述报道';
      return by ? `Reported by ${by}` : 'Reported';
    case 'opinion':
      return lang === 'zh' ? '作者观点(非事实)' : "The author's opinion (not a fact)";
  }
}

/** "Compute share: 15% (China, 2023) vs 60% (US)" / "算力占比:15%(中国,2023)对比 60%(美国)". */
export function figureText(figure: Figure, lang: Lang): string {
  const zh = lang === 'zh';
  const about = (subject?: Bilingual, period?: string) => {
    const parts = [subject?.[lang], period].filter(Boolean);
    if (!parts.length) return '';
    return zh ? `(${parts.join(',')})` : ` (${parts.join(', ')})`;
  };
  let text = `${figure.measure[lang]}${zh ? ':' : ': '}${formatFigure(figure, lang)}${about(figure.subject, figure.period)}`;
  if (figure.compare) {
    const other = formatValue(figure.compare.value, figure.unit, lang, figure.approx);
    text += `${zh ? ',对比 ' : ' vs '}${other}${about(figure.compare.subject, figure.compare.period)}`;
  }
  return text;
}

export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** "2024-10-09 14:03 UTC": exports read the same wherever they are made. */
export function utcMinute(ms: number): string {
  return `${isoTime(ms).slice(0, 16).replace('T', ' ')} UTC`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A calendar day ("2024-10-09" or a time in ms, read in UTC) as "9 October 2024" / "2024年10月9日". */
export function longDate(day: string | number, lang: Lang): string {
  const iso = typeof day === 'number' ? isoTime(day) : day;
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return lang === 'zh' ? `${y}年${m}月${d}日` : `${d} ${MONTHS[m - 1]} ${y}`;
}

/** Only web pages become links in exports; other schemes are shown as text. */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}
