// Spelling variants of an alias that differ only in separators: Qwen1.5 / Qwen-1.5 / Qwen 1.5,
// GPT-4 / GPT4, 智谱AI / 智谱 AI. Folding already makes '-', '_', ' ' and dashes one class; here a
// separator becomes optional where a letter meets a digit or Han meets Latin, and nowhere else,
// so "a 100" never turns into A100 and "GPT-4-9B" never into "GPT-49B".
import { isDigit, isHan, isLetter, isSeparator } from './chars';

const MAX_VARIANTS = 32;
/** A letter run this long before a digit may take a separator: Qwen2 → Qwen 2, but not A100 → A 100. */
const MIN_RUN_BEFORE_DIGIT = 3;

const latinOrDigit = (c: number) => isLetter(c) || isDigit(c);

/** Whether a separator between these neighbours may be present or absent. */
function optionalBetween(left: number, right: number): boolean {
  return (
    (isLetter(left) && isDigit(right)) ||
    (isDigit(left) && isLetter(right)) ||
    (isHan(left) && latinOrDigit(right)) ||
    (latinOrDigit(left) && isHan(right))
  );
}

/**
 * Texts with no digit, no Han–Latin junction and no unusual separator have only their own
 * spelling (separators between two words stay as they are): the common case, found by one regex.
 */
const MAY_VARY =
  /[0-9\uff10-\uff19\u2010-\u2015\u3000\uff0d\uff3f\u00a0]|[\u3400-\u9fff][A-Za-z]|[A-Za-z][\u3400-\u9fff]/;

export function separatorVariants(alias: string): string[] {
  if (!MAY_VARY.test(alias)) return [alias];
  // Pieces of text between gaps; each gap has the spellings it may take.
  const pieces: string[] = [];
  const gaps: string[][] = [];
  let piece = '';
  let run = 0; // length of the letter run ending at the current position
  for (let i = 0; i < alias.length; i++) {
    const c = alias.charCodeAt(i);
    const prev = i > 0 ? alias.charCodeAt(i - 1) : -1;
    const next = i + 1 < alias.length ? alias.charCodeAt(i + 1) : -1;
    if (isSeparator(c) && prev >= 0 && next >= 0 && !isSeparator(prev) && !isSeparator(next)) {
      pieces.push(piece);
      piece = '';
      gaps.push(optionalBetween(prev, next) ? [alias[i]!, ''] : [alias[i]!]);
      run = 0;
      continue;
    }
    const implicit =
      prev >= 0 &&
      ((isDigit(c) && isLetter(prev) && run >= MIN_RUN_BEFORE_DIGIT) ||
        (isHan(prev) && latinOrDigit(c)) ||
        (latinOrDigit(prev) && isHan(c)));
    if (implicit) {
      pieces.push(piece);
      piece = '';
      gaps.push(['', ' ']);
    }
    piece += alias[i];
    run = isLetter(c) ? run + 1 : 0;
  }
  pieces.push(piece);

  let variants = [pieces[0]!];
  for (let g = 0; g < gaps.length; g++) {
    const next: string[] = [];
    for (const v of variants) {
      for (const sep of gaps[g]!) {
        if (next.length < MAX_VARIANTS) next.push(v + sep + pieces[g + 1]!);
      }
    }
    variants = next;
  }
  return [...new Set(variants)];
}
