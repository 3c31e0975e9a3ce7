// The sentence a mention sits in, as plain text: what a note or a pin keeps as its quote. Read
// from the text of the mention's block (a paragraph, list item, cell, heading), so a sentence
// that runs across links and emphasis stays whole; bounded, and never the page's HTML.
import { KNOWLEDGE_LIMITS } from '../knowledge/limits';

const BLOCK = 'p,li,td,th,dd,dt,blockquote,figcaption,caption,h1,h2,h3,h4,h5,h6,pre,article,section,div';
/** A block larger than this is not read whole (a page made of one huge div). */
const MAX_BLOCK = 20_000;
const ENDS = /[.!?。！？；;]/;

/** The sentence around [start, end) of `text`, at most `max` characters, the mention kept inside. */
export function sentenceAround(
  text: string,
  start: number,
  end: number,
  max: number = KNOWLEDGE_LIMITS.quote,
): string {
  let from = start;
  while (from > 0) {
    const ch = text[from - 1]!;
    // A full stop followed by a space or a CJK stop ends the previous sentence; "v1.5" does not.
    if (ENDS.test(ch) && (/[。！？；]/.test(ch) || /\s/.test(text[from] ?? ' '))) break;
    from--;
  }
  let to = end;
  while (to < text.length) {
    const ch = text[to]!;
    to++;
    if (ENDS.test(ch) && (/[。！？；]/.test(ch) || /\s/.test(text[to] ?? ' '))) break;
  }
  let sentence = text.slice(from, to);
  let at = start - from;
  if (sentence.length > max) {
    // Keep the mention and as much around it as fits, cut at word gaps where there are some.
    const room = Math.max(0, max - (end - start));
    const before = Math.min(at, Math.floor(room / 2));
    const cutFrom = at - before;
    sentence = sentence.slice(cutFrom, cutFrom + max);
    at -= cutFrom;
    const lead = cutFrom > 0 ? '…' : '';
    const tail = cutFrom + max < to - from ? '…' : '';
    sentence = `${lead}${sentence.slice(lead ? 1 : 0, tail ? -1 : undefined)}${tail}`;
  }
  return sentence.replace(/\s+/g, ' ').trim();
}

/** The quote for a mention at [start, end) of a text node. */
export function quoteOf(
  node: Text,
  start: number,
  end: number,
  max: number = KNOWLEDGE_LIMITS.quote,
): string {
  const block = node.parentElement?.closest(BLOCK);
  const whole = block?.textContent ?? '';
  if (!block || whole.length > MAX_BLOCK) return sentenceAround(node.data, start, end, max);
  // The node's offset inside its block's text, counted over the text nodes before it.
  const doc = node.ownerDocument;
  const walker = doc.createTreeWalker(block, 4 /* NodeFilter.SHOW_TEXT */);
  let offset = 0;
  for (let n = walker.nextNode(); n && n !== node; n = walker.nextNode()) offset += (n as Text).data.length;
  return sentenceAround(whole, offset + start, offset + end, max);
}
