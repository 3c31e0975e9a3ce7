// Numbers as written in English and Chinese prose, reduced to comparable values: 42亿 and
// "4.2 billion" are both 4200000000, "2024年3月" and "March 2024" are both month 2024-03.
// Pure; used by the data tests to check that facts only state numbers the article states.

export type NumberKind = 'number' | 'percent' | 'year' | 'month';

export interface NumberMention {
  kind: NumberKind;
  /** Base-unit value; a month is year * 100 + month (202403), or just the month when no year is given. */
  value: number;
  /** The text it was read from, for messages. */
  raw: string;
  index: number;
  /** `digits` for Arabic numerals, `numeral` for Chinese numerals (前十, 四席, 一半). */
  from: 'digits' | 'numeral';
}

export interface ExtractOptions {
  /**
   * Names whose digits are not quantities (GPT-4, Qwen 1.5, Llama 2): each name, and a version
   * number right after it, is blanked out before reading numbers.
   */
  names?: readonly string[];
  /** Also read Chinese numerals used as counts or ranks (前十, 四席, 一半, 第二). */
  chineseNumerals?: boolean;
}

const ZH_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const ZH_SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const ZH_LARGE_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** 十 → 10, 十七 → 17, 二十 → 20, 一百零五 → 105, 两千 → 2000, 三万 → 30000; undefined if not a numeral. */
export function parseChineseNumeral(text: string): number | undefined {
  if (!text) return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of text) {
    if (ch in ZH_DIGITS) {
      if (ZH_DIGITS[ch] === 0 && text.length > 1) continue; // 一百零五: 零 only holds a place
      if (digit !== undefined) return undefined; // 二三 is not a numeral we read
      digit = ZH_DIGITS[ch];
    } else if (ch in ZH_SMALL_UNITS) {
      section += (digit ?? 1) * ZH_SMALL_UNITS[ch]!;
      digit = undefined;
    } else if (ch in ZH_LARGE_UNITS) {
      const unit = ZH_LARGE_UNITS[ch]!;
      const head = total + section + (digit ?? 0);
      total = (head || 1) * unit; // 万 alone is ten thousand
      section = 0;
      digit = undefined;
    } else {
      return undefined;
    }
  }
  return total + section + (digit ?? 0);
}

const EN_SCALES: Record<string, number> = {
  trillion: 1e12,
  billion: 1e9,
  bn: 1e9,
  million: 1e6,
  mn: 1e6,
  thousand: 1e3,
  B: 1e9,
  M: 1e6,
  K: 1e3,
};
const ZH_SCALES: Record<string, number> = { 万亿: 1e12, 亿: 1e8, 万: 1e4, 千: 1e3 };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
const MONTH_WORD =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';

/** Rounds away float noise so 5.892 * 1e8 and 589.2 * 1e6 compare equal. */
function clean(value: number): number {
  return Number(value.toPrecision(12));
}

const isYear = (value: number) => Number.isInteger(value) && value >= 1900 && value <= 2099;

/** Replaces a match with spaces so offsets stay valid and later patterns skip it. */
function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const HAS_NUMBER = /[\d零〇一二两三四五六七八九十百千万亿]/;

const namePatterns = new WeakMap<readonly string[], RegExp[]>();

/** One pattern per name, built once per list: the checks run them over every fact. */
function patternsFor(names: readonly string[]): RegExp[] {
  let patterns = namePatterns.get(names);
  if (!patterns) {
    // Longest first, so "GPT-3.5" is blanked before "GPT-3" could leave ".5" behind.
    const sorted = [...new Set(names.filter((n) => n.trim()))].sort((a, b) => b.length - a.length);
    // The name, then an optional version or size glued or spaced after it (Llama 2, Qwen 1.5,
    // Yi-34B), but not a year or an amount ("Kimi 2 million" keeps its 2 million).
    patterns = sorted.map(
      (name) =>
        new RegExp(
          `(?<![A-Za-z0-9])${escapeRegExp(name)}(?:[ -]?\\d{1,3}(?:\\.\\d+)?[A-Za-z]*(?![\\d.,]|\\s*(?:%|per|trillion|billion|million|thousand|亿|万)))?(?![A-Za-z0-9])`,
          'gi',
        ),
    );
    namePatterns.set(names, patterns);
  }
  return patterns;
}

function maskNames(text: string, names: readonly string[]): string {
  let out = text;
  for (const re of patternsFor(names)) {
    for (const m of out.matchAll(re)) {
      if (HAS_NUMBER.test(m[0])) out = blank(out, m.index, m.index + m[0].length);
    }
  }
  return out;
}

/**
 * Every number in `text`, in order. Digits glued to Latin letters (GPT-4, A100, F1, 9XX, 01.AI)
 * belong to names and are skipped; 7B is read as 7 billion.
 */
export function extractNumbers(text: string, options: ExtractOptions = {}): NumberMention[] {
  const found: NumberMention[] = [];
  let rest = options.names?.length ? maskNames(text, options.names) : text;
  const take = (m: RegExpExecArray | RegExpMatchArray, mention: Omit<NumberMention, 'raw' | 'index'>) => {
    const index = m.index ?? 0;
    found.push({ ...mention, raw: m[0], index });
    rest = blank(rest, index, index + m[0].length);
  };

  // Dates first, so their digits are not read again as plain numbers.
  for (const m of rest.matchAll(/(\d{4})\s*年\s*(\d{1,2})\s*月/g)) {
    take(m, { kind: 'month', value: Number(m[1]) * 100 + Number(m[2]), from: 'digits' });
  }
  for (const m of rest.matchAll(new RegExp(`\\b(${MONTH_WORD})\\.?,?\\s+(\\d{4})\\b`, 'g'))) {
    const month = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase() as (typeof MONTHS)[number]) + 1;
    take(m, { kind: 'month', value: Number(m[2]) * 100 + month, from: 'digits' });
  }
  for (const m of rest.matchAll(/(?<![\d.])(\d{1,2})\s*月/g)) {
    take(m, { kind: 'month', value: Number(m[1]), from: 'digits' });
  }

  const numberRe =
    /(?<![A-Za-z\d]|[A-Za-z]-|\d\.)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(\s*(?:%|％|per ?cent\b)|\s*万亿|\s*亿|\s*万|\s*千(?![\p{Script=Han}])|\s?(?:trillion|billion|million|thousand|bn|mn)\b|[BMK](?![A-Za-z\d]))?/gu;
  for (const m of rest.matchAll(numberRe)) {
    const after = rest.slice((m.index ?? 0) + m[0].length);
    // Still glued to letters: part of a name or code (F2, 9XX, 01.AI, 2020s).
    if (!m[3] && /^\.?[A-Za-z]/.test(after)) continue;
    const base = Number(m[1]!.replace(/,/g, '') + (m[2] ?? ''));
    const suffix = m[3]?.trim() ?? '';
    if (/^(%|％|per ?cent)$/.test(suffix)) {
      take(m, { kind: 'percent', value: clean(base), from: 'digits' });
    } else if (suffix) {
      const scale = EN_SCALES[suffix] ?? ZH_SCALES[suffix] ?? 1;
      take(m, { kind: 'number', value: clean(base * scale), from: 'digits' });
    } else {
      const yearLike = !m[2] && !m[1]!.includes(',') && isYear(base);
      take(m, { kind: yearLike ? 'year' : 'number', value: base, from: 'digits' });
    }
  }

  if (options.chineseNumerals) found.push(...chineseNumerals(rest));
  return found.sort((a, b) => a.index - b.index);
}

const NUMERAL = '[零〇一二两三四五六七八九十百千万亿]+';
// Counters after which a Chinese numeral is a quantity rather than part of a word (一些, 统一, 之一).
const COUNTERS = '席|名|个|家|类|倍|成|款|篇|起|次|位|项|大|种|条|台|国|所|年|月|季度';

function chineseNumerals(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  const push = (m: RegExpMatchArray, kind: NumberKind, value: number | undefined) => {
    if (value !== undefined) out.push({ kind, value, raw: m[0], index: m.index ?? 0, from: 'numeral' });
  };
  for (const m of text.matchAll(/一半/g)) {
    push(m, 'number', 0.5);
    push(m, 'percent', 50);
  }
  for (const m of text.matchAll(/翻倍|翻了?一番/g)) push(m, 'number', 2);
  for (const m of text.matchAll(new RegExp(`(前|第)(${NUMERAL})`, 'g'))) {
    push(m, 'number', parseChineseNumeral(m[2]!));
  }
  for (const m of text.matchAll(
    new RegExp(`(?<![前第零〇一二两三四五六七八九十百千万亿])(${NUMERAL})(${COUNTERS})`, 'g'),
  )) {
    const value = parseChineseNumeral(m[1]!);
    // 三成 is 30%.
    if (m[2] === '成' && value !== undefined) push(m, 'percent', value * 10);
    else push(m, 'number', value);
  }
  return out;
}

/** Quantities a fact's figures should carry: numbers and percentages in digits, not dates. */
export function isQuantity(m: NumberMention): boolean {
  return m.from === 'digits' && (m.kind === 'number' || m.kind === 'percent');
}

/** A set of mentions that answers "does this number occur?", treating dates and percentages apart. */
export function createNumberSet(mentions: readonly NumberMention[]) {
  const keys = new Set<string>();
  const key = (kind: NumberKind, value: number) => `${kind}:${clean(value)}`;
  for (const m of mentions) {
    keys.add(key(m.kind, m.value));
    if (m.kind === 'month' && m.value > 100) {
      // "2024年3月" also states the year and the month on its own.
      keys.add(key('year', Math.floor(m.value / 100)));
      keys.add(key('month', m.value % 100));
    }
  }
  return {
    has(m: Pick<NumberMention, 'kind' | 'value'>): boolean {
      if (keys.has(key(m.kind, m.value))) return true;
      // A year can also be written as a bare number ("2024世界人工智能法治蓝皮书").
      if (m.kind === 'year') return keys.has(key('number', m.value));
      if (m.kind === 'number' && isYear(m.value)) return keys.has(key('year', m.value));
      return false;
    },
  };
}
