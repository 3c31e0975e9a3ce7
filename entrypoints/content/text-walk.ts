// Resumable walks over the readable text of a document or shadow root, in small time slices.
// The walker shows elements and text, and the walk steps over a skipped element's whole subtree
// (scripts, editors, code blocks, our own UI) when it meets it: each element is looked at once, by
// its tag and, for the few that carry a skipping attribute (found by one querySelectorAll),
// its attributes. No filter callback (each would cross into JS) and no ancestor lookups per node.
import {
  isSkippedElement as isSkippedByMarkup,
  SKIP_ATTRIBUTE_SELECTOR,
  SKIPPED_TAGS,
  unskippedBy,
} from '@/lib/dom/text-nodes';
import { CLOCK_EVERY_CHARS, CLOCK_EVERY_NODES } from './slice-clock';
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

/**
 * Whether a node added in a batch of mutations sits inside another node of the same batch (it is
 * walked with that one). The parent chain is read only up to the first added ancestor, so deep
 * insertions stay linear.
 */
export function hasAddedAncestor(node: Node, added: ReadonlySet<Node>): boolean {
  for (let p = node.parentNode; p; p = p.parentNode) if (added.has(p)) return true;
  return false;
}

/**
 * The element a recorded attribute change made readable (a `hidden` removed, an inline
 * display:none undone), if nothing else skips it or an ancestor; null otherwise. The walk skipped
 * its subtree, so it is walked as if just added. The observer must record old values.
 */
export function revealedBy(record: MutationRecord): Element | null {
  const el = record.target as Element;
  if (record.type !== 'attributes' || el.nodeType !== 1 || !record.attributeName) return null;
  if (!unskippedBy(el, record.attributeName, record.oldValue)) return null;
  return isSkippedElement(el) || isInSkippedSubtree(el) ? null : el;
}

export interface TextWalk {
  /** Calls `visit` for text nodes until `deadline()` says stop; returns true when the walk is done. */
  step(visit: (node: Text) => void, deadline: () => boolean): boolean;
  /**
   * The next text node whose text (of two characters or more) `passes`, or null once the walk is
   * done or `performance.now()` passes `end` (read every few nodes, as the slice clock does; see
   * done()). The walk goes on after the node found. One call per node and no visitor: the gate
   * watch runs this on every page, mostly on cold code, where each call per node counts.
   */
  find(passes: (text: string) => boolean, end: number): Text | null;
  /** Whether the walk has read its last node. */
  done(): boolean;
}

/**
 * Queues a node the page added (or showed): a text node to scan again, an element's text to walk,
 * unless it is where we never scan.
 */
export function queueSubtree(
  node: Node,
  queue: { dirty: Set<Text>; walks: TextWalk[] },
  onShadowRoot: (shadow: ShadowRoot) => void,
): void {
  if (node.nodeType === 3) {
    if (!isInSkippedSubtree(node)) queue.dirty.add(node as Text);
  } else if (node.nodeType === 1) {
    const el = node as Element;
    if (!isSkippedElement(el) && !isInSkippedSubtree(el)) queue.walks.push(createTextWalk(el, onShadowRoot));
  }
}

/**
 * Walks the text under `root` (which must not itself be in a skipped subtree). With `startAt`,
 * the walk begins at that node (text at the top of the viewport) and wraps around to the start,
 * so what the reader sees is marked first. Open shadow roots (which a TreeWalker never enters)
 * of the custom elements it passes are handed to `onShadowRoot`.
 */
export function createTextWalk(
  root: Node,
  onShadowRoot: (shadow: ShadowRoot) => void,
  startAt?: Node | null,
): TextWalk {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  // Elements with an attribute that may skip them, as the walk begins. One changed later is the
  // marker's business: its MutationObserver sees the attribute and rescans that subtree.
  const flagged = new Set((root as ParentNode).querySelectorAll?.(SKIP_ATTRIBUTE_SELECTOR) ?? []);
  const skipped = (el: Element) => {
    const name = el.localName;
    return SKIPPED_TAGS.has(name) || name === HOST_TAG || (flagged.has(el) && isSkippedElement(el));
  };

  let wrapped = !startAt;
  let stopAt: Node | null = null;
  if (startAt && startAt !== root && root.contains(startAt)) {
    walker.currentNode = startAt;
    stopAt = startAt;
  }
  let first = stopAt ? (startAt as Text) : null;
  let done = false;

  /** The node after `el`'s subtree (the walker moved there), or null at the end of the root. */
  const pastSubtree = (el: Node): Node | null => {
    for (let n: Node | null = el; n && n !== root; n = walker.parentNode()) {
      walker.currentNode = n;
      const next = walker.nextSibling();
      if (next) return next;
      walker.currentNode = n;
    }
    return null;
  };

  const nextText = (): Text | null => {
    let node = walker.nextNode();
    for (;;) {
      if (!node) {
        if (wrapped) return null;
        // Second leg: from the top of the root down to where the first leg began.
        wrapped = true;
        walker.currentNode = root;
        node = walker.nextNode();
        continue;
      }
      if (wrapped && stopAt && node === stopAt) return null;
      if (node.nodeType === 3) return node as Text;
      const el = node as Element;
      if (skipped(el)) {
        node = pastSubtree(el);
        continue;
      }
      // Shadow roots hang off custom elements (a hyphen in the tag name), with rare exceptions.
      if (el.localName.includes('-') && el.shadowRoot) onShadowRoot(el.shadowRoot);
      node = walker.nextNode();
    }
  };

  return {
    done: () => done,
    find(passes, end) {
      if (first) {
        const node = first;
        first = null;
        if (!isInSkippedSubtree(node) && node.length > 1 && passes(node.data)) return node;
      }
      let nodes = 0;
      let chars = 0;
      while (!done) {
        const node = nextText();
        if (!node) {
          done = true;
          break;
        }
        const text = node.data;
        if (text.length > 1 && passes(text)) return node;
        chars += text.length;
        if (++nodes >= CLOCK_EVERY_NODES || chars >= CLOCK_EVERY_CHARS) {
          if (performance.now() >= end) break;
          nodes = 0;
          chars = 0;
        }
      }
      return null;
    },
    step(visit, deadline) {
      if (first) {
        if (!isInSkippedSubtree(first)) visit(first);
        first = null;
      }
      while (!done) {
        const node = nextText();
        if (!node) {
          done = true;
          break;
        }
        visit(node);
        if (deadline()) return false;
      }
      return true;
    },
  };
}
