// The whole journey of the reader's own knowledge, in each UI language: add an entry from a
// selection on one page (what the context menu does), see it marked on another page without a
// reload, add a note there, see it in the card on a third page, export the pack, delete
// everything, import the pack, and all is back.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension, screenshotPath } from './browser';
import { cardLocator, hoverMark, markedTexts, waitForMarks } from './page-helpers';
import { clickClosedButton, closedText, focusClosedTextarea } from './private-dom';
import { startServer, type TestServer } from './server';

const pages = {
  a: ['Hiring news', '<p>Engineers keep leaving big labs for Norvane Labs, people familiar with it say.</p>'],
  b: ['Startups to watch', '<p>Investors say Norvane Labs could rival Qwen on coding tasks.</p>'],
  c: ['Funding roundup', '<p>Norvane raised a new round this week, after DeepSeek did.</p>'],
} as const;

const hasMark = (page: Page, text: string) => markedTexts(page).then((t) => t.includes(text));

for (const lang of ['en-US', 'zh-CN'] as const) {
  const zh = lang === 'zh-CN';
  const tag = zh ? 'zh' : 'en';
  describe(`your own knowledge, end to end (${lang})`, () => {
    let server: TestServer;
    let b: ExtensionBrowser;
    beforeAll(async () => {
      server = await startServer();
      for (const [key, [title, body]] of Object.entries(pages)) {
        server.route(`/own-${key}.html`, {
          body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main><article><h1>${title}</h1>${body}</article></main></body></html>`,
        });
      }
      b = await launchWithExtension({ lang, colorScheme: zh ? 'dark' : 'light', closeWelcome: true });
    });
    afterAll(async () => {
      await b?.close();
      await server?.close();
    });

    it('adds, marks, notes, exports, deletes and imports back', async () => {
      const pageB = await b.context.newPage();
      await pageB.goto(server.url('/own-b.html'));
      await waitForMarks(pageB, 1);
      expect(await hasMark(pageB, 'Norvane Labs')).toBe(false);

      // Page A: the reader selects the name; the context menu's "Add “…” to Factlens" opens the
      // side panel's editor with the selection (the menu itself is browser chrome: its handler is
      // unit-tested, and here the same intent is stored).
      const pageA = await b.context.newPage();
      await pageA.goto(server.url('/own-a.html'));
      const selection = await pageA.evaluate(() => {
        const p = document.querySelector('p')!.firstChild as Text;
        const at = p.data.indexOf('Norvane Labs');
        const range = document.createRange();
        range.setStart(p, at);
        range.setEnd(p, at + 'Norvane Labs'.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return getSelection()!.toString();
      });
      const worker = b.context.serviceWorkers()[0]!;
      await worker.evaluate(
        (text) => chrome.storage.session.set({ panelIntent: { view: 'new-entry', text, at: Date.now() } }),
        selection,
      );
      const panel = await b.openExtensionPage('sidepanel.html');
      await panel.setViewportSize({ width: 400, height: 900 });
      const editor = panel.locator('form[data-testid="entry-editor"]');
      await editor.waitFor();
      await expect(editor.locator('input[name="nameEn"]').inputValue()).resolves.toBe('Norvane Labs');
      await editor.locator('input[name="nameZh"]').fill('诺凡实验室');
      await editor.locator('select[name="type"]').selectOption('company');
      await editor.getByRole('button', { name: zh ? '添加别名' : 'Add an alias' }).click();
      // A guardrail first: "AI" would mark ordinary text, so Save waits until it is gone.
      await editor.locator('[data-alias-row="0"] input[name="alias"]').fill('AI');
      await editor.locator('.fl-entry-verdict[data-level="refuse"]').first().waitFor();
      expect(await editor.locator('button[type="submit"]').isDisabled()).toBe(true);
      await editor.locator('[data-alias-row="0"] input[name="alias"]').fill('Norvane');
      await expect.poll(() => editor.locator('button[type="submit"]').isDisabled()).toBe(false);
      await editor.locator('textarea[name="summaryEn"]').fill('Private: their CTO left a frontier lab.');
      await panel.screenshot({ path: await screenshotPath(`own-editor-${tag}.png`) });
      await editor.locator('button[type="submit"]').click();
      await panel.locator('article[data-own="true"][data-entity-id="norvane-labs"]').waitFor();

      // Explore finds it among the built-in entries, labelled as the reader's.
      await panel
        .getByRole('button', { name: zh ? /返回/ : /Back/ })
        .first()
        .click();
      await panel.locator('#explore-q').fill('Norvane');
      await panel.locator('.fl-entity-row[data-own="true"][data-entity-id="norvane-labs"]').waitFor();

      // Page B, open all along, is marked without a reload.
      await pageB.bringToFront();
      await expect.poll(() => hasMark(pageB, 'Norvane Labs'), { timeout: 10_000 }).toBe(true);

      // A note in the card on page B.
      await hoverMark(pageB, 'Norvane Labs');
      const cardB = cardLocator(pageB);
      await cardB.waitFor({ state: 'visible' });
      await cardB
        .locator('footer button')
        .filter({ hasText: zh ? '添加笔记' : 'Add note' })
        .click();
      await focusClosedTextarea(pageB);
      await pageB.keyboard.type('Ask about their eval set.');
      await clickClosedButton(pageB, zh ? '保存笔记' : 'Save note');
      await expect.poll(() => closedText(pageB)).toContain('Ask about their eval set.');

      // Page C: the note comes back in the entry's card, with the sentence from page B.
      const pageC = await b.context.newPage();
      await pageC.goto(server.url('/own-c.html'));
      await waitForMarks(pageC, 1);
      await hoverMark(pageC, 'Norvane');
      await cardLocator(pageC).waitFor({ state: 'visible' });
      await expect.poll(() => closedText(pageC)).toContain('Ask about their eval set.');
      expect(await closedText(pageC)).toContain(
        'Investors say Norvane Labs could rival Qwen on coding tasks.',
      );
      expect(await closedText(pageC)).toContain('Private: their CTO left a frontier lab.');
      await pageC.screenshot({ path: await screenshotPath(`own-card-${tag}.png`) });

      // The side panel's desk lists the note beside the pins.
      await panel.bringToFront();
      await panel.getByRole('tab', { name: zh ? /收藏/ : /Pinned/ }).click();
      await panel.locator('li.fl-desk-note[data-entity="norvane-labs"]').waitFor();
      await panel.screenshot({ path: await screenshotPath(`own-desk-${tag}.png`) });

      // Export the pack from the options page.
      const options = await b.openExtensionPage('options.html');
      await options.locator('#entries li[data-entry-id="norvane-labs"]').waitFor();
      const download = options.waitForEvent('download');
      await options.locator('[data-action="export-pack"]').click();
      const file = await (await download).path();
      const pack = JSON.parse(await readFile(file, 'utf8'));
      expect(pack).toMatchObject({ format: 'factlens-pack', version: 1, own: true });
      expect(pack.entities.map((e: { id: string }) => e.id)).toEqual(['norvane-labs']);
      expect(pack.notes.map((n: { text: string }) => n.text)).toEqual(['Ask about their eval set.']);
      await options.locator('#entries').screenshot({ path: await screenshotPath(`own-options-${tag}.png`) });

      // One delete, undone: the entry and its note come back.
      await options.locator('#entries li[data-entry-id="norvane-labs"] [data-action="delete"]').click();
      await options.locator('#entries li[data-entry-id="norvane-labs"]').waitFor({ state: 'detached' });
      await options.locator('#entries [data-action="undo-entry"]').click();
      await options.locator('#entries li[data-entry-id="norvane-labs"]').waitFor();
      await panel.locator('li.fl-desk-note[data-entity="norvane-labs"]').waitFor();

      // Delete everything: the marks leave the open tab, the lists empty.
      await options.locator('[data-action="clear-own"]').click();
      await options.locator('[data-action="confirm-clear-own"]').click();
      await options.locator('#entries li[data-entry-id="norvane-labs"]').waitFor({ state: 'detached' });
      await expect.poll(() => hasMark(pageB, 'Norvane Labs'), { timeout: 10_000 }).toBe(false);
      expect(await panel.locator('li.fl-desk-note').count()).toBe(0);

      // Import the pack: all is back.
      await options.locator('#pack-file').setInputFiles(file);
      await options.locator('[data-testid="pack-report"]').waitFor();
      expect(await options.locator('[data-testid="pack-report"]').textContent()).toMatch(
        zh ? /1/ : /Accepted: entries 1, notes 1/,
      );
      await options.locator('#entries li[data-entry-id="norvane-labs"]').waitFor();
      await expect.poll(() => hasMark(pageB, 'Norvane Labs'), { timeout: 10_000 }).toBe(true);
      await panel.locator('li.fl-desk-note[data-entity="norvane-labs"]').waitFor();
      await pageC.bringToFront();
      await pageC.reload();
      await waitForMarks(pageC, 1);
      await hoverMark(pageC, 'Norvane');
      await cardLocator(pageC).waitFor({ state: 'visible' });
      await expect.poll(() => closedText(pageC)).toContain('Ask about their eval set.');
      await options.locator('#packs').screenshot({ path: await screenshotPath(`own-packs-${tag}.png`) });

      // A malformed pack changes nothing and says so.
      await options.locator('#pack-file').setInputFiles({
        name: 'broken.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"format":"factlens-pack","version":1,"entities":['),
      });
      await expect
        .poll(() => options.locator('#packs .fl-error[role="alert"]').textContent())
        .toMatch(zh ? /没有导入任何内容/ : /Nothing was imported and nothing was changed/);
      expect(
        await options.locator('[data-testid="pack-report"] li[data-severity="error"]').textContent(),
      ).toContain('not JSON');
      expect(await options.locator('#entries li[data-entry-id="norvane-labs"]').count()).toBe(1);
      for (const p of [pageA, pageB, pageC, panel, options]) await p.close();
    });
  });
}
