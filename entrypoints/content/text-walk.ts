// Resumable walks over the readable text of a document or shadow root, in small time slices.
// Rejecting whole subtrees (scripts, editors, code blocks, our own UI) in the filter keeps the walk
// close to the cost of a bare TreeWalker.
import { isSkippedElement as isSkippedByMarkup } from '@/lib/dom/text-nodes';
import { HOST_TAG } from './ui-host';

/** Why an element's text is never scanned (the shared rules, plus our own UI). */
export function isSkippedElement(el: Element): boolean {
  return el.localName === HOST_TAG || isSkippedByMarkup(el);
}

/** Whether a node sits where we never scan: inside a skipped element, up to its root. */
export function isInSkippedSubtree(node: Node): boolean {
  for (let el = node.parentElement; el; el = el.parentElement) {
    if (isSkippedElement(el)) return true;
  }
  return false;
}

export interface TextWalk {
  /** Calls `visit` for text nodes until `deadline()` says stop; returns true when the walk is done. */
  step(visit: (node: Text) => void, deadline: () => boolean): boolean;
}

/**
 * Walks the text under `root`. `onShadowRoot` receives every open shadow root met on the way,
 * because a TreeWalker does not descend into them. With `startAt`, the walk begins at that node
 * (the text at the top of the viewport) and wraps around to the start, so what the reader sees
 * is marked first.
 */
export function createTextWalk(
  root: Node,
  onShadowRoot: (shadow: ShadowRoot) => void,
  startAt?: Node | null,
): TextWalk {
  const doc = root.ownerDocument ?? (root as Document);
  const filter = (node: Node): number => {
    if (node.nodeType === 3) return NodeFilter.FILTER_ACCEPT;
    const el = node as Element;
    if (isSkippedElement(el)) return NodeFilter.FILTER_REJECT;
    const shadow = el.shadowRoot;
    if (shadow) onShadowRoot(shadow);
    return NodeFilter.FILTER_SKIP;
  };
  // SHOW_ELEMENT lets the filter reject whole subtrees; only text nodes are ever returned.
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: filter,
  });
  let wrapped = !startAt;
  let stopAt: Node | null = null;
  if (startAt && root.contains(startAt) && startAt !== root) {
    walker.currentNode = startAt;
    stopAt = startAt;
  }
  let first = startAt && stopAt ? (startAt as Text) : null;

  return {
    step(visit, deadline) {
      if (first) {
        if (first.nodeType === 3 && !isInSkippedSubtree(first)) visit(first);
        first = null;
      }
      for (;;) {
        const node = walker.nextNode();
        if (!node) {
          if (wrapped) return true;
          // Second leg: from the top of the root down to where the first leg began.
          wrapped = true;
          walker.currentNode = root;
          continue;
        }
        if (wrapped && stopAt && node === stopAt) return true;
        visit(node as Text);
        if (deadline()) return false;
      }
    },
  };
}
