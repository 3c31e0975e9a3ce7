// Builds the extension before a benchmark. The lead may be mid-edit, so a failed build is reported
// and, when a complete earlier build exists, the benchmark goes on with it, labelled as stale.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Terminal colour codes, should a tool print them anyway.
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, 'g');

export interface BuildInfo {
  requested: boolean;
  ok: boolean;
  /** The last lines of the failed build's output. */
  error?: string;
  /** When the content script under test was built. */
  contentScriptBuiltAt?: string;
  stale: boolean;
}

export const contentScriptPath = (extensionDir: string) => join(extensionDir, 'content-scripts/content.js');

/** The files the content script imports on first need: the marker's, then the card's. */
export const LAZY_FILES = ['marker.js', 'card-ui.js'] as const;

export function isCompleteBuild(extensionDir: string): boolean {
  return existsSync(join(extensionDir, 'manifest.json')) && existsSync(contentScriptPath(extensionDir));
}

export function buildExtension(repoRoot: string, extensionDir: string, requested: boolean): BuildInfo {
  let ok = !requested;
  let error: string | undefined;
  if (requested) {
    const run = spawnSync('npm', ['run', '--silent', 'build'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    ok = run.status === 0;
    if (!ok) {
      const output = `${run.stdout ?? ''}\n${run.stderr ?? ''}`.replace(ANSI, '');
      error = output.trim().split('\n').filter(Boolean).slice(-12).join('\n');
    }
  }
  if (!isCompleteBuild(extensionDir)) {
    throw new Error(
      `no complete extension build in ${extensionDir}${error ? `; npm run build failed:\n${error}` : ' (run npm run build)'}`,
    );
  }
  return {
    requested,
    ok,
    error,
    contentScriptBuiltAt: statSync(contentScriptPath(extensionDir)).mtime.toISOString(),
    stale: requested && !ok,
  };
}
