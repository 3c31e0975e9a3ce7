// Every real-world page of the shared corpus, in the real browser: Factlens raises no error, makes
// no request, leaves the page's body markup byte-identical, marks only what the same detector
// finds in the page's text when run in Node, and paints no mark the labelled set calls furniture.
import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDetector } from '../../lib/detect';
import { loadDetectorTable } from '../../lib/detect/table-from-data';
import { corpusDocument, loadMarkLabels, markKey, pageMarks } from '../../lib/dom/labelled/page-marks';
import { scanPage } from '../../lib/dom/page-scan';
import { probeExtension } from './extension-probes';
import { hasShared, SHARED_DIR } from './paths';
import { useSession } from './session';
import { sendToTab } from './worker';

const PAGES_DIR = resolve(SHARED_DIR, 'corpus/pages');
const engine = createDetector(loadDetectorTable()).engine;
const labels = new Map(loadMarkLabels().map((l) => [markKey(l), l.label]));
const pages = hasShared ? (await readdir(PAGES_DIR)).filter((f) => f.endsWith('.html')).sort() : [];

const session = useSession();

beforeAll(async () => {
  // Nothing leaves the machine: the pages' own images, fonts and trackers are refused; the
  // extension's own files (the marker's and the card's modules) load.
  await session.browser.context.route(
    (url) => url.hostname !== '127.0.0.1' && url.protocol !== 'chrome-extension:',
    (route) => route.abort(),
  );
});

/** Entities the detector finds in the page's text, scanned in Node the way the content script would. */
async function entitiesInNode(file: string): Promise<Set<string>> {
  const { document } = parseHTML(await readFile(resolve(PAGES_DIR, file), 'utf8'));
  // From the document, not its body: linkedom files some malformed pages' content outside <body>.
  return new Set(scanPage(document as unknown as Node, engine).counts.keys());
}

/**
 * Text, offsets and label of every labelled mark of a page: a painted range with the same node
 * text and offsets as a furniture mark, and none as a content mark, is furniture painted — unless
 * the rules in Node keep it too (the few misses the labelled-set test allows and reports).
 */
function furnitureMarks(file: string): Set<string> {
  const tallies = new Map<string, { content: number; furniture: number }>();
  const name = `corpus/pages/${file}`;
  const doc = corpusDocument(name);
  const keptByRules = new Set(pageMarks(name, doc, engine, true).map((m) => m.key));
  for (const m of pageMarks(name, doc, engine, false)) {
    const at = `${m.mention.start}:${m.mention.end}:${m.node.data}`;
    const tally = tallies.get(at) ?? { content: 0, furniture: 0 };
    if (labels.get(m.key) === 'furniture' && !keptByRules.has(m.key)) tally.furniture++;
    else tally.content++;
    tallies.set(at, tally);
  }
  return new Set([...tallies].filter(([, t]) => t.content === 0 && t.furniture > 0).map(([at]) => at));
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

      const painted = await page.evaluate((name) => {
        const out: string[] = [];
        for (const r of CSS.highlights.get(name) ?? []) {
          const range = r as AbstractRange;
          out.push(`${range.startOffset}:${range.endOffset}:${range.startContainer.textContent ?? ''}`);
        }
        return out;
      }, 'factlens-mark');
      const furnitureHere = furnitureMarks(file);
      const furniture = painted.filter((at) => furnitureHere.has(at));
      expect(
        furniture.map((at) => at.slice(0, 80)),
        'no mark in page furniture',
      ).toEqual([]);
      await page.close();
    });
  }
});
