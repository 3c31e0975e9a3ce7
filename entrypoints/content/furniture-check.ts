// Whether all of a text node's mentions would be page furniture (a menu, a share bar, a footer),
// whatever they are: asked of text that passes the mention gate, before the marker or the detector
// is loaded for it. "Share on Twitter" on a news page that names nothing else loads neither.
import { createFurnitureRules, pageHostOf } from '@/lib/dom/furniture';

/** A check for one state of the page: made afresh after each batch of page changes (the rules remember what they judged). */
export function createFurnitureCheck(doc: Document): (node: Text) => boolean {
  // Telling a menu or a share bar needs no entity's sites, so no engine.
  const rules = createFurnitureRules(
    () => undefined,
    () => pageHostOf(doc, doc.defaultView?.location.href),
  );
  return (node) => rules.dropsAll(node);
}
