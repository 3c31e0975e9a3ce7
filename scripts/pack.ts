// npm run --silent pack -- check FILE: reads a Factlens pack as the import does and prints every
// problem, one a line, then a summary. Exit 0: importable without errors (warnings allowed);
// 1: an entry or note would be skipped, or nothing can be imported; 2: no file to read.
// The built-in entries are compiled in memory from data/ (what generated/kb.json holds), so
// the check is never stale.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileKb } from '../lib/kb/compile';
import { loadData, repoRoot } from '../lib/kb/load';
import {
  type PackContext,
  type PackProblem,
  packContextFromKb,
  type ReadPack,
  readPack,
} from '../lib/knowledge/pack';

const USAGE = `usage: npm run --silent pack -- check FILE   (problems of a Factlens pack, then a summary)`;

let builtIn: PackContext['builtIn'] | undefined;

/** The built-in entries a pack is checked against; throws when data/ cannot be compiled. */
export function builtInContext(): PackContext['builtIn'] {
  if (builtIn) return builtIn;
  const { data } = loadData();
  if (!data.source) throw new Error('data/source.json is missing or invalid; run npm run kb to see why');
  builtIn = packContextFromKb(compileKb({ ...data, source: data.source }));
  return builtIn;
}

/** A pack file read with the built-in context, or why it could not be read at all. */
export function readPackFile(file: string): ReadPack | { cannotRead: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      cannotRead: `cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    };
  }
  return readPack(text, { builtIn: builtInContext() });
}

export function problemLine(p: PackProblem): string {
  // A message that starts with its field ("aliases[1] is too long") does not say it twice.
  const message =
    p.field && p.message.startsWith(`${p.field} `) ? p.message.slice(p.field.length + 1) : p.message;
  return `${p.severity.padEnd(8)}${p.kind.padEnd(7)}${p.id.padEnd(20)} ${p.field ? `${p.field}: ` : ''}${message}`;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function summaryLine(r: ReadPack): string {
  const { info } = r;
  const by = info.author ? ` by ${info.author}` : '';
  const own = info.own ? ' (your own entries)' : '';
  const errors = r.problems.filter((p) => p.severity === 'error').length;
  const tally = `${count(errors, 'error', 'errors')}, ${count(r.problems.length - errors, 'warning', 'warnings')}`;
  const head = `pack "${info.name}"${by}, revision ${info.revision}${own}`;
  if (!r.ok) return `${head}: nothing can be imported; ${tally}`;
  const accepted = `${count(r.accepted.entities, 'entity', 'entities')} and ${count(r.accepted.notes, 'note', 'notes')} accepted`;
  const skipped = [
    r.skipped.entities ? count(r.skipped.entities, 'entity', 'entities') : '',
    r.skipped.notes ? count(r.skipped.notes, 'note', 'notes') : '',
  ].filter(Boolean);
  return `${head}: ${accepted}${skipped.length ? `, ${skipped.join(' and ')} skipped` : ''}; ${tally}`;
}

export function main(argv: string[], out = console.log, err = console.error): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    out(USAGE);
    return 0;
  }
  const [command, file, ...rest] = argv;
  if (command !== 'check' || !file || rest.length) {
    err(USAGE);
    return 2;
  }
  const r = readPackFile(file);
  if ('cannotRead' in r) {
    err(r.cannotRead);
    return 2;
  }
  for (const p of r.problems) out(problemLine(p));
  out(summaryLine(r));
  return !r.ok || r.problems.some((p) => p.severity === 'error') ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(repoRoot, 'scripts/pack.ts')) {
  process.exitCode = main(process.argv.slice(2));
}
