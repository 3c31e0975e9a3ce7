// The least a content script of ours can cost: a copy of the built extension whose content script
// does only what any page's start needs (read the synced settings and this site's rules with the
// mention gate, parse the gate's JSON, listen for storage changes and messages) and then says it
// is done. Factlens on the page with nothing to mark is set beside it, in the same run, so the
// browser's own cost of a content script (its world, the extension bindings on first touch) is
// not taken for ours.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension } from '../../tests/e2e/browser';
import { contentScriptPath } from './build';
import { factlensRun } from './runs';
import { type Summary, summarize } from './stats';

/** The stand-in content script: the same storage reads, JSON parse and listeners, then the mark. */
export const API_FLOOR_SCRIPT = `(() => {
  const api = globalThis.browser?.runtime?.id ? globalThis.browser : globalThis.chrome;
  const host = location.hostname;
  Promise.all([
    api.storage.sync.get('settings'),
    api.storage.local.get(['site:' + host, 'detector-gate']),
  ]).then(([, local]) => {
    const gate = local['detector-gate'];
    if (gate && typeof gate.json === 'string') JSON.parse(gate.json);
    api.storage.onChanged.addListener(() => {});
    api.runtime.onMessage.addListener(() => false);
    performance.mark('factlens:marked', { detail: { marks: 0 } });
  });
})();
`;

export interface ApiFloor {
  /** Content-script CPU of the stand-in, per page load. */
  cpuMs: Summary;
}

/** Loads `url` `repeats` times in a browser with the stand-in extension; the copy is removed after. */
export async function measureApiFloor(
  extensionDir: string,
  url: string,
  repeats: number,
  intervalUs: number,
  allowRequest: (url: URL) => boolean,
): Promise<ApiFloor> {
  const dir = await mkdtemp(join(tmpdir(), 'factlens-api-floor-'));
  try {
    await cp(extensionDir, dir, { recursive: true });
    await writeFile(contentScriptPath(dir), API_FLOOR_SCRIPT);
    const browser = await launchWithExtension({ extensionDir: dir, closeWelcome: true });
    try {
      await browser.context.route(
        (u) => !allowRequest(u),
        (route) => route.abort('blockedbyclient'),
      );
      const runs: number[] = [];
      for (let r = 0; r < repeats; r++)
        runs.push((await factlensRun(browser.context, url, intervalUs)).cpu.attributedMs);
      return { cpuMs: summarize(runs) };
    } finally {
      await browser.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
