// How pages get the detector: the background stores this build's precompiled engine and its
// mention gate in storage.local at install, and a page that finds no usable copy there (removed,
// damaged, from an older build) asks the background instead. Every way ends with the page marked.
// A page reads the gate first, and the detector only once some of its text passes the gate.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { compileEngine } from '../../lib/detect/engine';
import { GATE_VERSION } from '../../lib/detect/gate';
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
const store = (value: unknown, key = 'detector') =>
  worker().evaluate(
    async ([k, v]) => {
      await chrome.storage.local.set({ [k as string]: v });
    },
    [key, value],
  );
const storedGate = () =>
  worker().evaluate(
    async () =>
      (await chrome.storage.local.get('detector-gate'))['detector-gate'] as { build?: string; json?: string },
  );
const detectorLoads = (page: Page) =>
  page.evaluate(() => performance.getEntriesByName('factlens:detector-load').length);
const markerLoads = (page: Page) =>
  page.evaluate(() => performance.getEntriesByName('factlens:marker-load').length);

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

  it('stores the mention gate of the same build beside it', async () => {
    await expect.poll(async () => (await storedGate())?.build, { timeout: 10_000 }).toBe(await buildId());
    expect(JSON.parse((await storedGate()).json ?? '').v).toBe(GATE_VERSION);
  });

  it('never reads the detector on a page that mentions nothing, until a mention arrives', async () => {
    const path = `/delivery-quiet-${++pageNumber}.html`;
    session.server.route(path, {
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>quiet</title></head>
<body><p>The committee met on Tuesday to discuss the budget of the open library.</p>
<p>今天天气很好，我们去公园散步吧。</p></body></html>`,
    });
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url(path));
    await page.waitForFunction(() => performance.getEntriesByName('factlens:marked').length > 0);
    // The gate alone looked at the page: neither the marker's code nor the detector was read.
    expect(await markerLoads(page)).toBe(0);
    expect(await detectorLoads(page)).toBe(0);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = '阿里巴巴发布了通义千问，Huawei trains on Ascend chips.';
      document.body.append(p);
    });
    await waitForMarks(page, 2);
    expect(await markedTexts(page)).toEqual(expect.arrayContaining(['通义千问', 'Huawei']));
    expect(await markerLoads(page)).toBe(1);
    expect(await detectorLoads(page)).toBe(1);
    await page.close();
  });

  it('never reads the detector for names that only a menu, a share bar or hidden text holds', async () => {
    const path = `/delivery-furniture-${++pageNumber}.html`;
    session.server.route(path, {
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>furniture</title><style>.later{display:none}</style></head>
<body><nav><a href="/google">Google</a> <a href="/microsoft">Microsoft</a> <a href="/more">More</a></nav>
<article><h1>A walk in the park</h1><p>The committee met on Tuesday to discuss the budget of the library.</p>
<div class="share-bar"><a href="https://twitter.com/intent/tweet?url=x">Twitter</a></div>
<p class="later">Huawei trains on Ascend chips.</p></article>
<footer><p>Get the app on Google Play</p></footer></body></html>`,
    });
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url(path));
    await page.waitForFunction(() => performance.getEntriesByName('factlens:marked').length > 0);
    await page.waitForTimeout(300);
    expect(await detectorLoads(page)).toBe(0);
    // The paragraph hidden by the page's style sheet shows: it is looked at again, and now it
    // needs the detector.
    await page.evaluate(() => document.querySelector('p.later')?.classList.remove('later'));
    await waitForMarks(page, 2);
    expect(await markedTexts(page)).toEqual(expect.arrayContaining(['Huawei', 'Ascend']));
    expect(await markedTexts(page)).not.toContain('Twitter');
    expect(await detectorLoads(page)).toBe(1);
    await page.close();
  });

  it('marks a page when the stored gate is damaged or of another build', async () => {
    const gate = await storedGate();
    for (const bad of [
      { build: await buildId(), json: '{"v":1,"w":[' },
      { ...gate, build: 'an-older-build' },
    ]) {
      await store(bad, 'detector-gate');
      const { texts, probe } = await markedPage();
      expect(texts).toEqual(expect.arrayContaining(['Qwen', 'MindSpore']));
      expect(probe.errors).toEqual([]);
    }
    await store(gate, 'detector-gate');
  });

  it('moves an open page to the background’s engine when the stored pair is removed', async () => {
    // What the background does when it cannot store a new pair (storage full): it removes the
    // stale one, and open pages must not stay on it.
    const path = `/delivery-removed-${++pageNumber}.html`;
    session.server.route(path, { body: ARTICLE });
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url(path));
    await waitForMarks(page, 4);
    expect(await detectorLoads(page)).toBe(1);
    await worker().evaluate(() => chrome.storage.local.remove(['detector', 'detector-gate']));
    // Read again from the background (and once more when it stores a pair again).
    await expect.poll(() => detectorLoads(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    await waitForMarks(page, 4);
    expect(await markedTexts(page)).toEqual(expect.arrayContaining(['Qwen', 'MindSpore']));
    await page.close();
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
