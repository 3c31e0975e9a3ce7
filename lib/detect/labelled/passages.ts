// Node only: passages of the shared corpus, for the labelled set. A passage of a text or Markdown
// file is one line; a passage of an HTML page is the visible text of one block element (as the
// content script would see it), whitespace collapsed.
import { createHash } from 'node:crypto';
import { parseHTML } from 'linkedom';
import { collectTextNodes } from '@/lib/dom/text-nodes';

const BLOCKS = 'p,li,h1,h2,h3,h4,h5,h6,td,th,dd,dt,blockquote,figcaption,caption,div,section,article';

/** Short content hash, stored beside a reference so a changed corpus file is noticed. */
export function passageHash(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 10);
}

export function htmlPassages(html: string): string[] {
  const { document } = parseHTML(html);
  const root = (document.body ?? document.documentElement) as unknown as Node;
  const groups = new Map<Element | null, string[]>();
  for (const node of collectTextNodes(root)) {
    const block = node.parentElement?.closest(BLOCKS) ?? null;
    const texts = groups.get(block);
    if (texts) texts.push(node.data);
    else groups.set(block, [node.data]);
  }
  return [...groups.values()].map((texts) => texts.join('').replace(/\s+/g, ' ').trim()).filter(Boolean);
}

export function textLines(text: string): string[] {
  return text.split(/\r?\n/);
}
