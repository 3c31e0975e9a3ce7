// Hostile and extreme pages: Factlens keeps working or backs off gracefully, never throws,
// never freezes the tab, never lets the page touch the pins.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './browser';
import { probeExtension } from './extension-probes';
import {
  cardLocator,
  evaluateIsolated,
  hoverMark,
  markCount,
  markedTexts,
  waitForMarks,
} from './page-helpers';
import { EXTENSION_DIR } from './paths';
import { useSession } from './session';
import { sendToTab, storedPins } from './worker';

const session = useSession();

const page = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>hostile</title>${head}</head><body>${body}</body></html>`;
const ARTICLE =
  '<p>Alibaba released Qwen while Huawei trained models on Ascend 910B chips with MindSpore.</p>';

async function openHtml(path: string, html: string, headers?: Record<string, string>) {
  session.server.route(path, { body: html, headers });
  const tab = await session.browser.context.newPage();
  const probe = await probeExtension(tab, session.browser.extensionId);
  await tab.goto(session.server.url(path));
  return { tab, probe };
}

/** The tab still answers: a frozen main thread would time this out. */
async function responsive(tab: import('playwright-core').Page) {
  return tab.evaluate(() => 1 + 1);
}

describe('hostile pages', () => {
  it('ignores a page that sabotages built-ins (prototypes, JSON, Promise, CSS)', async () => {
    const sabotage = `<script>
      Node.prototype.appendChild = function () { throw new Error('no'); };
      Node.prototype.contains = () => false;
      Array.prototype.push = function () { throw new Error('no push'); };
      window.JSON = { parse() { throw new Error('x'); }, stringify() { throw new Error('x'); } };
      window.Promise = function () { throw new Error('no promises'); };
      Object.defineProperty(window, 'CSS', { value: undefined });
    </script>`;
    const { tab, probe } = await openHtml('/sabotage.html', page(ARTICLE, sabotage));
    // The page broke the built-ins Playwright's own evaluate relies on: look from a clean world.
    await expect
      .poll(() => evaluateIsolated<number>(tab, "CSS.highlights.get('factlens-mark')?.size ?? 0"), {
        timeout: 10_000,
      })
      .toBeGreaterThanOrEqual(3);
    expect(probe.errors).toEqual([]);
    await tab.close();
  });

  it("works under Content-Security-Policy: default-src 'none'", async () => {
    const { tab, probe } = await openHtml('/csp.html', page(ARTICLE), {
      'content-security-policy': "default-src 'none'",
    });
    await waitForMarks(tab, 3);
    await hoverMark(tab, 'Qwen');
    await cardLocator(tab).waitFor({ state: 'visible' });
    const radius = await cardLocator(tab).evaluate((el) => getComputedStyle(el).borderTopLeftRadius);
    expect(radius).toBe('12px');
    // The marker's and the card's code came from the extension's own files, which the page's
    // policy doesn't govern.
    expect(probe.ownFiles).toEqual(['/marker.js', '/card-ui.js']);
    expect(await tab.evaluate(() => performance.getEntriesByName('factlens:card-load').length)).toBe(1);
    expect(probe.errors).toEqual([]);
    expect(probe.requests).toEqual([]);
    await tab.close();
  });

  it('survives a page that deletes its shadow host and clears its highlights', async () => {
    const { tab, probe } = await openHtml('/vandal.html', page(`${ARTICLE}<p id="tick">0</p>`));
    await waitForMarks(tab, 3);
    await tab.evaluate(() => {
      let n = 0;
      const vandal = () => {
        document.querySelector('factlens-ui')?.remove();
        CSS.highlights.clear();
        document.getElementById('tick')!.textContent = String(++n);
      };
      vandal();
      (window as unknown as { stop: number }).stop = window.setInterval(vandal, 50);
    });
    await tab.waitForTimeout(600);
    await tab.evaluate(() => clearInterval((window as unknown as { stop: number }).stop));
    // After the vandal stops, the next change of the page brings the marks back.
    await tab.evaluate(() => {
      document.getElementById('tick')!.textContent = 'done';
    });
    await waitForMarks(tab, 3);
    expect(await responsive(tab)).toBe(2);
    expect(probe.errors).toEqual([]);
    await tab.close();
  });

  it('cannot create or change pins with forged window messages', async () => {
    const before = (await storedPins(session.browser)).length;
    const { tab, probe } = await openHtml('/forger.html', page(ARTICLE));
    await waitForMarks(tab, 3);
    await tab.evaluate(() => {
      for (const type of ['pin', 'pins/clear', 'pins/import', 'card', 'open-side-panel']) {
        window.postMessage({ type, factId: 'x', entity: 'qwen', url: location.href, title: 't' }, '*');
        window.dispatchEvent(new CustomEvent('factlens', { detail: { type } }));
      }
    });
    await tab.waitForTimeout(500);
    expect((await storedPins(session.browser)).length).toBe(before);
    expect(probe.errors).toEqual([]);
    await tab.close();
  });
});

describe('extreme pages', () => {
  it('backs off on 1 MB of one repeated alias without freezing the tab', async () => {
    const text = 'Qwen '.repeat(200_000);
    const { tab, probe } = await openHtml('/repeat.html', page(`<p>${text}</p>`));
    await waitForMarks(tab, 100, 30_000);
    expect(await responsive(tab)).toBe(2);
    expect(await markCount(tab)).toBeLessThanOrEqual(2500);
    expect(probe.errors).toEqual([]);
    await tab.close();
  });

  it('scans one 1 MB text node in windows, finding mentions across window edges exactly once', async () => {
    // Filler without any alias; names placed where an unhurried scan puts its window edges (the
    // first window is 8,000 characters, each next one twice as long up to 16,000; a slow one
    // shrinks the next), one glued to a word just past an edge (not a mention), one near the end.
    // The unit tests of long-text.ts hold the edges themselves exactly.
    const chars = 'lorem ipsum dolor sit amet '.repeat(40_000).split('');
    const put = (at: number, word: string) => chars.splice(at, word.length, ...word.split(''));
    put(24_000 - 2, ' Qwen ');
    put(56_000 - 1, 'xQwen ');
    put(88_000 - 3, ' DeepSeek ');
    put(500_000, ' Huawei ');
    put(chars.length - 20, ' Tencent ');
    const text = chars.join('');
    const { tab, probe } = await openHtml('/one-node.html', page(`<p>${text}</p>`));
    await tab.waitForFunction(() => performance.getEntriesByName('factlens:marked').length > 0, undefined, {
      timeout: 60_000,
    });
    expect((await markedTexts(tab)).sort()).toEqual(['DeepSeek', 'Huawei', 'Qwen', 'Tencent']);
    const { counts } = await sendToTab<{ counts: Record<string, number> }>(session.browser, tab.url(), {
      type: 'page-info',
    });
    expect(counts).toEqual({ qwen: 1, deepseek: 1, huawei: 1, tencent: 1 });
    // Changing the node starts its scan over: the old windows leave the counts.
    await tab.evaluate(() => {
      const node = document.querySelector('p')!.firstChild as Text;
      node.data = node.data.replace(' Huawei ', ' Baidu  ');
    });
    await expect
      .poll(async () => (await markedTexts(tab)).sort(), { timeout: 20_000 })
      .toEqual(['Baidu', 'DeepSeek', 'Qwen', 'Tencent']);
    expect(await responsive(tab)).toBe(2);
    expect(probe.errors).toEqual([]);
    await tab.close();
  });

  it('marks a very large block with a tint, not a decoration, and shows it active the same way', async () => {
    // 240 pieces of 400 characters in one paragraph: one block of 96,000 characters, no long node.
    const filler = 'lorem ipsum dolor sit amet '.repeat(15).slice(0, 400);
    const pieces = Array.from(
      { length: 240 },
      (_, i) => `<span>${filler}${i === 120 ? ' Tencent ' : ''}</span>`,
    );
    const { tab, probe } = await openHtml('/large-block.html', page(`${ARTICLE}<p>${pieces.join('')}</p>`));
    await waitForMarks(tab, 5);
    const byHighlight = () =>
      tab.evaluate(() => {
        const texts = (name: string) =>
          [...(CSS.highlights.get(name) ?? [])].map((r) => {
            const s = r as AbstractRange;
            return (s.startContainer.textContent ?? '').slice(s.startOffset, s.endOffset);
          });
        return {
          mark: texts('factlens-mark').sort(),
          plain: texts('factlens-mark-plain'),
          active: texts('factlens-mark-active'),
          activePlain: texts('factlens-mark-active-plain'),
        };
      });
    expect((await byHighlight()).plain).toEqual(['Tencent']);
    expect((await byHighlight()).mark).toEqual(['Alibaba', 'Ascend 910B', 'Huawei', 'MindSpore', 'Qwen']);
    // A background tab (the welcome page is in front) lays the block out on every pointer move.
    await tab.bringToFront();
    await hoverMark(tab, 'Tencent');
    await cardLocator(tab).waitFor({ state: 'visible', timeout: 5000 });
    await expect.poll(async () => (await byHighlight()).activePlain).toEqual(['Tencent']);
    expect((await byHighlight()).active).toEqual([]);
    await hoverMark(tab, 'Qwen');
    await expect.poll(async () => (await byHighlight()).active).toEqual(['Qwen']);
    expect((await byHighlight()).activePlain).toEqual([]);
    expect(probe.errors).toEqual([]);
    await tab.close();
  });

  it('caps the marks on a page with 50,000 mentions but counts them all', async () => {
    const paragraphs = Array.from(
      { length: 10_000 },
      (_, i) => `<p>${i}: Qwen, Alibaba, DeepSeek, Huawei and Tencent.</p>`,
    );
    const { tab, probe } = await openHtml('/fifty-thousand.html', page(paragraphs.join('')));
    await tab.waitForFunction(() => performance.getEntriesByName('factlens:marked').length > 0, undefined, {
      timeout: 60_000,
    });
    expect(await markCount(tab)).toBe(2500);
    const { counts } = await sendToTab<{ counts: Record<string, number> }>(session.browser, tab.url(), {
      type: 'page-info',
    });
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(50_000);
    expect(await responsive(tab)).toBe(2);
    expect(probe.errors).toEqual([]);
    await tab.close();
  });

  it('keeps up with text mutating a thousand times a second', async () => {
    const { tab, probe } = await openHtml('/churn.html', page(`${ARTICLE}<p id="live">start</p>`));
    await waitForMarks(tab, 3);
    await tab.evaluate(() => {
      const live = document.getElementById('live')!.firstChild as Text;
      let i = 0;
      (window as unknown as { churn: number }).churn = window.setInterval(() => {
        for (let k = 0; k < 10; k++) live.data = `tick ${++i} ${i % 2 ? 'Tencent' : 'Baidu'}`;
      }, 10);
    });
    await tab.waitForTimeout(1500);
    expect(await responsive(tab)).toBe(2);
    await tab.evaluate(() => clearInterval((window as unknown as { churn: number }).churn));
    await tab.evaluate(() => {
      (document.getElementById('live')!.firstChild as Text).data = 'settled on ByteDance';
    });
    await tab.waitForFunction(() =>
      [...(CSS.highlights.get('factlens-mark') ?? [])].some((r) => {
        const s = r as AbstractRange;
        return (s.startContainer.textContent ?? '').slice(s.startOffset, s.endOffset) === 'ByteDance';
      }),
    );
    expect(probe.errors).toEqual([]);
    await tab.close();
  });

  it('walks a DOM nested 10,000 levels deep, and marks text 1,500 levels down', async () => {
    const { tab, probe } = await openHtml(
      '/deep.html',
      page('<div id="root"></div><div id="visible"></div>'),
    );
    await tab.evaluate(() => {
      const nest = (depth: number, text: string) => {
        const top = document.createElement('div');
        let el = top;
        for (let i = 0; i < depth; i++) {
          const child = document.createElement('div');
          el.appendChild(child);
          el = child;
        }
        el.textContent = text;
        return top;
      };
      // Chromium's own renderer crashes laying out a few thousand nested levels (about a thousand
      // when blocks and inlines alternate), with or without Factlens, so the 10,000-level tree
      // stays undisplayed: the extension still walks all of it.
      const deep = nest(10_000, 'Deep inside: Baidu and PaddlePaddle.');
      deep.style.display = 'none';
      document.getElementById('root')!.append(deep);
      document.getElementById('visible')!.append(nest(1_500, 'Further down: Tencent and Hunyuan.'));
    });
    await tab.waitForFunction(() =>
      [...(CSS.highlights.get('factlens-mark') ?? [])].some((r) => {
        const s = r as AbstractRange;
        return (s.startContainer.textContent ?? '').slice(s.startOffset, s.endOffset) === 'Hunyuan';
      }),
    );
    expect(await responsive(tab)).toBe(2);
    expect(probe.errors).toEqual([]);
    await tab.close();
  });
});

describe('the card without its file', () => {
  // A build whose card file is gone stands in for an extension updated or removed under an open
  // page: the content script can no longer load the card's code.
  let browser: ExtensionBrowser;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'factlens-no-card-'));
    await cp(EXTENSION_DIR, dir, { recursive: true });
    await rm(join(dir, 'card-ui.js'));
    browser = await launchWithExtension({ extensionDir: dir, closeWelcome: true });
  });
  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('says the card is unavailable, and marking goes on', async () => {
    session.server.route('/no-card.html', { body: page(ARTICLE) });
    const tab = await browser.context.newPage();
    await tab.goto(session.server.url('/no-card.html'));
    await waitForMarks(tab, 3);
    await hoverMark(tab, 'Qwen');
    await cardLocator(tab).waitFor({ state: 'visible' });
    expect(await cardLocator(tab).textContent()).toContain('reload the page');
    await tab.mouse.move(2, 2);
    await cardLocator(tab).waitFor({ state: 'hidden' });
    // New text is still marked.
    await tab.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p>DeepSeek too.</p>'));
    await expect.poll(() => markedTexts(tab)).toContain('DeepSeek');
    expect(await responsive(tab)).toBe(2);
    await tab.close();
  });
});
