// Where the reader is looking: the text node under a point of the viewport, and where a walk of
// the page should begin so that what the reader sees is marked first.
import { isInSkippedSubtree } from './text-walk';

/**
 * The text to start walking from: none (the top of the document) when the page isn't scrolled,
 * the usual case when the script starts, else the text under a point near the top of the
 * viewport. Each probe can force a layout, so there are few of them.
 */
export function firstVisibleText(doc: Document): Text | null {
  const win = doc.defaultView;
  if (!win || win.scrollY < win.innerHeight / 2) return null;
  for (const y of [win.innerHeight * 0.15, win.innerHeight * 0.4]) {
    const node = caretNodeAt(doc, win.innerWidth * 0.4, y);
    if (node?.nodeType === 3 && !isInSkippedSubtree(node)) return node as Text;
  }
  return null;
}

/** The node under a point, through caretPositionFromPoint or WebKit's caretRangeFromPoint. */
export function caretNodeAt(doc: Document, x: number, y: number, shadowRoots?: ShadowRoot[]): Node | null {
  return caretAt(doc, x, y, shadowRoots)?.node ?? null;
}

export function caretAt(
  doc: Document,
  x: number,
  y: number,
  shadowRoots?: ShadowRoot[],
): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (
      x: number,
      y: number,
      options?: { shadowRoots?: ShadowRoot[] },
    ) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const pos = shadowRoots?.length
      ? d.caretPositionFromPoint(x, y, { shadowRoots })
      : d.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const range = d.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}
