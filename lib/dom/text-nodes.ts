// The readable text of a DOM subtree as its text nodes, in document order: what the detector
// scans. Works with any DOM implementation (browser, happy-dom, linkedom): it reads only node
// types, names, attributes and children, and never calls getComputedStyle, so hidden text is
// recognised by markup alone (the hidden attribute, an inline display:none).

/** Elements whose text is never prose a reader sees: code, form fields, scripts, metadata. */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'code',
  'pre',
  'kbd',
  'samp',
  'head',
  'title',
  'iframe',
  'object',
  'svg',
  'math',
  'canvas',
]);

const DISPLAY_NONE = /(?:^|;)\s*display\s*:\s*none\s*(?:!important\s*)?(?:;|$)/i;

/** The elements that may be skipped by an attribute (isSkippedElement then decides), for querySelectorAll. */
export const SKIP_ATTRIBUTE_SELECTOR = '[hidden],[contenteditable],[style*="display" i]';

/** The attributes that can skip an element (see isSkippedElement): watched for changes. */
export const SKIP_ATTRIBUTES: readonly string[] = ['hidden', 'contenteditable', 'style'];

/** Whether an attribute's value (null: absent) makes its element skipped. */
function skipsBy(attribute: string, value: string | null): boolean {
  if (value === null) return false;
  if (attribute === 'hidden') return true;
  if (attribute === 'contenteditable') return value.toLowerCase() !== 'false';
  return attribute === 'style' && DISPLAY_NONE.test(value);
}

/** Whether an element's subtree is skipped: by tag, `hidden`, `contenteditable` or inline display:none. */
export function isSkippedElement(el: Element): boolean {
  const name = (el.localName || el.nodeName).toLowerCase();
  if (SKIPPED_TAGS.has(name)) return true;
  for (const attribute of SKIP_ATTRIBUTES) if (skipsBy(attribute, el.getAttribute(attribute))) return true;
  return false;
}

/**
 * Whether an attribute change (its old value as a MutationObserver records it) took away what
 * skipped the element: a `hidden` removed, an inline display:none undone. Its text is then to be
 * read, unless something else still skips it.
 */
export function unskippedBy(el: Element, attribute: string, oldValue: string | null): boolean {
  return skipsBy(attribute, oldValue) && !isSkippedElement(el);
}

/**
 * Text nodes under `root` with some non-space text, in document order, skipping the subtrees of
 * skipped elements and descending into open shadow roots.
 */
export function collectTextNodes(root: Node): Text[] {
  const out: Text[] = [];
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      if (/\S/.test(node.nodeValue ?? '')) out.push(node as Text);
      continue;
    }
    if (node.nodeType === 1) {
      if (isSkippedElement(node as Element)) continue;
    } else if (node.nodeType !== 9 && node.nodeType !== 11) {
      continue; // comments, processing instructions, doctypes
    }
    // Children pushed in reverse so they pop in document order; an open shadow root first.
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    const shadow = (node as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
    if (shadow) stack.push(shadow);
  }
  return out;
}
