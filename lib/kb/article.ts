// Checks of authored text against the source article: no copied Chinese sentences, and no
// number the article does not state. Pure; the article text is passed in, never stored.
import { createNumberSet, extractNumbers, isQuantity, type NumberMention } from './numbers';
import type { Fact, Figure } from './schema';

/** Runs this long or longer, copied verbatim, are quotation rather than paraphrase. */
export const MIN_COPIED_RUN = 12;

const HAN_RUN = /\p{Script=Han}+/gu;

/**
 * Returns a function listing the maximal runs of `minRun` or more consecutive Chinese characters
 * of a text that occur verbatim in the article.
 */
export function createCopyFinder(article: string, minRun = MIN_COPIED_RUN) {
  const grams = new Set<string>();
  for (const run of article.match(HAN_RUN) ?? []) {
    const chars = Array.from(run);
    for (let i = 0; i + minRun <= chars.length; i++) grams.add(chars.slice(i, i + minRun).join(''));
  }
  return (text: string): string[] => {
    const copied: string[] = [];
    for (const run of text.match(HAN_RUN) ?? []) {
      const chars = Array.from(run);
      let start = -1;
      let end = -1;
      for (let i = 0; i + minRun <= chars.length; i++) {
        if (!grams.has(chars.slice(i, i + minRun).join(''))) continue;
        if (start >= 0 && i <= end) {
          end = i + minRun; // overlapping windows extend the same copied run
        } else {
          if (start >= 0) copied.push(chars.slice(start, end).join(''));
          start = i;
          end = i + minRun;
        }
      }
      if (start >= 0) copied.push(chars.slice(start, end).join(''));
    }
    return copied;
  };
}

/** Every string in a JSON value with its field path (`summary.zh`, `facts[3].text.en`). */
export function stringsOf(value: unknown, path = ''): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringsOf(item, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => stringsOf(item, path ? `${path}.${key}` : key));
  }
  return [];
}

export interface NumberProblem {
  /** `text.en`, `text.zh`, `figures[0].value`, `figures[1].compare.value`. */
  field: string;
  message: string;
}

/** What the article states, read as generously as the facts will be read strictly. */
export function createArticleNumbers(article: string, names: readonly string[]) {
  return createNumberSet(extractNumbers(article, { names, chineseNumerals: true }));
}

function figureMention(value: number, unit: string): Pick<NumberMention, 'kind' | 'value'> {
  return { kind: unit === '%' ? 'percent' : 'number', value };
}

function show(m: Pick<NumberMention, 'kind' | 'value'>): string {
  if (m.kind === 'percent') return `${m.value}%`;
  if (m.kind === 'month') {
    return m.value > 100
      ? `month ${Math.floor(m.value / 100)}-${String(m.value % 100).padStart(2, '0')}`
      : `month ${m.value}`;
  }
  return `${m.kind} ${m.value}`;
}

/** Numbers in a fact's text (both languages) and figures that the article does not state. */
export function factNumberProblems(
  fact: Pick<Fact, 'text' | 'figures'>,
  article: ReturnType<typeof createArticleNumbers>,
  names: readonly string[],
): NumberProblem[] {
  const problems: NumberProblem[] = [];
  for (const lang of ['en', 'zh'] as const) {
    const mentions = extractNumbers(fact.text[lang], { names, chineseNumerals: lang === 'zh' });
    for (const m of mentions) {
      if (!article.has(m)) {
        problems.push({ field: `text.${lang}`, message: `"${m.raw}" (${show(m)}) is not in the article` });
      }
    }
  }
  (fact.figures ?? []).forEach((figure: Figure, i) => {
    const checks: [string, number][] = [[`figures[${i}].value`, figure.value]];
    if (figure.compare) checks.push([`figures[${i}].compare.value`, figure.compare.value]);
    for (const [field, value] of checks) {
      const m = figureMention(value, figure.unit);
      if (!article.has(m)) {
        problems.push({ field, message: `${show(m)} (unit ${figure.unit}) is not in the article` });
      }
    }
  });
  return problems;
}

/** Quantities (not dates) written in digits in either language: such a fact needs `figures`. */
export function quantitiesInText(fact: Pick<Fact, 'text'>, names: readonly string[]): NumberMention[] {
  return (['en', 'zh'] as const).flatMap((lang) =>
    extractNumbers(fact.text[lang], { names }).filter(isQuantity),
  );
}
