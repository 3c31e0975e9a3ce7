// Every real-world page of the shared corpus, in the real browser: Factlens raises no error, makes
// no request, leaves the page's body markup byte-identical, and marks only what the same detector
// finds in the page's text when run in Node.
import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPageScanner } from '../../lib/detect';
import { loadDetectorTable } from '../../lib/detect/table-from-data';
import { collectTextNodes } from '../../lib/dom/text-nodes';
import { probeExtension } from './extension-probes';
import { hasShared, SHARED_DIR } from './paths';
import { useSession } from './session';
import { sendToTab } from './worker';

const PAGES_DIR = resolve(SHARED_DIR, 'corpus/pages');
const detectorTable = loadDetectorTable();
const pages = hasShared ? (await readdir(PAGES_DIR)).filter((f) => f.endsWith('.html')).sort() : [];

const session = useSession();

beforeAll(async () => {
  // Nothing leaves the machine: the pages' own images, fonts and trackers are refused.
  await session.browser.context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
});

/** Entities the detector finds in the page's text, scanned in Node the way the content script would. */
async function entitiesInNode(file: string): Promise<Set<string>> {
  const { document } = parseHTML(await readFile(resolve(PAGES_DIR, file), 'utf8'));
  const scanner = createPageScanner<number>(detectorTable);
  // From the document, not its body: linkedom files some malformed pages' content outside <body>.
  collectTextNodes(document).forEach((node, i) => {
    scanner.add(i, node.data);
  });
  return new Set(scanner.counts().keys());
}

it.skipIf(hasShared)('SKIPPED: the corpus tests need ../shared/corpus/pages, which is absent', () => {});

describe.skipIf(!hasShared)('the shared corpus of real pages', () => {
  for (const file of pages) {
    it(`runs cleanly on ${file}`, async () => {
      // The pages' own scripts are switched off so every run sees the same DOM; content scripts
      // are exempt from the page's CSP.
      const html = await readFile(resolve(PAGES_DIR, file));
      session.server.route(`/corpus-static/${file}`, {
        body: html,
        headers: { 'content-security-policy': "script-src 'none'" },
      });
      const page = await session.browser.context.newPage();
      const probe = await probeExtension(page, session.browser.extensionId);
      await page.addInitScript(() => {
        document.addEventListener('DOMContentLoaded', () => {
          (window as unknown as { before: string }).before = document.body?.innerHTML ?? '';
        });
      });
      await page.goto(session.server.url(`/corpus-static/${file}`), { waitUntil: 'domcontentloaded' });
      await page.waitForFunction(
        () => performance.getEntriesByName('factlens:marked').length > 0,
        undefined,
        {
          timeout: 30_000,
        },
      );

      const unchanged = await page.evaluate(
        () => document.body.innerHTML === (window as unknown as { before: string }).before,
      );
      expect(unchanged, 'body markup unchanged').toBe(true);
      expect(await page.evaluate(() => document.querySelectorAll('factlens-ui').length)).toBeLessThanOrEqual(
        1,
      );
      expect(probe.errors).toEqual([]);
      expect(probe.requests).toEqual([]);

      const { counts } = await sendToTab<{ counts: Record<string, number> }>(session.browser, page.url(), {
        type: 'page-info',
      });
      const expected = await entitiesInNode(file);
      const unexpected = Object.keys(counts).filter((id) => !expected.has(id));
      expect(unexpected, 'marked only what the detector finds in the text').toEqual([]);
      await page.close();
    });
  }
});
