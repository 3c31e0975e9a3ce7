// Reads and drives what Factlens renders in closed shadow roots (the reader's notes in a card),
// which neither the page nor Playwright's selectors can reach: through the DevTools protocol's
// DOM domain, which sees every shadow root, the way a screen reader's accessibility tree does.
import type { CDPSession, Page } from 'playwright-core';

interface DomNode {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
}

async function documentTree(cdp: CDPSession): Promise<DomNode> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  return root;
}

function* walk(node: DomNode, inClosed = false): Generator<{ node: DomNode; inClosed: boolean }> {
  yield { node, inClosed };
  for (const root of node.shadowRoots ?? []) yield* walk(root, inClosed || root.shadowRootType === 'closed');
  for (const child of node.children ?? []) yield* walk(child, inClosed);
}

function textOf(node: DomNode): string {
  let out = '';
  for (const { node: n } of walk(node)) {
    if (n.nodeType === 3) out += n.nodeValue;
    if (n.nodeName === 'STYLE') return out;
  }
  return out;
}

const attr = (node: DomNode, name: string) => {
  const a = node.attributes ?? [];
  for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1];
  return undefined;
};

/** Text rendered inside closed shadow roots of the page (style sheets left out). */
export async function closedText(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    let out = '';
    for (const { node, inClosed } of walk(await documentTree(cdp))) {
      if (inClosed && node.nodeType === 3) out += `${node.nodeValue} `;
    }
    return out.replace(/\s+/g, ' ');
  } finally {
    await cdp.detach();
  }
}

async function findInClosed(cdp: CDPSession, match: (node: DomNode) => boolean): Promise<DomNode | null> {
  for (const { node, inClosed } of walk(await documentTree(cdp))) if (inClosed && match(node)) return node;
  return null;
}

/** Clicks the button with this text inside a closed shadow root, with the mouse, as a reader would. */
export async function clickClosedButton(page: Page, text: string | RegExp): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const wanted = (s: string) => (typeof text === 'string' ? s.trim() === text : text.test(s));
    const button = await findInClosed(cdp, (n) => n.nodeName === 'BUTTON' && wanted(textOf(n)));
    if (!button) throw new Error(`no button "${text}" in a closed shadow root`);
    const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: button.nodeId })) as {
      model: { content: number[] };
    };
    const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  } finally {
    await cdp.detach();
  }
}

/** Focuses the first textarea inside a closed shadow root (then type with page.keyboard). */
export async function focusClosedTextarea(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const area = await findInClosed(cdp, (n) => n.nodeName === 'TEXTAREA');
    if (!area) throw new Error('no textarea in a closed shadow root');
    await cdp.send('DOM.focus', { nodeId: area.nodeId });
  } finally {
    await cdp.detach();
  }
}

/** Whether some element inside a closed shadow root has this class. */
export async function closedHasClass(page: Page, cls: string): Promise<boolean> {
  const cdp = await page.context().newCDPSession(page);
  try {
    return (await findInClosed(cdp, (n) => (attr(n, 'class') ?? '').split(/\s+/).includes(cls))) !== null;
  } finally {
    await cdp.detach();
  }
}
