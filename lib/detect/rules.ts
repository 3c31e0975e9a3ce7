// Context rules for ambiguous aliases, as small pure functions over the original text.

// Relative: the KB build (postinstall) imports this before `wxt prepare` has made the @ alias.
import { MAX_CUE_LENGTH } from '../kb/vocab';
import { isDigit, isHan, isLetter, isLower, isSeparator, isUpper } from './chars';
import type { AnalyseStats } from './engine';

/** Types that can stand in one list together: "GPT-4、Claude和Kimi", "百度、阿里、腾讯". */
export function typeFamily(type: string): string {
  if (type === 'model' || type === 'product') return 'model';
  if (type === 'company' || type === 'group') return 'company';
  if (type === 'chip' || type === 'technology') return 'chip';
  return type;
}

const isSpace = (c: number) => c === 0x20 || c === 0xa0;

/**
 * A version or size right after the name: "Claude 3.5", "Yi-34B", "Ascend 910B", "Kimi k1.5",
 * "Llama2". A number of four or more digits is a year or a count, not a version ("Claude 1840").
 * After a Han name the number must look like a version (盘古3.0, 可图1.5), not a count (元宝2个).
 */
export function hasVersionAfter(text: string, end: number, han = false): boolean {
  let j = end;
  const n = text.length;
  if (j < n && isSeparator(text.charCodeAt(j)) && text.charCodeAt(j) !== 0x3000) j++;
  const v = text.charCodeAt(j) | 0x20; // v, V, k or K before the number
  if (j + 1 < n && (v === 0x76 || v === 0x6b) && isDigit(text.charCodeAt(j + 1))) j++;
  let digits = 0;
  while (j < n && isDigit(text.charCodeAt(j))) {
    digits++;
    j++;
  }
  if (digits === 0 || digits >= 4) return false;
  if (!han) return true;
  const next = text.charCodeAt(j);
  return (next === 0x2e && isDigit(text.charCodeAt(j + 1))) || isLetter(next);
}

/** The first index (even, into [start, end] pairs ordered by end) whose end is above `x`. */
function firstEndAbove(spans: readonly number[], x: number): number {
  let lo = 0;
  let hi = spans.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid * 2 + 1]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo * 2;
}

/**
 * Whether a span of `spans` ([start, end] pairs ordered by end) lies within `window` units of
 * [start, end). With `outside`, spans overlapping the match itself do not count.
 */
export function inWindow(
  spans: readonly number[] | undefined,
  start: number,
  end: number,
  window: number,
  outside: boolean,
  stats?: AnalyseStats,
): boolean {
  if (!spans) return false;
  const last = end + window + MAX_CUE_LENGTH;
  for (let i = firstEndAbove(spans, start - window); i < spans.length; i += 2) {
    if (stats) stats.steps++;
    const s = spans[i]!;
    const e = spans[i + 1]!;
    if (e > last) break;
    if (s >= end + window) continue;
    if (outside && s < end && e > start) continue;
    return true;
  }
  return false;
}

/** Whether a span of `spans` covers [start, end) entirely (金元宝 covers 元宝). */
export function covers(spans: readonly number[] | undefined, start: number, end: number): boolean {
  if (!spans) return false;
  for (let i = firstEndAbove(spans, end - 1); i < spans.length; i += 2) {
    if (spans[i + 1]! > start + MAX_CUE_LENGTH) break;
    if (spans[i]! <= start) return true;
  }
  return false;
}

/** "32字节", "100 元宝": a number right before a Han alias makes it a unit or a count. */
export function precededByDigit(text: string, start: number): boolean {
  let j = start - 1;
  if (j >= 0 && isSpace(text.charCodeAt(j))) j--;
  return j >= 0 && isDigit(text.charCodeAt(j));
}

/** "Jean-Claude", "Wiley-Blackwell": the name is the second half of a hyphenated word. */
export function precededByHyphenatedWord(text: string, start: number): boolean {
  if (start < 2) return false;
  const h = text.charCodeAt(start - 1);
  return (h === 0x2d || h === 0x2010 || h === 0x2011) && isLetter(text.charCodeAt(start - 2));
}

/** Capitalised words that follow a name in headlines and sentences without being a surname. */
const NOT_SURNAMES = new Set(
  (
    'The A An And Or But Of To In On At By For With From As Is Are Was Were Be Been Has Have Had ' +
    'Can Could Will Would May Might Should Must Does Do Did Not No Now Vs Via Also Just Still Into ' +
    'Over Than That This These Those It Its If So Then When While Who Which What How Why Where ' +
    'Says Said Gets Got Makes Made Takes Took Wins Won Beats Launches Launched Releases Released ' +
    'Announces Announced Adds Added Update Updates Team Users User App Apps Model Models Chip Chips ' +
    'Series Family Version Versions Review Reviews Inc Ltd Corp'
  ).split(' '),
);

const SENTENCE_END = new Set([...'.!?:;"\'“”‘’([（【「『《\n\r\t', '。', '！', '？', '：', '；', '，']);

/** The capitalised word before `start`, when it is not the first word of a sentence. */
function capitalisedWordBefore(text: string, start: number): boolean {
  let j = start - 1;
  if (j < 0 || !isSpace(text.charCodeAt(j))) return false;
  j--;
  const wordEnd = j;
  while (j >= 0 && isLetter(text.charCodeAt(j))) j--;
  if (j === wordEnd || !isUpper(text.charCodeAt(j + 1))) return false;
  let k = j;
  while (k >= 0 && isSpace(text.charCodeAt(k))) k--;
  return k >= 0 && !SENTENCE_END.has(text[k]!) && !isHan(text.charCodeAt(k));
}

/**
 * "Claude Monet", "Kimi Räikkönen", "Gemma Chan", "Meta Ridley": a capitalised word right after
 * the name that is neither a cue nor another alias makes it a person's or a thing's name. Skipped
 * in Title Case Headlines, where the word before is capitalised too.
 */
export function followsName(
  text: string,
  start: number,
  end: number,
  isKnownAt: (at: number) => boolean,
): boolean {
  if (end + 2 >= text.length || !isSpace(text.charCodeAt(end))) return false;
  const at = end + 1;
  if (!isUpper(text.charCodeAt(at)) || !isLower(text.charCodeAt(at + 1))) return false;
  let j = at + 1;
  while (j < text.length && isLetter(text.charCodeAt(j))) j++;
  if (NOT_SURNAMES.has(text.slice(at, j)) || isKnownAt(at)) return false;
  return !capitalisedWordBefore(text, start);
}

const LIST_GLUE = /^(?:[\s,，、/&;；]|and|or|vs\.?|versus|和|与|及|以及|或|或者|跟|同)+$/;

/** Whether the text between two mentions only joins list items ("、", ", ", " and ", "和"). */
export function isListGlue(text: string, from: number, to: number): boolean {
  return to > from && to - from <= 12 && LIST_GLUE.test(text.slice(from, to));
}

const URL_SCAN = 200;
/**
 * Code units a URL or address runs over: printable ASCII, but not the brackets and quotes that
 * delimit it — in [01.AI](https://01.ai/) the link text is not part of the address.
 */
const ADDRESS_CHAR = new Uint8Array(0x80);
for (let c = 0x21; c < 0x7f; c++) ADDRESS_CHAR[c] = '[]()<>"\'`'.includes(String.fromCharCode(c)) ? 0 : 1;
const printable = (c: number) => c < 0x80 && ADDRESS_CHAR[c] === 1;

/**
 * Whether [start, end) sits in a URL or an e-mail address (https://github.com/QwenLM/Qwen,
 * tougao@huxiu.com): names there are addresses, not mentions a reader sees. The address is the
 * run of address characters around the name, at most URL_SCAN units either side; most names
 * stand between spaces, CJK text or brackets, and the run is the name itself.
 */
export function inUrlOrEmail(text: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && start - from < URL_SCAN && printable(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < text.length && to - end < URL_SCAN && printable(text.charCodeAt(to))) to++;
  if (from === start && to === end) return false;
  const token = text.slice(from, to); // at most 2 × URL_SCAN around the name
  return token.includes('://') || token.includes('@') || token.startsWith('www.');
}
