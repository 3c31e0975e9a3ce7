// What a test asks of a page with the extension running: marks, their positions, the card.
import type { Page } from 'playwright-core';

export const MARK_HIGHLIGHT = 'factlens-mark';
/** Marks in very large blocks of text, painted without a text decoration. */
export const MARK_PLAIN_HIGHLIGHT = 'factlens-mark-plain';
const MARK_NAMES = [MARK_HIGHLIGHT, MARK_PLAIN_HIGHLIGHT];

/** Number of ranges in our highlights, read from the page's own view of the shared registry. */
export function markCount(page: Page): Promise<number> {
  return page.evaluate(
    (names) => names.reduce((n, name) => n + (CSS.highlights.get(name)?.size ?? 0), 0),
    MARK_NAMES,
  );
}

/** Waits for at least `atLeast` marks and for the first full pass (promotions included) to end. */
export async function waitForMarks(page: Page, atLeast = 1, timeout = 15_000): Promise<number> {
  await page.waitForFunction(
    ([names, n]) =>
      (names as string[]).reduce((sum, name) => sum + (CSS.highlights.get(name)?.size ?? 0), 0) >=
        (n as number) && performance.getEntriesByName('factlens:marked').length > 0,
    [MARK_NAMES, atLeast] as const,
    { timeout },
  );
  return markCount(page);
}

/** The marked ranges' texts, in no particular order. */
export function markedTexts(page: Page): Promise<string[]> {
  return page.evaluate((names) => {
    const out: string[] = [];
    for (const name of names) {
      for (const r of CSS.highlights.get(name) ?? []) {
        const range = r as AbstractRange;
        out.push((range.startContainer.textContent ?? '').slice(range.startOffset, range.endOffset));
      }
    }
    return out;
  }, MARK_NAMES);
}

/** Centre of the first marked range whose text is `text`, in viewport coordinates. */
export async function markCenter(
  page: Page,
  text: string,
  timeout = 10_000,
): Promise<{ x: number; y: number }> {
  // The page may still be scanning (visible part first): wait for this mark to exist.
  await page
    .waitForFunction(
      ([names, wanted]) =>
        (names as string[])
          .flatMap((name) => [...(CSS.highlights.get(name) ?? [])])
          .some((r) => {
            const s = r as AbstractRange;
            return (s.startContainer.textContent ?? '').slice(s.startOffset, s.endOffset) === wanted;
          }),
      [MARK_NAMES, text] as const,
      { timeout },
    )
    .catch(() => {});
  const point = await page.evaluate(
    ([names, wanted]) => {
      for (const r of (names as string[]).flatMap((name) => [...(CSS.highlights.get(name) ?? [])])) {
        const s = r as AbstractRange;
        if ((s.startContainer.textContent ?? '').slice(s.startOffset, s.endOffset) !== wanted) continue;
        const range = document.createRange();
        range.setStart(s.startContainer, s.startOffset);
        range.setEnd(s.endContainer, s.endOffset);
        (s.startContainer.parentElement as Element).scrollIntoView({ block: 'center' });
        const rect = range.getClientRects()[0];
        if (rect) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      return null;
    },
    [MARK_NAMES, text] as const,
  );
  if (!point) throw new Error(`no mark with text "${text}"`);
  return point;
}

/** Rests the pointer on a mark the way a reader would: move there, then stay still. */
export async function hoverMark(page: Page, text: string): Promise<void> {
  const { x, y } = await markCenter(page, text);
  await page.mouse.move(x - 30, y + 40);
  await page.mouse.move(x, y, { steps: 8 });
}

/**
 * Rests the pointer on the start of a word of the page's text, marked or not (an entry looked up
 * on hover only is never painted).
 */
export async function hoverText(page: Page, word: string): Promise<void> {
  const point = await page.evaluate((w) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const at = n.data.indexOf(w);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + Math.min(w.length, 5));
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    return null;
  }, word);
  if (!point) throw new Error(`no text "${word}" on the page`);
  await page.mouse.move(point.x - 20, point.y + 30);
  await page.mouse.move(point.x, point.y, { steps: 6 });
}

export const cardLocator = (page: Page) => page.locator('factlens-ui [role="dialog"]');

/**
 * Evaluates an expression in a fresh isolated world of the page's main frame: pristine built-ins,
 * for pages that sabotage their own (Playwright's evaluate runs in the page's world).
 */
export async function evaluateIsolated<T>(page: Page, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName: 'factlens-test',
    })) as { executionContextId: number };
    const { result } = (await cdp.send('Runtime.evaluate', {
      expression,
      contextId: executionContextId,
      returnByValue: true,
    })) as { result: { value: T } };
    return result.value;
  } finally {
    await cdp.detach();
  }
}

/**
 * The event types the extension's content script listens for on the page's window and document,
 * read through the DevTools protocol in the content script's own world (a page's world can't see
 * them). WXT's own start-up event (a name with `:wxt:` in it) is left out.
 */
export async function contentScriptListeners(page: Page): Promise<{ window: string[]; document: string[] }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const worlds: { id: number; origin: string; auxData?: { type?: string; frameId?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', (e: { context: (typeof worlds)[number] }) =>
      worlds.push(e.context),
    );
    await cdp.send('Runtime.enable');
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const world = worlds.find(
      (w) =>
        w.origin.startsWith('chrome-extension://') &&
        w.auxData?.type === 'isolated' &&
        w.auxData.frameId === frameTree.frame.id,
    );
    if (!world) throw new Error('no content script world in the page');
    const typesOn = async (expression: string) => {
      const { result } = (await cdp.send('Runtime.evaluate', { expression, contextId: world.id })) as {
        result: { objectId: string };
      };
      const { listeners } = (await cdp.send('DOMDebugger.getEventListeners', {
        objectId: result.objectId,
      })) as { listeners: { type: string }[] };
      return listeners.map((l) => l.type).filter((type) => !type.includes(':wxt:'));
    };
    return { window: await typesOn('window'), document: await typesOn('document') };
  } finally {
    await cdp.detach();
  }
}
