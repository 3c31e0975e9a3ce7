// Fuzzing in the real browser: fast-check builds random pages (nested, skipped, hidden and
// editable elements; text mixing aliases, traps and random Unicode). On each, Factlens must raise
// no error, paint exactly the mentions the same detector finds in Node in the same text nodes,
// and hit-testing a mark must open the card of that mark's entity.
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import kb from '../../generated/kb.json';
import { createPageScanner } from '../../lib/detect';
import { loadDetectorTable } from '../../lib/detect/table-from-data';
import { collectTextNodes } from '../../lib/dom/text-nodes';
import { probeExtension } from './extension-probes';
import { cardLocator, MARK_HIGHLIGHT } from './page-helpers';
import { useSession } from './session';

const PAGES = 20;
const table = loadDetectorTable();
const names = new Map(
  (kb as { entities: { id: string; name: { en: string } }[] }).entities.map((e) => [e.id, e.name.en]),
);

const session = useSession();

type Tree = { tag: string; attr: string | null; children: (Tree | string)[] };
const words = fc.constantFrom(
  'Qwen 1.5',
  'Alibaba',
  '华为昇腾910B',
  'prices ascend',
  'Claude Monet',
  'Claude 3.5 Sonnet',
  '腾讯元宝',
  '金元宝',
  'SuperCLUE',
  'a clue',
  'NVIDIA A100',
  'Moonshot AI',
  ' ',
  '，',
);
const text = fc
  .array(fc.oneof(words, fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 6 })), {
    maxLength: 6,
  })
  .map((parts) => parts.join(' '));
const tree: fc.Arbitrary<Tree> = fc.letrec((tie) => ({
  node: fc.record({
    tag: fc.constantFrom('div', 'p', 'span', 'b', 'li', 'code', 'textarea', 'section'),
    attr: fc.constantFrom(null, null, null, 'hidden', 'contenteditable'),
    children: fc.array(fc.oneof({ depthSize: 'small' }, text, tie('node')), { minLength: 1, maxLength: 4 }),
  }),
})).node as fc.Arbitrary<Tree>;

/**
 * Builds the tree with DOM calls, never an HTML parser, so the session.browser and Node hold exactly the
 * same text nodes (parsers disagree on malformed markup). The page runs this same function.
 */
function build(doc: Document, parent: Element, trees: Tree[]): void {
  const add = (into: Element, t: Tree) => {
    const el = doc.createElement(t.tag);
    if (t.attr) el.setAttribute(t.attr, t.attr === 'hidden' ? '' : 'true');
    for (const c of t.children) {
      if (typeof c === 'string') el.appendChild(doc.createTextNode(c));
      else add(el, c);
    }
    into.appendChild(el);
  };
  for (const t of trees) add(parent, t);
}

/** What the detector finds, in Node: one key per mention, `text node data|start|end` → entity. */
function expectedMentions(trees: Tree[]): Map<string, string> {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  build(document as unknown as Document, document.body as unknown as Element, trees);
  const nodes = collectTextNodes(document.body);
  const scanner = createPageScanner<number>(table);
  const found = new Map<number, { entity: string; start: number; end: number }[]>();
  for (const [i, node] of nodes.entries()) found.set(i, scanner.add(i, node.data));
  for (const { key } of scanner.takePromoted()) found.set(key, scanner.add(key, nodes[key]!.data));
  const out = new Map<string, string>();
  found.forEach((mentions, i) => {
    for (const m of mentions) out.set(`${nodes[i]!.data}|${m.start}|${m.end}`, m.entity);
  });
  return out;
}

describe('fuzzed pages', () => {
  it(`paints what the detector finds and hit-tests it, on ${PAGES} random pages`, async () => {
    const samples = fc.sample(fc.array(tree, { minLength: 1, maxLength: 4 }), {
      numRuns: PAGES,
      seed: 20261129,
    });
    for (const [i, trees] of samples.entries()) {
      const path = `/fuzz-${i}.html`;
      const json = JSON.stringify(trees).replace(/</g, '\\u003c');
      session.server.route(path, {
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>fuzz</title></head><body><script>(${build.toString()})(document, document.body, ${json});</script></body></html>`,
      });
      const page = await session.browser.context.newPage();
      const probe = await probeExtension(page, session.browser.extensionId);
      await page.goto(session.server.url(path));
      await page.waitForFunction(() => performance.getEntriesByName('factlens:marked').length > 0);
      // Promotions rescan earlier nodes after the first pass: let them settle.
      await page.waitForTimeout(300);

      const painted = await page.evaluate((name) => {
        return [...(CSS.highlights.get(name) ?? [])].map((r) => {
          const s = r as AbstractRange;
          const data = (s.startContainer as Text).data;
          return `${data}|${s.startOffset}|${s.endOffset}`;
        });
      }, MARK_HIGHLIGHT);
      const expected = expectedMentions(trees);
      expect(new Set(painted), `page ${i}: ${JSON.stringify(trees)}`).toEqual(new Set(expected.keys()));
      expect(probe.errors).toEqual([]);

      // Hit-test the first mark: resting on it opens the card of its entity.
      const first = painted[0];
      if (first) {
        const point = await page.evaluate((name) => {
          const s = [...(CSS.highlights.get(name) ?? [])][0] as AbstractRange;
          const range = document.createRange();
          range.setStart(s.startContainer, s.startOffset);
          range.setEnd(s.endContainer, s.endOffset);
          const rect = range.getClientRects()[0];
          return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
        }, MARK_HIGHLIGHT);
        if (point) {
          await page.mouse.move(point.x - 20, point.y + 30);
          await page.mouse.move(point.x, point.y, { steps: 5 });
          const card = cardLocator(page);
          await card.waitFor({ state: 'visible', timeout: 5000 });
          expect(await card.locator('h2').textContent()).toContain(names.get(expected.get(first)!)!);
        }
      }
      await page.close();
    }
  });
});
