// Resumable walks over the readable text of a document or shadow root, in small time slices.
// The walker shows text nodes only: a filter callback on every element costs 5–10× a bare walk
// (each element crosses into JS), so whether a text node sits in a skipped subtree (scripts,
// editors, code blocks, our own UI) is decided from its ancestors, each element looked at once.
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
 * Walks the text under `root` (which must not itself be in a skipped subtree). With `startAt`,
 * the walk begins at that node (text at the top of the viewport) and wraps around to the start,
 * so what the reader sees is marked first. Afterwards it looks through the custom elements for
 * open shadow roots, which a TreeWalker never enters, and hands them to `onShadowRoot`.
 */
export function createTextWalk(
  root: Node,
  onShadowRoot: (shadow: ShadowRoot) => void,
  startAt?: Node | null,
): TextWalk {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const skippedMemo = new Map<Node, boolean>();

  // Iterative, so a DOM nested thousands deep can't overflow the stack.
  const isSkipped = (parent: Node | null): boolean => {
    const unknown: Node[] = [];
    let known = false;
    for (let n = parent; n && n !== root && n.nodeType === 1; n = n.parentNode) {
      const memo = skippedMemo.get(n);
      if (memo !== undefined) {
        known = memo;
        break;
      }
      unknown.push(n);
    }
    for (let i = unknown.length - 1; i >= 0; i--) {
      known = known || isSkippedElement(unknown[i] as Element);
      skippedMemo.set(unknown[i]!, known);
    }
    return known;
  };

  let wrapped = !startAt;
  let stopAt: Node | null = null;
  if (startAt && startAt !== root && root.contains(startAt)) {
    walker.currentNode = startAt;
    stopAt = startAt;
  }
  let first = stopAt ? (startAt as Text) : null;
  let textDone = false;
  let elements: ArrayLike<Element> | null = null;
  let elementIndex = 0;

  const nextText = (): Text | null => {
    for (;;) {
      const node = walker.nextNode();
      if (!node) {
        if (wrapped) return null;
        // Second leg: from the top of the root down to where the first leg began.
        wrapped = true;
        walker.currentNode = root;
        continue;
      }
      if (wrapped && stopAt && node === stopAt) return null;
      if (!isSkipped(node.parentNode)) return node as Text;
    }
  };

  return {
    step(visit, deadline) {
      if (first) {
        if (!isSkipped(first.parentNode)) visit(first);
        first = null;
      }
      while (!textDone) {
        const node = nextText();
        if (!node) {
          textDone = true;
          break;
        }
        visit(node);
        if (deadline()) return false;
      }
      // Shadow roots hang off custom elements (a hyphen in the tag name), with rare exceptions.
      elements ??= (root as ParentNode).querySelectorAll('*');
      for (; elementIndex < elements.length; elementIndex++) {
        const el = elements[elementIndex]!;
        if (el.localName.includes('-') && el.shadowRoot && !isSkippedElement(el)) onShadowRoot(el.shadowRoot);
        if ((elementIndex & 255) === 255 && deadline()) {
          elementIndex++;
          return false;
        }
      }
      return true;
    },
  };
}
