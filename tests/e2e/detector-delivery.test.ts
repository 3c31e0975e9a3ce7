// How pages get the detector: the background stores this build's precompiled engine in
// storage.local at install, and a page that finds no usable copy there (removed, damaged, from an
// older build) asks the background instead. Every way ends with the page marked.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileEngine } from '../../lib/detect/engine';
import { precompileEngine } from '../../lib/detect/precompiled';
import { makeTable } from '../../lib/detect/testing/tables';
import { probeExtension } from './extension-probes';
import { markedTexts, waitForMarks } from './page-helpers';
import { REPO_ROOT } from './paths';
import { useSession } from './session';

const session = useSession();
const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>delivery</title></head>
<body><p>Alibaba released Qwen while Huawei trained models on Ascend 910B chips with MindSpore.</p></body></html>`;

const worker = () => {
  const w = session.browser.context.serviceWorkers()[0];
  if (!w) throw new Error('the extension has no service worker');
  return w;
};
const stored = () =>
  worker().evaluate(
    async () => (await chrome.storage.local.get('detector')).detector as { build?: string; json?: string },
  );
const store = (value: unknown) =>
  worker().evaluate(async (v) => {
    await chrome.storage.local.set({ detector: v });
  }, value);

async function buildId(): Promise<string> {
  return JSON.parse(await readFile(resolve(REPO_ROOT, 'generated/detector-build.json'), 'utf8')).id;
}

let pageNumber = 0;
async function markedPage() {
  const path = `/delivery-${++pageNumber}.html`;
  session.server.route(path, { body: ARTICLE });
  const page = await session.browser.context.newPage();
  const probe = await probeExtension(page, session.browser.extensionId);
  await page.goto(session.server.url(path));
  await waitForMarks(page, 4);
  const texts = await markedTexts(page);
  await page.close();
  return { texts, probe };
}

describe('detector delivery', () => {
  it('stores this build’s precompiled detector at install', async () => {
    await expect.poll(async () => (await stored())?.build, { timeout: 10_000 }).toBe(await buildId());
    const json = (await stored()).json ?? '';
    expect(JSON.parse(json).v).toBe(1);
  });

  it('marks a page when storage holds no copy, and stores one again', async () => {
    await worker().evaluate(() => chrome.storage.local.remove('detector'));
    const { texts, probe } = await markedPage();
    expect(texts).toEqual(expect.arrayContaining(['Alibaba', 'Qwen', 'Huawei', 'MindSpore']));
    expect(probe.errors).toEqual([]);
    await expect.poll(async () => (await stored())?.build, { timeout: 10_000 }).toBe(await buildId());
  });

  it('marks a page when the stored copy is damaged', async () => {
    await store({ build: await buildId(), json: '{"v":1,"entities":[' });
    const { texts, probe } = await markedPage();
    expect(texts).toContain('Qwen');
    expect(probe.errors).toEqual([]);
  });

  it('falls back once to the bundled copy when the stored one parses but will not build', async () => {
    // Valid JSON of the right build and version, but no automaton inside: building it throws.
    await store({
      build: await buildId(),
      json: JSON.stringify({ v: 1, entities: [], aliases: [], negatives: [] }),
    });
    const path = `/delivery-${++pageNumber}.html`;
    session.server.route(path, { body: ARTICLE });
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url(path));
    await waitForMarks(page, 4);
    expect(await markedTexts(page)).toContain('Qwen');
    // Two builds at most (the stored copy, then the bundled one), not one per idle slice.
    await page.waitForTimeout(1500);
    const builds = await page.evaluate(() => performance.getEntriesByName('factlens:detector-load').length);
    expect(builds).toBeLessThanOrEqual(2);
    await page.close();
  });

  it('ignores a copy from another build', async () => {
    // A valid detector that knows one made-up name: used by mistake, the page would stay unmarked.
    const other = precompileEngine(compileEngine(makeTable([{ id: 'other', aliases: ['Zyxwv'] }])));
    await store({ build: 'an-older-build', json: JSON.stringify(other) });
    const { texts } = await markedPage();
    expect(texts).toEqual(expect.arrayContaining(['Qwen', 'MindSpore']));
  });
});
