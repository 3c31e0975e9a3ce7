// Which text flows in a very large block: a paragraph of a megabyte, a transcript or a log that
// never broke its text up. Chromium lays such a block out again each time a highlight with a text
// decoration changes in it (100 ms and more per mark added or hovered, for 1 M characters), so
// marks there are painted without one (see entrypoints/content/highlight-style.ts).

import { blockAround, INLINE_TAGS } from './inline-flow';

/** Characters of inline text from which a block counts as very large. */
export const LARGE_BLOCK_CHARS = 50_000;

export interface BlockSizer {
  /** Whether the node's text flows in a block of LARGE_BLOCK_CHARS characters or more. */
  inLargeBlock(node: Text): boolean;
}

/**
 * Answers for one state of the page: each block is measured once, and never beyond the limit.
 * Make a new one when the page changes.
 */
export function createBlockSizer(limit = LARGE_BLOCK_CHARS): BlockSizer {
  const sizes = new WeakMap<Element, number>();
  return {
    inLargeBlock(node) {
      if (node.length >= limit) return true;
      const block = blockAround(node);
      if (!block) return false;
      let size = sizes.get(block);
      if (size === undefined) {
        size = inlineLength(block, limit);
        sizes.set(block, size);
      }
      return size >= limit;
    },
  };
}

/** Characters of text in `block` outside its nested blocks, counted up to `limit`. */
function inlineLength(block: Element, limit: number): number {
  let total = 0;
  const stack: Node[] = [block];
  while (stack.length > 0 && total < limit) {
    const parent = stack.pop()!;
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) total += (child as Text).length;
      else if (child.nodeType === 1 && INLINE_TAGS.has((child as Element).localName)) stack.push(child);
    }
  }
  return total;
}
