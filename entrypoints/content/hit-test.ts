// Finds the painted mark under the pointer without any element of ours in the page: the caret
// position gives the text node and offset; the mark's own client rects confirm the hit, so the
// blank space past a line's end or a caret snapped to the nearest text doesn't count.
import type { Mark, PageMarker } from './page-marker';
import { HOST_TAG } from './ui-host';
import { caretAt } from './viewport-text';

const SLOP_PX = 1;

export function markAt(marker: PageMarker, doc: Document, x: number, y: number): Mark | null {
  const caret = caretAt(doc, x, y, marker.knownShadowRoots());
  if (caret?.node.nodeType === 3) {
    const hit = hitInNode(marker, doc, caret.node as Text, x, y, caret.offset);
    if (hit) return hit;
  }
  // A transparent overlay (a link cover, a sticky header's shadow) can sit above the text, so the
  // caret lands in the overlay. Look through the stack of elements under the point instead.
  const stack = doc.elementsFromPoint(x, y);
  for (let i = 0; i < stack.length && i < 8; i++) {
    const el = stack[i]!;
    if (el.localName === HOST_TAG) continue;
    for (const child of el.childNodes) {
      if (child.nodeType !== 3) continue;
      const hit = hitInNode(marker, doc, child as Text, x, y);
      if (hit) return hit;
    }
  }
  return null;
}

function hitInNode(marker: PageMarker, doc: Document, node: Text, x: number, y: number, offset?: number) {
  for (const mark of marker.marksIn(node)) {
    const { start, end } = mark.mention;
    if (offset !== undefined && (offset < start || offset > end)) continue;
    if (rangeContains(doc, mark, x, y)) return mark;
  }
  return null;
}

export function markRects(doc: Document, mark: Mark): DOMRect[] {
  const range = doc.createRange();
  range.setStart(mark.node, mark.mention.start);
  range.setEnd(mark.node, mark.mention.end);
  return [...range.getClientRects()];
}

function rangeContains(doc: Document, mark: Mark, x: number, y: number): boolean {
  return markRects(doc, mark).some(
    (r) => x >= r.left - SLOP_PX && x <= r.right + SLOP_PX && y >= r.top - SLOP_PX && y <= r.bottom + SLOP_PX,
  );
}
