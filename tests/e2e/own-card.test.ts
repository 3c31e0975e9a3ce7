// The reader's own knowledge on real pages: an entry saved in an extension page is marked in an
// open tab without a reload; its card and a note written in it on one page come back on another
// page; and nothing private is readable from the page's own scripts.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotPath } from './browser';
import { cardLocator, hoverMark, hoverText, markedTexts, waitForMarks } from './page-helpers';
import { clickClosedButton, closedText, focusClosedTextarea } from './private-dom';
import { useSession } from './session';
import { patchSettings, sendToTab } from './worker';

const session = useSession();

const article = (title: string, body: string) => ({
  body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><main><article><h1>${title}</h1>${body}</article></main></body></html>`,
});

/** Sends a request to the background from an extension page, as the options page does. */
async function ask<T>(request: object): Promise<T> {
  const page = await session.browser.openExtensionPage('options.html');
  try {
    return (await page.evaluate((r) => chrome.runtime.sendMessage(r), request)) as T;
  } finally {
    await page.close();
  }
}

async function pageWith(path: string, title: string, body: string): Promise<Page> {
  session.server.route(path, article(title, body));
  const page = await session.browser.context.newPage();
  await page.goto(session.server.url(path));
  return page;
}

/** What the page's own scripts can read of our UI: the open shadow root and the document. */
function pageView(page: Page) {
  return page.evaluate(() => {
    const host = document.querySelector('factlens-ui');
    const open = host?.shadowRoot;
    const privateHosts = [...(open?.querySelectorAll('.fl-private') ?? [])];
    return {
      openText: open?.textContent ?? '',
      openHtml: open?.innerHTML ?? '',
      privateHosts: privateHosts.length,
      privateRoots: privateHosts.filter((h) => h.shadowRoot !== null).length,
      bodyText: document.body.textContent ?? '',
      highlights: [...CSS.highlights.keys()].flatMap((name) =>
        [...(CSS.highlights.get(name) ?? [])].map((r) => {
          const s = r as AbstractRange;
          return (s.startContainer.textContent ?? '').slice(s.startOffset, s.endOffset);
        }),
      ),
    };
  });
}

describe('own entries and notes in cards', () => {
  it('marks a new entry in an open tab without a reload, and keeps notes out of the page', async () => {
    const pageB = await pageWith(
      '/own-b.html',
      'Startups to watch',
      '<p>Investors say Norvane Labs could rival Qwen on coding tasks.</p><p>Nothing else here.</p>',
    );
    await waitForMarks(pageB, 1);
    expect(await markedTexts(pageB)).not.toContain('Norvane Labs');

    const saved = await ask<{ ok: boolean; entity?: { id: string } }>({
      type: 'entities/save',
      entity: {
        type: 'company',
        name: { en: 'Norvane Labs', zh: '诺凡实验室' },
        aliases: ['Norvane'],
        summary: { en: 'Private description: met their CTO in Hangzhou.' },
        related: ['qwen'],
      },
    });
    expect(saved.ok).toBe(true);
    expect(saved.entity?.id).toBe('norvane-labs');
    // The extension page took the front; page B is the reader's tab again (animation frames run).
    await pageB.bringToFront();

    // The open tab follows: the new engine arrives through storage and the page is rescanned.
    await pageB.waitForFunction(
      () =>
        [...(CSS.highlights.get('factlens-mark') ?? [])].some((r) => {
          const s = r as AbstractRange;
          return (s.startContainer.textContent ?? '').slice(s.startOffset, s.endOffset) === 'Norvane Labs';
        }),
      undefined,
      { timeout: 10_000 },
    );
    expect(await markedTexts(pageB)).toContain('Qwen');

    await hoverMark(pageB, 'Norvane Labs');
    const card = cardLocator(pageB);
    await card.waitFor({ state: 'visible' });
    await expect(card.locator('h2').textContent()).resolves.toContain('Norvane Labs');
    await expect.poll(() => closedText(pageB)).toContain('met their CTO in Hangzhou');

    // A note, written in the card: it keeps the sentence and the page.
    await card.getByRole('button', { name: /Add a note about Norvane Labs/ }).click();
    await focusClosedTextarea(pageB);
    await pageB.keyboard.type('Ask about their eval set.');
    await clickClosedButton(pageB, 'Save note');
    await expect.poll(() => closedText(pageB)).toContain('Ask about their eval set.');
    await expect
      .poll(() => closedText(pageB))
      .toContain('Investors say Norvane Labs could rival Qwen on coding tasks.');
    await expect.poll(() => closedText(pageB)).toContain('Startups to watch');
    await pageB.screenshot({ path: await screenshotPath('own-card-note-en.png') });

    // From the page's own world: the card's open part holds no private text, the private part
    // has no readable root, and the document's text is the page's own.
    const view = await pageView(pageB);
    expect(view.privateHosts).toBe(1);
    expect(view.privateRoots).toBe(0);
    for (const secret of ['met their CTO', 'Ask about their eval set', 'Investors say']) {
      expect(view.openText).not.toContain(secret);
      expect(view.openHtml).not.toContain(secret);
    }
    expect(view.bodyText).not.toContain('Ask about their eval set');

    // A third page: the note comes back with the card of the entry.
    const pageC = await pageWith(
      '/own-c.html',
      'Funding roundup',
      '<p>Norvane raised a new round this week.</p>',
    );
    await waitForMarks(pageC, 1);
    await hoverMark(pageC, 'Norvane');
    await cardLocator(pageC).waitFor({ state: 'visible' });
    await expect.poll(() => closedText(pageC)).toContain('Ask about their eval set.');
    expect(await closedText(pageC)).toContain('Investors say Norvane Labs could rival Qwen on coding tasks.');

    // A built-in entry's card takes notes too, and shows them on the next hover.
    await pageB.bringToFront();
    await pageB.mouse.move(5, 5);
    await card.waitFor({ state: 'detached' });
    await hoverMark(pageB, 'Qwen');
    await card.waitFor({ state: 'visible' });
    await card.getByRole('button', { name: /Add a note about/ }).click();
    await focusClosedTextarea(pageB);
    await pageB.keyboard.type('Compare with the Norvane claim.');
    await clickClosedButton(pageB, 'Save note');
    await expect.poll(() => closedText(pageB)).toContain('Compare with the Norvane claim.');
    await pageB.close();
    await pageC.close();
  });

  it('looks up a lookup-only entry on hover without any mark the page can read', async () => {
    const saved = await ask<{ ok: boolean }>({
      type: 'entities/save',
      entity: {
        type: 'product',
        name: { en: 'Project Quillfeather' },
        lookupOnly: true,
        summary: { en: 'Stealth codename.' },
      },
    });
    expect(saved.ok).toBe(true);
    const page = await pageWith(
      '/own-d.html',
      'Rumours',
      '<p>Sources mention Project Quillfeather and Qwen in one breath.</p>',
    );
    await waitForMarks(page, 1);
    const view = await pageView(page);
    expect(view.highlights).toContain('Qwen');
    expect(view.highlights.join(' ')).not.toContain('Quillfeather');
    // Hovering the words still opens its card.
    await hoverText(page, 'Quillfeather');
    const card = cardLocator(page);
    await card.waitFor({ state: 'visible' });
    await expect(card.locator('h2').textContent()).resolves.toContain('Project Quillfeather');
    await expect.poll(() => closedText(page)).toContain('Stealth codename.');
    await page.close();
  });

  it('tells a page whose only mention is a lookup-only entry nothing, until the reader asks for its card', async () => {
    const saved = await ask<{ ok: boolean }>({
      type: 'entities/save',
      entity: {
        type: 'company',
        name: { en: 'Vellumtide Labs' },
        lookupOnly: true,
        summary: { en: 'Private lead.' },
      },
    });
    expect(saved.ok).toBe(true);
    const page = await pageWith('/own-e.html', 'Hiring', '<p>Word is that Vellumtide Labs is hiring.</p>');
    // Found and counted (the side panel lists it)…
    await expect
      .poll(
        async () =>
          (
            await sendToTab<{ counts: Record<string, number> }>(session.browser, page.url(), {
              type: 'page-info',
            })
          ).counts,
      )
      .not.toEqual({});
    // …and nothing the page can see: no host, no registered highlight, no load of the card's code.
    const ours = () =>
      page.evaluate(() => ({
        hosts: document.querySelectorAll('factlens-ui').length,
        highlights: CSS.highlights.size,
        cardLoads: performance.getEntriesByName('factlens:card-load').length,
      }));
    expect(await ours()).toEqual({ hosts: 0, highlights: 0, cardLoads: 0 });
    expect(
      await page.evaluate(
        () => (performance.getEntriesByName('factlens:marked')[0] as PerformanceMark).detail.marks,
      ),
    ).toBe(0);
    await hoverText(page, 'Vellumtide');
    const card = cardLocator(page);
    await card.waitFor({ state: 'visible' });
    await expect(card.locator('h2').textContent()).resolves.toContain('Vellumtide Labs');
    expect(await ours()).toMatchObject({ hosts: 1, cardLoads: 1 });
    await page.close();
  });

  it('marks an entry saved while the page’s site was off, once the site is switched on', async () => {
    // The page reads the mention gate with its settings at start; the entry changes the gate
    // before the page ever activates, so that early copy must not be the one it uses.
    await patchSettings(session.browser, {
      disabledSites: [{ host: '127.0.0.1', includeSubdomains: false }],
    });
    const page = await pageWith(
      '/own-off.html',
      'A parser',
      '<p>Quillmark Systems shipped a faster parser this week.</p>',
    );
    await expect
      .poll(
        async () =>
          (await sendToTab<{ enabled: boolean }>(session.browser, page.url(), { type: 'page-info' })).enabled,
      )
      .toBe(false);
    const gateUser = () =>
      session.browser.context.serviceWorkers()[0]!.evaluate(async () => {
        const got = await chrome.storage.local.get('detector-gate');
        return (got['detector-gate'] as { user?: string } | undefined)?.user ?? '';
      });
    const before = await gateUser();
    const saved = await ask<{ ok: boolean }>({
      type: 'entities/save',
      entity: { type: 'company', name: { en: 'Quillmark Systems', zh: '奎尔马克' }, aliases: [] },
    });
    expect(saved.ok).toBe(true);
    // The engine and its gate with the new entry are stored (the gate's digest of the entries moves).
    await expect.poll(gateUser, { timeout: 10_000 }).not.toBe(before);
    await page.bringToFront();
    await patchSettings(session.browser, { disabledSites: [] });
    await expect.poll(() => markedTexts(page), { timeout: 10_000 }).toContain('Quillmark Systems');
    await page.close();
  });

  it('reports hostile packs, keeps what is stored and never renders their markup', async () => {
    const options = await session.browser.openExtensionPage('options.html');
    const entries = options.locator('#entries li[data-entry-id]');
    await entries.first().waitFor();
    const before = await entries.count();
    const importFile = async (name: string, buffer: Buffer) => {
      await options.locator('#pack-file').setInputFiles({ name, mimeType: 'application/json', buffer });
    };
    const alert = options.locator('#packs .fl-error[role="alert"]');

    // 50 MB: refused by its size, never read.
    const huge = join(await mkdtemp(join(tmpdir(), 'factlens-pack-')), 'huge.json');
    await writeFile(huge, Buffer.alloc(50 * 1024 * 1024, 0x20));
    await options.locator('#pack-file').setInputFiles(huge);
    await expect.poll(() => alert.textContent()).toMatch(/52\.4 MB; a pack can be at most 20 MB/);

    // 100,000 entries: refused as a whole by the count, the page stays responsive.
    const many = {
      format: 'factlens-pack',
      version: 1,
      name: 'Flood',
      entities: Array.from({ length: 100_000 }, (_, i) => ({
        id: `e-${i}`,
        type: 'chip',
        name: { en: `Chip ${i}` },
      })),
    };
    await importFile('flood.json', Buffer.from(JSON.stringify(many)));
    await expect.poll(() => alert.textContent(), { timeout: 20_000 }).toMatch(/100,?000/);
    expect(await options.evaluate(() => 1 + 1)).toBe(2);

    // Prototype keys, markup in names, one-letter aliases, a built-in id and an unknown note.
    const hostile = `{"format":"factlens-pack","version":1,"name":"Hostile <b>pack</b>","__proto__":{"polluted":1},
      "entities":[
        {"id":"qwen","type":"model","name":{"en":"Fake Qwen"}},
        {"id":"constructor","type":"chip","name":{"en":"Ctor chip"}},
        {"id":"xss-chip","type":"chip","name":{"en":"<img src=x onerror=alert(1)>Zephyrine"},"aliases":["x","Zephyrine"]}
      ],
      "notes":[{"entity":"nobody-here","text":"orphan"}]}`;
    await importFile('hostile.json', Buffer.from(hostile));
    const report = options.locator('[data-testid="pack-report"]');
    await expect.poll(() => report.textContent()).toContain('clashes with the built-in entry');
    const text = (await report.textContent()) ?? '';
    expect(text).toContain('unknown entry');
    expect(text).toMatch(/alias/);
    // The markup arrives as text: no element was made from it anywhere in the page.
    await options.locator('#entries li[data-entry-id="xss-chip"]').waitFor();
    expect(await options.locator('#entries li[data-entry-id="xss-chip"]').textContent()).toContain(
      '<img src=x',
    );
    expect(await options.locator('img[src="x"]').count()).toBe(0);
    expect(
      await options.evaluate(() => ({}) as Record<string, unknown>).then((o) => o.polluted),
    ).toBeUndefined();
    expect(await entries.count()).toBe(before + 1);
    await options.screenshot({ path: await screenshotPath('own-hostile-pack-en.png'), fullPage: true });
    await options.close();
  });
});
