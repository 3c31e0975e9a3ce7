import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectTextNodes } from '@/lib/dom/text-nodes';
import { createTextWalk } from './text-walk';

// Random DOM trees: ordinary and skipped elements, hidden and editable ones, text in both scripts.
const TAGS = ['div', 'span', 'p', 'b', 'code', 'pre', 'script', 'textarea', 'li', 'style', 'factlens-ui'];
type Tree = { tag: string; attr: string | null; children: (Tree | string)[] };
const text = fc.oneof(
  fc.constantFrom('Qwen', '昇腾910B', 'ascend', ' ', 'Claude Monet'),
  fc.string({ maxLength: 12 }),
);
const tree: fc.Arbitrary<Tree> = fc.letrec((tie) => ({
  node: fc.record({
    tag: fc.constantFrom(...TAGS),
    attr: fc.constantFrom(null, null, null, 'hidden', 'contenteditable', 'style'),
    children: fc.array(fc.oneof({ depthSize: 'small' }, text, tie('node')), { maxLength: 4 }),
  }),
})).node as fc.Arbitrary<Tree>;

function build(doc: Document, t: Tree): Element {
  const el = doc.createElement(t.tag);
  if (t.attr === 'hidden') el.setAttribute('hidden', '');
  if (t.attr === 'contenteditable') el.setAttribute('contenteditable', 'true');
  if (t.attr === 'style') el.setAttribute('style', 'color: red; display: none');
  for (const c of t.children) el.append(typeof c === 'string' ? doc.createTextNode(c) : build(doc, c));
  return el;
}

describe('text walk', () => {
  it('visits exactly the readable text nodes, in order, however the tree and the slices fall', () => {
    fc.assert(
      fc.property(tree, fc.integer({ min: 1, max: 5 }), (t, sliceEvery) => {
        document.body.replaceChildren(build(document, t));
        const expected = collectTextNodes(document.body).filter(
          (n) => !n.parentElement?.closest('factlens-ui'),
        );
        const seen: Text[] = [];
        const walk = createTextWalk(document.body, () => {});
        let calls = 0;
        // Stop after every few nodes, as idle slices would.
        while (
          !walk.step(
            (n) => seen.push(n),
            () => ++calls % sliceEvery === 0,
          )
        );
        // collectTextNodes drops whitespace-only nodes; the walk leaves that to the scanner.
        expect(seen.filter((n) => /\S/.test(n.data))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('starting in the middle wraps around and still visits every node once', () => {
    fc.assert(
      fc.property(tree, fc.nat(), (t, pick) => {
        document.body.replaceChildren(build(document, t));
        const all: Text[] = [];
        const full = createTextWalk(document.body, () => {});
        while (
          !full.step(
            (n) => all.push(n),
            () => false,
          )
        );
        if (all.length === 0) return;
        const start = all[pick % all.length]!;
        const seen: Text[] = [];
        const walk = createTextWalk(document.body, () => {}, start);
        while (
          !walk.step(
            (n) => seen.push(n),
            () => false,
          )
        );
        expect(seen).toHaveLength(all.length);
        expect(new Set(seen)).toEqual(new Set(all));
        expect(seen[0]).toBe(start);
      }),
      { numRuns: 200 },
    );
  });
});
