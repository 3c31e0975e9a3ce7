// Where text flows: elements laid out inline by default, and the block that holds a node's line.
// Shared by the furniture rules (is a link in prose?) and the block sizer (is a block huge?).

/** Elements laid out inline by default: their text flows in the block around them. */
export const INLINE_TAGS: ReadonlySet<string> = new Set(
  (
    'a span strong b em i u s strike small big tt sup sub mark abbr cite q time data font ins del ' +
    'dfn var bdi bdo label nobr wbr br img picture svg'
  ).split(' '),
);

/** The nearest ancestor of `node` that is not an inline element: the block its text flows in. */
export function blockAround(node: Node): Element | null {
  for (let p = node.parentElement; p; p = p.parentElement) if (!INLINE_TAGS.has(p.localName)) return p;
  return null;
}
