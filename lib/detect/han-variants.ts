// Traditional and regional forms of Han characters, folded onto the simplified forms the aliases
// and cues are written in: pages from Taiwan and Hong Kong (通義千問, 騰訊, 華為) are matched
// like simplified ones, by the same automaton, at no cost per character (the fold is part of the
// character classes). Only characters the patterns use are folded; folding applies to patterns
// and text alike, so it can never lose a match that exact spelling would find.

/** Variant lookup: the traditional and regional forms of one simplified character. */
export type HanVariantsOf = (simplified: string) => readonly string[];

const isHanUnit = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);

/**
 * The fold as pairs in one string ("義义問问…": a variant, then the simplified character it
 * folds to) for the Han characters used in `texts`. A variant claimed by two characters folds
 * to the first.
 */
export function hanVariantPairs(texts: Iterable<string>, variantsOf: HanVariantsOf): string {
  const used: string[] = [];
  const seen = new Set<string>();
  for (const text of texts) {
    for (const ch of text) {
      if (isHanUnit(ch.charCodeAt(0)) && !seen.has(ch)) {
        seen.add(ch);
        used.push(ch);
      }
    }
  }
  used.sort();
  const target = new Map<string, string>();
  for (const s of used) {
    for (const t of variantsOf(s)) {
      // One code unit each way: the fold maps code units, and offsets must not move.
      if (t === s || t.length !== 1 || target.has(t)) continue;
      target.set(t, s);
    }
  }
  // A used character that is itself another's variant folds too (通義千問 the alias → 通义千问).
  let pairs = '';
  for (const [t, s] of target) if (!target.has(s)) pairs += t + s;
  return pairs;
}

/** The pairs as a code-unit map. */
export function hanFoldMap(pairs: string | undefined): Map<number, number> {
  const map = new Map<number, number>();
  if (!pairs) return map;
  for (let i = 0; i + 1 < pairs.length; i += 2) map.set(pairs.charCodeAt(i), pairs.charCodeAt(i + 1));
  return map;
}
