// A whole DOM scanned as the content script scans a page, for Node tools and tests: readable text
// nodes in document order through one page scanner, page furniture left out, ambiguous mentions
// promoted by evidence found further down.
import type { Engine } from '@/lib/detect/engine';
import { scannerFor } from '@/lib/detect/scanner';
import type { Mention } from '@/lib/detect/types';
import { createFurnitureRules, entitySites, pageHostOf } from './furniture';
import { collectTextNodes } from './text-nodes';

export interface ScannedPage {
  nodes: Text[];
  /** Mentions per node, by index into `nodes`, in text order. */
  mentions: Mention[][];
  counts: Map<string, number>;
}

export function scanPage(root: Node, engine: Engine, options: { furniture?: boolean } = {}): ScannedPage {
  const nodes = collectTextNodes(root) as Text[];
  const scanner = scannerFor<number>(engine);
  const doc = (root.ownerDocument ?? root) as Document;
  const furniture =
    options.furniture === false ? null : createFurnitureRules(entitySites(engine), () => pageHostOf(doc));
  const mentions = nodes.map((node, i) =>
    scanner.add(i, node.data, furniture ? (_, found) => furniture.keep(node, found) : undefined),
  );
  for (const { key, mention } of scanner.takePromoted()) mentions[key]!.push(mention);
  for (const list of mentions) list.sort((a, b) => a.start - b.start);
  return { nodes, mentions, counts: scanner.counts() };
}
