// npm run kb: validates data/, compiles it and writes generated/{kb,detector,detector-gate,detector-table,search-index}.json.
// detector.json is the detector engine precompiled: the extension loads it instead of building it.
// On invalid data it prints every problem and exits 1. `--update-ids` also rewrites the id
// snapshot that the data tests hold the data to (see lib/kb/ids.ts).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { compileEngine } from '../lib/detect/engine';
import { gateOfEngine } from '../lib/detect/gate';
import { precompileEngine } from '../lib/detect/precompiled';
import { compileAll } from '../lib/kb/compile';
import { openccVariants } from '../lib/kb/han-dictionary';
import { ID_SNAPSHOT_PATH, type IdSnapshot, idSnapshot, missingIds } from '../lib/kb/ids';
import { loadData, repoRoot } from '../lib/kb/load';

function size(bytes: number): string {
  return bytes < 10_000 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

function main(): number {
  const { problems, data } = loadData();
  if (!data.source) problems.push('data/source.json: cannot build without it');
  if (problems.length) {
    console.error(`Invalid data: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
    for (const problem of problems) console.error(`  ${problem}`);
    return 1;
  }
  const { kb, detectorTable, searchIndex } = compileAll({ ...data, source: data.source! }, openccVariants());

  const engine = compileEngine(detectorTable);
  const outDir = path.join(repoRoot, 'generated');
  mkdirSync(outDir, { recursive: true });
  const outputs: [string, unknown][] = [
    ['kb.json', kb],
    ['detector.json', precompileEngine(engine)],
    // What content scripts read first: most pages need no more than this (lib/detect/gate.ts).
    ['detector-gate.json', gateOfEngine(engine)],
    ['search-index.json', searchIndex],
    // The source the background recompiles from when the reader adds entries of their own.
    ['detector-table.json', detectorTable],
  ];
  // The content script checks a cached detector and gate against this id, never against the
  // whole files: it covers both, so a gate of an older format is never read as this one.
  const buildHash = createHash('sha256');
  const sizes = outputs.map(([name, value]) => {
    const text = JSON.stringify(value);
    writeFileSync(path.join(outDir, name), text);
    if (name === 'detector.json' || name === 'detector-gate.json') buildHash.update(text);
    return `${name} ${size(Buffer.byteLength(text))}/${size(gzipSync(text).length)} gz`;
  });
  const id = buildHash.digest('hex').slice(0, 16);
  writeFileSync(path.join(outDir, 'detector-build.json'), JSON.stringify({ id }));

  const snapshotFile = path.join(repoRoot, ID_SNAPSHOT_PATH);
  const current = idSnapshot(data);
  if (process.argv.includes('--update-ids')) {
    writeFileSync(snapshotFile, `${JSON.stringify(current, null, 2)}\n`);
    console.log(
      `Updated ${ID_SNAPSHOT_PATH}: ${current.entities.length} entities, ${current.facts.length} facts`,
    );
  } else if (existsSync(snapshotFile)) {
    const gone = missingIds(JSON.parse(readFileSync(snapshotFile, 'utf8')) as IdSnapshot, current);
    // The data tests fail on this; the build still runs so authors can see the rest.
    for (const line of gone) console.warn(`warning: ${line} (ids are stable; see lib/kb/ids.ts)`);
  }

  const figures = kb.facts.reduce((n, f) => n + (f.figures?.length ?? 0), 0);
  console.log(
    `kb: ${kb.entities.length} entities, ${kb.facts.length} facts, ${figures} figures; ${sizes.join(', ')}`,
  );
  return 0;
}

process.exitCode = main();
