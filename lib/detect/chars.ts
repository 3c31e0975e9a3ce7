// Character folding and classes, per UTF-16 code unit. Folding maps one code unit to one code
// unit, so offsets into the folded view are offsets into the original text: nothing is copied.

/** Every separator ('-', '_', space, NBSP, dashes) folds to this one code unit. */
export const SEP = 0x20;

/** Full-width ASCII (ＱＷＥＮ２) to ASCII; everything else unchanged. Keeps case. */
export function widthFold(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
  if (c === 0x3000) return 0x20;
  return c;
}

export function isSeparator(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x2d ||
    c === 0x5f ||
    c === 0xa0 ||
    (c >= 0x2010 && c <= 0x2015) ||
    c === 0x3000 ||
    c === 0xff0d ||
    c === 0xff3f
  );
}

/** Code unit ranges outside which foldCode is the identity. */
export const FOLDED_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x5f],
  [0xa0, 0xa0],
  [0xc0, 0xde],
  [0x2010, 0x2033],
  [0x3000, 0x3000],
  [0x30fb, 0x30fb],
  [0xff01, 0xff5e],
];

/** Code unit ranges of letters and digits (isLetter or isDigit), full-width ones included. */
export const WORD_RANGES: readonly (readonly [number, number])[] = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x61, 0x7a],
  [0xc0, 0xd6],
  [0xd8, 0xf6],
  [0xf8, 0x24f],
  [0x300, 0x52f],
  [0xff10, 0xff19],
  [0xff21, 0xff3a],
  [0xff41, 0xff5a],
];

/** The matching form of a code unit: separators unified, quotes straightened, width and case folded. */
export function foldCode(c: number): number {
  if (isSeparator(c)) return SEP;
  c = widthFold(c);
  if (c >= 0x41 && c <= 0x5a) return c + 0x20;
  if (c < 0x80) return c;
  if (c >= 0xc0 && c <= 0xde && c !== 0xd7) return c + 0x20;
  if (c === 0x2018 || c === 0x2019 || c === 0x201b || c === 0x2032) return 0x27;
  if (c === 0x201c || c === 0x201d || c === 0x201e || c === 0x2033) return 0x22;
  if (c === 0x30fb || c === 0x2027) return 0xb7; // middle dots as in 鹏程·盘古
  return c;
}

export function isDigit(c: number): boolean {
  c = widthFold(c);
  return c >= 0x30 && c <= 0x39;
}

/** Letters of alphabetic scripts (Latin, Greek, Cyrillic) and combining marks; CJK is not one. */
export function isLetter(c: number): boolean {
  c = widthFold(c);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  return (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x300 && c <= 0x52f);
}

export function isUpper(c: number): boolean {
  c = widthFold(c);
  return (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}

export function isLower(c: number): boolean {
  c = widthFold(c);
  return (c >= 0x61 && c <= 0x7a) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
}

/** A letter or digit: where a word may start (WORD_RANGES as a test). */
export function isWordCode(c: number): boolean {
  return isLetter(c) || isDigit(c);
}

/** Part of a word for boundary checks: letters, digits and '_' (identifiers like meta_tags). */
export function isWordChar(c: number): boolean {
  return isLetter(c) || isDigit(c) || widthFold(c) === 0x5f;
}

/** Han ideographs (and kana / hangul): text where words are not separated by spaces. */
export function isHan(c: number): boolean {
  return (
    (c >= 0x3400 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0xac00 && c <= 0xd7af)
  );
}
