// The page-furniture rules of one page, and the check asked of text that passes the mention gate
// before the marker or the detector is loaded for it: whether all of a text node's mentions would
// be furniture (a menu, a share bar, a footer), whatever they are. "Share on Twitter" on a news
// page that names nothing else loads neither.
import { createFurnitureRules, type FurnitureRules, pageHostOf } from '@/lib/dom/furniture';

/** The rules for this document; `sitesOf` gives an entity's own sites (none: no engine yet). */
export function pageFurnitureRules(
  doc: Document,
  sitesOf: Parameters<typeof createFurnitureRules>[0] = () => undefined,
): FurnitureRules {
  return createFurnitureRules(sitesOf, () => pageHostOf(doc, doc.defaultView?.location.href));
}

/** A check for one state of the page: made afresh after each batch of page changes (the rules remember what they judged). */
export function createFurnitureCheck(doc: Document): (node: Text) => boolean {
  // Telling a menu or a share bar needs no entity's sites, so no engine.
  const rules = pageFurnitureRules(doc);
  return (node) => rules.dropsAll(node);
}
