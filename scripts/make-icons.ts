// Renders public/icon/icon.svg to the PNG sizes the manifest needs, with the system Chromium.
// Run once after editing the SVG: `npx tsx scripts/make-icons.ts`; the PNGs are committed.
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/chromium';

const dir = resolve(import.meta.dirname, '../public/icon');
const svg = await readFile(resolve(dir, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const page = await browser.newPage();
for (const size of [16, 32, 48, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  await writeFile(resolve(dir, `${size}.png`), await page.screenshot({ omitBackground: true }));
}
await browser.close();
console.log('icons written to public/icon');
