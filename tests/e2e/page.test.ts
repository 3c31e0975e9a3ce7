// In the page: what gets marked in English and Chinese, that tricky words stay unmarked, that the
// marks follow a changing page, frames and web components, and the card's hover behaviour.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { probeExtension } from './extension-probes';
import {
  cardLocator,
  contentScriptListeners,
  hoverMark,
  markCenter,
  markCount,
  markedTexts,
  waitForMarks,
} from './page-helpers';
import { hasShared, SHARED_DIR } from './paths';
import { useSession } from './session';
import { patchSettings, sendToTab, tabIdOf } from './worker';

const session = useSession();

async function open(path: string) {
  const page = await session.browser.context.newPage();
  const probe = await probeExtension(page, session.browser.extensionId);
  await page.goto(session.server.url(path));
  return { page, probe };
}

describe('marking', () => {
  it('marks English news and leaves the traps alone', async () => {
    const { page, probe } = await open('/news-en.html');
    await waitForMarks(page, 8);
    const texts = await markedTexts(page);
    for (const name of ['Alibaba', 'Qwen', 'SuperCLUE', 'GPT-4', 'Huawei', 'MindSpore', 'DeepSeek', 'Kimi']) {
      expect(texts).toContain(name);
    }
    expect(texts.some((t) => t.startsWith('Ascend'))).toBe(true);
    expect(texts).not.toContain('ascend');
    // "Claude" beside "Qwen 1.5" is the model; "Claude Monet" in the aside is not.
    expect(texts.filter((t) => t === 'Claude')).toHaveLength(1);
    expect(probe.errors).toEqual([]);
    expect(probe.requests).toEqual([]);
    await page.close();
  });

  it('marks Taiwan and Hong Kong script like simplified, and its everyday words stay unmarked', async () => {
    const { page, probe } = await open('/news-zh-hant.html');
    await waitForMarks(page, 8);
    await page.waitForFunction(() => performance.getEntriesByName('factlens:marked').length > 0);
    const texts = await markedTexts(page);
    for (const name of [
      '阿里巴巴',
      '通義千問',
      '騰訊',
      '混元',
      '華為',
      '昇騰910B',
      '輝達',
      'NVIDIA',
      'A100',
      '字節跳動',
      '百度',
      '中芯國際',
    ]) {
      expect(texts, name).toContain(name);
    }
    expect(texts).not.toContain('商量');
    expect(texts).not.toContain('盤古');
    expect(probe.errors).toEqual([]);
    await page.close();
  });

  it('leaves page furniture unmarked and uncounted, article text marked', async () => {
    const { page } = await open('/furniture.html');
    await page.waitForFunction(() => performance.getEntriesByName('factlens:marked').length > 0);
    const texts = await markedTexts(page);
    const marked = await page.evaluate(() => {
      const out: string[] = [];
      for (const r of CSS.highlights.get('factlens-mark') ?? []) {
        const el = (r as AbstractRange).startContainer.parentElement!;
        out.push(
          el.closest('article p:not(.tags), article h1, aside li') ? 'content' : el.outerHTML.slice(0, 80),
        );
      }
      return out;
    });
    expect(
      marked.filter((m) => m !== 'content'),
      'marks outside the article text',
    ).toEqual([]);
    // Headline, both paragraphs and the related-story headlines.
    for (const name of ['Huawei', 'Ascend 910B', 'Nvidia', 'A100', 'Alibaba', 'Qwen', 'Google', 'DeepSeek']) {
      expect(texts, name).toContain(name);
    }
    const { counts } = await sendToTab<{ counts: Record<string, number> }>(session.browser, page.url(), {
      type: 'page-info',
    });
    // Counted like the marks: the nav, tag, share and footer links are not.
    expect(counts.twitter).toBeUndefined();
    expect(counts.github).toBeUndefined();
    expect(counts.huawei).toBe(texts.filter((t) => t === 'Huawei').length);
    expect(counts.google).toBe(1);
    await page.close();
  });

  it('marks running Chinese text without its everyday-word traps', async () => {
    const { page, probe } = await open('/news-zh.html');
    await waitForMarks(page, 8);
    const texts = await markedTexts(page);
    for (const name of ['阿里巴巴', '通义千问', '智谱AI', 'GLM-4', '月之暗面', 'Yi-34B']) {
      expect(texts).toContain(name);
    }
    expect(texts.some((t) => t.startsWith('昇腾'))).toBe(true);
    expect(texts.some((t) => t.startsWith('Kimi'))).toBe(true);
    // 商量 as "let's discuss" and 元宝 in 金元宝 (a gold ingot) are ordinary words.
    const sentence = await page.evaluate(() => document.querySelectorAll('p')[3]?.firstChild);
    expect(sentence).toBeTruthy();
    const marksInLastParagraph = await page.evaluate(() => {
      const last = document.querySelectorAll('p')[3]!.firstChild;
      return [...(CSS.highlights.get('factlens-mark') ?? [])].filter(
        (r) => (r as AbstractRange).startContainer === last,
      ).length;
    });
    expect(marksInLastParagraph).toBe(0);
    expect(probe.errors).toEqual([]);
    await page.close();
  });

  it.skipIf(!hasShared)('marks the source article itself, built into a page at test time', async () => {
    const article = await readFile(resolve(SHARED_DIR, 'seed/article.txt'), 'utf8');
    const paragraphs = article
      .split(/\n+/)
      .filter((line) => line.trim())
      .map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
      .join('\n');
    session.server.route('/article.html', {
      body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>article</title></head><body>${paragraphs}</body></html>`,
    });
    const { page, probe } = await open('/article.html');
    await waitForMarks(page, 100);
    const texts = new Set(await markedTexts(page));
    for (const name of [
      'Qwen 1.5',
      'MindSpore',
      'PaddlePaddle',
      'SuperCLUE',
      '01.AI',
      'Yi-34B',
      'KwaiYii',
      'A100',
    ]) {
      expect(texts.has(name), name).toBe(true);
    }
    expect(probe.errors).toEqual([]);
    await page.close();
  });
});

describe('a changing page', () => {
  it('follows added, changed and removed text and SPA navigations', async () => {
    const { page } = await open('/dynamic.html');
    await waitForMarks(page, 2);
    const before = await markCount(page);

    await page.evaluate(() =>
      (window as unknown as { fixture: { append(t: string): void } }).fixture.append(
        'Breaking: Tencent expands Hunyuan.',
      ),
    );
    await waitForMarks(page, before + 2);

    await page.evaluate(() =>
      (window as unknown as { fixture: { setTicker(t: string): void } }).fixture.setTicker(
        'Now: ByteDance news',
      ),
    );
    await waitForMarks(page, before + 3);

    await page.evaluate(() =>
      (window as unknown as { fixture: { removeFirst(): void } }).fixture.removeFirst(),
    );
    await page.waitForFunction((n) => (CSS.highlights.get('factlens-mark')?.size ?? 0) === n, before + 1);

    await page.evaluate(() =>
      (window as unknown as { fixture: { navigate(t: string): void } }).fixture.navigate(
        'Page two: Meituan and DiDi',
      ),
    );
    await page.waitForFunction(() => {
      const texts = [...(CSS.highlights.get('factlens-mark') ?? [])].map((r) => {
        const s = r as AbstractRange;
        return s.startContainer.isConnected
          ? (s.startContainer.textContent ?? '').slice(s.startOffset, s.endOffset)
          : '';
      });
      return texts.includes('Meituan') && texts.includes('DiDi');
    });
    await page.close();
  });

  it('adds nothing to a page that names nothing we know, until a mention appears', async () => {
    session.server.route('/quiet.html', {
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>quiet</title></head><body>
        <p>A page about the garden: tomatoes, basil, a bat at dusk and a little rain.</p><quiet-box></quiet-box>
        <script>window.heard = []; addEventListener('message', (e) => heard.push(e.data));</script>
        <script>customElements.define('quiet-box', class extends HTMLElement {
          constructor() { super(); this.attachShadow({ mode: 'open' }).innerHTML = '<p>Notes on the soil.</p>'; }
        });</script></body></html>`,
    });
    const { page, probe } = await open('/quiet.html');
    await page.waitForFunction(() => performance.getEntriesByName('factlens:marked').length > 0);
    const ours = () =>
      page.evaluate(() => ({
        hosts: document.querySelectorAll('factlens-ui').length,
        styles: document.querySelectorAll('style').length,
        sheets: document.adoptedStyleSheets.length,
        shadowSheets: document.querySelector('quiet-box')!.shadowRoot!.adoptedStyleSheets.length,
        highlights: CSS.highlights.size,
      }));
    // Scanned, and nothing of ours in the page: no element, no style, no highlight, no listener,
    // and neither the marker's code nor the card's ever loaded ("bat" is not BAT, whose alias is
    // case-sensitive: the gate stops it).
    expect(await ours()).toEqual({ hosts: 0, styles: 0, sheets: 0, shadowSheets: 0, highlights: 0 });
    expect(await contentScriptListeners(page)).toEqual({ window: [], document: [] });
    expect(probe.ownFiles).toEqual([]);
    // No window message either, which the page's own listeners would hear.
    expect(await page.evaluate(() => (window as unknown as { heard: unknown[] }).heard)).toEqual([]);

    // A mention arrives: its mark, our host with the mark styles (in the shadow root too), the
    // pointer listeners, and a card on hover.
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p>Alibaba released Qwen.</p>'));
    await waitForMarks(page, 2);
    expect(await ours()).toEqual({ hosts: 1, styles: 1, sheets: 0, shadowSheets: 1, highlights: 2 });
    expect((await contentScriptListeners(page)).window).toContain('pointermove');
    await hoverMark(page, 'Qwen');
    await cardLocator(page).waitFor({ state: 'visible' });
    await expect(cardLocator(page).locator('h2').textContent()).resolves.toContain('Qwen');
    expect(probe.ownFiles).toEqual(['/marker.js', '/card-ui.js']);
    expect(probe.errors).toEqual([]);
    expect(probe.requests).toEqual([]);
    await page.close();
  });

  it('marks what the page changes while the marker takes over from the gate watch', async () => {
    // tests/e2e/fixtures/handoff.html: a quiet start, one mention, then the page keeps changing.
    const { page, probe } = await open('/handoff.html');
    await page.waitForFunction(() => (window as unknown as { done?: boolean }).done === true);
    // Qwen, Alibaba, one name per added paragraph and six rewritten ones.
    await page.waitForFunction(() => (CSS.highlights.get('factlens-mark')?.size ?? 0) >= 68, undefined, {
      timeout: 15_000,
    });
    const texts = await markedTexts(page);
    expect(texts.filter((t) => t === 'Huawei')).toHaveLength(6);
    expect(texts.filter((t) => t === 'DeepSeek')).toHaveLength(12);
    expect(texts).toHaveLength(68);
    expect(probe.ownFiles).toEqual(['/marker.js', '/card-ui.js']);
    await page.close();
  });

  it('marks text in same-origin frames and open shadow roots', async () => {
    const { page } = await open('/frames.html');
    await waitForMarks(page, 2);
    const texts = await markedTexts(page);
    expect(texts).toContain('Tencent');
    expect(texts).toContain('SenseTime');
    const frame = page.frames().find((f) => f.url().endsWith('/frame-child.html'))!;
    await frame.waitForFunction(() => (CSS.highlights.get('factlens-mark')?.size ?? 0) >= 2);
    await page.close();
  });
});

describe('evidence', () => {
  it('text hidden by CSS is no evidence for an ambiguous name, until it shows', async () => {
    session.server.route('/hidden-evidence.html', {
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>hidden</title>
        <style>.gone { display: none }</style></head><body>
        <div id="box" class="gone"><p>Moonshot AI is a startup.</p></div>
        <p>Kimi said hello.</p><p>Qwen is here so the page has marks.</p></body></html>`,
    });
    const { page } = await open('/hidden-evidence.html');
    await page.waitForFunction(() => performance.getEntriesByName('factlens:marked').length > 0);
    await page.waitForTimeout(300);
    expect(await markedTexts(page)).toEqual(['Qwen']);
    await page.evaluate(() => document.getElementById('box')!.classList.remove('gone'));
    await expect.poll(() => markedTexts(page)).toEqual(expect.arrayContaining(['Moonshot AI', 'Kimi']));
    await page.close();
  });

  // Tabs, "read more" boxes and accordions often hide their text with the hidden attribute or an
  // inline display:none, which the walk skips: it is read when they show, on a page with marks
  // already and on one where only the gate has looked so far.
  it.each([
    ['a page with marks', '<p>Qwen is here so the page has marks.</p>', ['Qwen']],
    ['a page that names nothing else', '<p>A page about the garden.</p>', []],
  ])('marks text hidden by its markup once it shows, on %s', async (_what, lead, before) => {
    const path = `/hidden-markup-${before.length}.html`;
    session.server.route(path, {
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>tabs</title></head><body>
        ${lead}<div id="tab" hidden><p>Huawei trains on Ascend chips.</p></div>
        <p id="more" style="display: none">阿里巴巴发布了通义千问。</p></body></html>`,
    });
    const { page } = await open(path);
    await page.waitForFunction(() => performance.getEntriesByName('factlens:marked').length > 0);
    await page.waitForTimeout(300);
    expect(await markedTexts(page)).toEqual(before);
    await page.evaluate(() => document.getElementById('tab')!.removeAttribute('hidden'));
    await expect.poll(() => markedTexts(page)).toEqual(expect.arrayContaining(['Huawei', 'Ascend']));
    await page.evaluate(() => document.getElementById('more')!.setAttribute('style', 'color: gray'));
    await expect.poll(() => markedTexts(page)).toEqual(expect.arrayContaining(['通义千问']));
    await page.close();
  });
});

describe('frames', () => {
  it('steps the keyboard path and "reveal" through the mentions of every frame, then wraps', async () => {
    const { page } = await open('/frames.html');
    const frame = page.frames().find((f) => f.url().endsWith('/frame-child.html'))!;
    await frame.waitForFunction(() => (CSS.highlights.get('factlens-mark')?.size ?? 0) >= 2);
    await waitForMarks(page, 2);
    const tabId = await tabIdOf(session.browser, page.url());
    // The frames report their counts to the background; steps follow them.
    const panel = await session.browser.openExtensionPage(`sidepanel.html?tab=${tabId}`);
    await expect
      .poll(() =>
        panel.evaluate((id) => chrome.runtime.sendMessage({ type: 'tab-counts', tabId: id }), tabId),
      )
      .toHaveProperty('kuaishou');
    const step = (entity?: string) =>
      panel.evaluate(([id, e]) => chrome.runtime.sendMessage({ type: 'step', tabId: id, entity: e }), [
        tabId,
        entity,
      ] as const);
    const where = async () => {
      const top = await page.evaluate(() => CSS.highlights.get('factlens-mark-active')?.size ?? 0);
      const child = await frame.evaluate(() => CSS.highlights.get('factlens-mark-active')?.size ?? 0);
      return top ? 'top' : child ? 'frame' : 'none';
    };
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      expect(await step()).toBe(true);
      seen.push(await where());
    }
    expect(seen).toEqual(['top', 'top', 'frame', 'frame', 'top']);
    // The card opened in the frame that holds the mention.
    await step();
    await step();
    await frame.locator('factlens-ui [role="dialog"]').waitFor({ state: 'visible' });
    // Reveal goes straight to the frame holding the entity.
    expect(await step('kuaishou')).toBe(true);
    expect(await where()).toBe('frame');
    await panel.close();
    await page.close();
  });
});

describe('the card', () => {
  it('waits for a resting pointer, ignores a fast sweep, hides on Esc and on leaving', async () => {
    const { page } = await open('/news-en.html');
    await waitForMarks(page, 8);
    const card = cardLocator(page);

    // A fast sweep across the mark shows nothing.
    const { x, y } = await markCenter(page, 'Qwen');
    await page.mouse.move(x - 200, y);
    await page.mouse.move(x + 200, y, { steps: 4 });
    await page.waitForTimeout(600);
    expect(await card.count()).toBe(0);

    await hoverMark(page, 'Qwen');
    await card.waitFor({ state: 'visible' });
    expect(await card.getAttribute('aria-labelledby')).toBeTruthy();
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });

    await hoverMark(page, 'Qwen');
    await card.waitFor({ state: 'visible' });
    // The pointer can travel onto the card and stay: the card stays.
    const box = (await card.boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + 20, { steps: 5 });
    await page.waitForTimeout(500);
    expect(await card.isVisible()).toBe(true);
    // Leaving it for blank page hides it after the grace delay.
    await page.mouse.move(5, 5);
    await card.waitFor({ state: 'detached', timeout: 3000 });
    await page.close();
  });

  it('opens cards as the reader chose: after their rest delay, only with Alt, only on click; never while selecting', async () => {
    const { page } = await open('/news-en.html');
    await waitForMarks(page, 8);
    const card = cardLocator(page);
    const setSettings = (patch: object) => patchSettings(session.browser, patch);
    const away = async () => {
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      await card.waitFor({ state: 'detached' });
    };
    try {
      await setSettings({ restDelayMs: 1500 });
      await page.waitForTimeout(200);
      await hoverMark(page, 'Qwen');
      await page.waitForTimeout(800);
      expect(await card.count(), 'not before the chosen delay').toBe(0);
      await card.waitFor({ state: 'visible', timeout: 3000 });
      await away();

      await setSettings({ cardTrigger: 'alt', restDelayMs: 300 });
      await page.waitForTimeout(200);
      await hoverMark(page, 'Qwen');
      await page.waitForTimeout(700);
      expect(await card.count(), 'no card without Alt').toBe(0);
      await page.keyboard.down('Alt');
      await card.waitFor({ state: 'visible' });
      await page.keyboard.up('Alt');
      await away();

      await setSettings({ cardTrigger: 'click' });
      await page.waitForTimeout(200);
      await hoverMark(page, 'Qwen');
      await page.waitForTimeout(700);
      expect(await card.count(), 'no card on rest in click mode').toBe(0);
      const { x, y } = await markCenter(page, 'Qwen');
      await page.mouse.click(x, y);
      await card.waitFor({ state: 'visible' });
      await page.mouse.move(5, 5);
      await page.waitForTimeout(700);
      expect(await card.isVisible(), 'a clicked card stays').toBe(true);
      await page.mouse.click(5, 5);
      await card.waitFor({ state: 'detached' });

      // Selecting text across a mark opens nothing.
      await setSettings({ cardTrigger: 'rest' });
      await page.waitForTimeout(200);
      const start = await markCenter(page, 'Alibaba');
      await page.mouse.move(start.x - 40, start.y);
      await page.mouse.down();
      const over = await markCenter(page, 'Qwen');
      await page.mouse.move(over.x, over.y, { steps: 6 });
      await page.waitForTimeout(900);
      expect(await card.count(), 'no card while selecting').toBe(0);
      await page.mouse.up();
    } finally {
      await setSettings({ cardTrigger: 'rest', restDelayMs: 300 });
    }
    await page.close();
  });

  it('reaches text under a transparent overlay and inside an open shadow root', async () => {
    for (const [path, text] of [
      ['/overlay.html', 'PaddlePaddle'],
      ['/frames.html', 'SenseTime'],
    ] as const) {
      const { page, probe } = await open(path);
      await waitForMarks(page, 1);
      const point = await page.evaluate((wanted) => {
        // The mark may live in a shadow root, which CSS.highlights still lists.
        for (const r of CSS.highlights.get('factlens-mark') ?? []) {
          const s = r as AbstractRange;
          if ((s.startContainer.textContent ?? '').slice(s.startOffset, s.endOffset) !== wanted) continue;
          const range = document.createRange();
          range.setStart(s.startContainer, s.startOffset);
          range.setEnd(s.endContainer, s.endOffset);
          const rect = range.getClientRects()[0]!;
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
        return null;
      }, text);
      expect(point, `${text} is marked`).not.toBeNull();
      await page.mouse.move(point!.x - 20, point!.y + 30);
      await page.mouse.move(point!.x, point!.y, { steps: 5 });
      const card = cardLocator(page);
      await card.waitFor({ state: 'visible' });
      expect(await card.locator('h2').textContent()).toContain(text);
      expect(probe.errors).toEqual([]);
      await page.close();
    }
  });

  it('opens cards from the keyboard, focuses them, and returns focus on Esc', async () => {
    const { page } = await open('/news-en.html');
    await waitForMarks(page, 8);
    await page.locator('h1').click();
    // The commands API shortcut (Alt+Shift+N) reaches the background, which tells the tab to move on.
    const nextMention = () => sendToTab<boolean>(session.browser, page.url(), { type: 'next-mention' });
    expect(await nextMention()).toBe(true);
    const card = cardLocator(page);
    await card.waitFor({ state: 'visible' });
    const focused = await page.evaluate(() => {
      const host = document.activeElement;
      return host?.localName === 'factlens-ui' ? host.shadowRoot?.activeElement?.localName : host?.localName;
    });
    expect(focused).toBe('h2');
    const first = await card.locator('h2').textContent();
    expect(await nextMention()).toBe(true);
    await expect.poll(() => card.locator('h2').textContent()).not.toBe(first);
    await page.keyboard.press('Tab');
    const tabbed = await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.localName);
    expect(tabbed).toBe('button');
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    await page.close();
  });
});
