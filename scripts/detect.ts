// npm run detect — the detector from the command line.
//
//   npm run --silent detect -- --jsonl    stdin: one {"id": …, "text": "…"} per line; stdout: one
//                                         {"id": …, "mentions": [{entity, start, end, text}]} per
//                                         input line, in order, each line its own page. A line that
//                                         is not such an object (blank lines included) gets
//                                         {"id": <its id or null>, "error": "…"} on stdout, so the
//                                         output stays line-for-line with the input, and a message
//                                         on stderr; processing goes on. Nothing else is printed.
//   npm run detect -- FILE...             mentions of text, Markdown or HTML files, readably.
//                                         HTML is read as the content script sees it: visible text
//                                         nodes, each scanned as one node of a page.
//   npm run detect -- --eval              precision/recall on the labelled set, with every false
//                                         positive and negative.
//   npm run detect -- --marks             the page-furniture rules on the hand-labelled marks of
//                                         the corpus pages and READMEs: precision, recall, errors.
//   --pack FILE (with any of the above)   also the accepted entries of a Factlens pack, through the
//                                         engine the extension builds for the reader's entries
//                                         (lib/knowledge/engine.ts); a pack that cannot be
//                                         imported at all prints its problems and exits 2.
//
// The table is compiled in memory from data/, so it is never stale.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseHTML } from 'linkedom';
import { type CompiledDetector, createDetector } from '../lib/detect';
import type { Engine } from '../lib/detect/engine';
import { evaluate, formatEvaluation } from '../lib/detect/evaluate';
import {
  loadCorpusItems,
  loadOwnSentences,
  loadWebPassages,
  passageLanguage,
  WEB_SETS,
} from '../lib/detect/labelled/load';
import { engineFromPrecompiled } from '../lib/detect/precompiled';
import { scannerFor } from '../lib/detect/scanner';
import { loadDetectorTable } from '../lib/detect/table-from-data';
import type { Mention } from '../lib/detect/types';
import { evaluateMarks, formatMarkEvaluation } from '../lib/dom/labelled/page-marks';
import { scanPage } from '../lib/dom/page-scan';
import type { DetectorTable } from '../lib/kb/compiled';
import { repoRoot } from '../lib/kb/load';
import { compileCombined } from '../lib/knowledge/engine';
import { problemLine, readPackFile, summaryLine } from './pack';

type Detecting = Pick<CompiledDetector, 'engine' | 'detect'>;

function loadTable(): DetectorTable {
  return loadDetectorTable();
}

/** Stateless detection over a ready engine, each string a page of its own (as createDetector). */
export function detectorFor(engine: Engine): Detecting {
  const scanner = scannerFor<0>(engine);
  return {
    engine,
    detect(text) {
      const mentions = scanner.add(0, text);
      scanner.remove(0);
      return mentions;
    },
  };
}

/** The built-in detector, or with a pack the one the extension builds; a number is an exit code. */
function loadDetector(pack: string | undefined): Detecting | number {
  if (pack === undefined) return createDetector(loadTable());
  const read = readPackFile(pack);
  if ('cannotRead' in read) {
    console.error(read.cannotRead);
    return 2;
  }
  if (!read.ok) {
    for (const p of read.problems) console.error(problemLine(p));
    console.error(summaryLine(read));
    return 2;
  }
  const hint = read.problems.length ? ` (npm run pack -- check ${pack} lists the problems)` : '';
  console.error(`${summaryLine(read)}${hint}`);
  return detectorFor(engineFromPrecompiled(compileCombined(loadTable(), read.entities)));
}

/** One output line for one input line. */
export function jsonlLine(
  detect: (text: string) => Mention[],
  line: string,
): { out: string; error?: string } {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch (e) {
    const error = `invalid JSON: ${(e as Error).message}`;
    return { out: JSON.stringify({ id: null, error }), error };
  }
  const record = typeof input === 'object' && input !== null && !Array.isArray(input) ? input : null;
  const id = record && 'id' in record ? (record as { id: unknown }).id : null;
  const text = record ? (record as { text?: unknown }).text : undefined;
  if (typeof text !== 'string') {
    const error = record ? '"text" must be a string' : 'expected an object {"id", "text"}';
    return { out: JSON.stringify({ id: id ?? null, error }), error };
  }
  const mentions = detect(text).map(({ entity, start, end, text: t }) => ({ entity, start, end, text: t }));
  return { out: JSON.stringify({ id: id ?? null, mentions }) };
}

async function runJsonl(detector: Detecting): Promise<number> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  let buffer = '';
  for await (const line of lines) {
    n++;
    const { out, error } = jsonlLine(detector.detect, line);
    if (error) process.stderr.write(`line ${n}: ${error}\n`);
    buffer += `${out}\n`;
    if (buffer.length > 1 << 16) {
      if (!process.stdout.write(buffer)) await new Promise((r) => process.stdout.once('drain', r));
      buffer = '';
    }
  }
  process.stdout.write(buffer);
  return 0;
}

interface Located extends Mention {
  line: number;
  column: number;
  context: string;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function locate(source: string, starts: number[], offset: number, m: Mention): Located {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  const before = source.slice(Math.max(0, offset - 30), offset).replace(/\s+/g, ' ');
  const after = source.slice(offset + m.text.length, offset + m.text.length + 30).replace(/\s+/g, ' ');
  return { ...m, line: lo + 1, column: offset - starts[lo]! + 1, context: `…${before}[${m.text}]${after}…` };
}

/** Mentions of an HTML page, scanned as the content script scans it (furniture left out), placed back in the source. */
function htmlMentions(source: string, table: Detecting): Located[] {
  const { document } = parseHTML(source);
  const { nodes, mentions: byNode } = scanPage(
    (document.body ?? document.documentElement) as unknown as Node,
    table.engine,
  );
  // Text nodes appear in source order; find each in the source from a moving cursor (entities
  // like &amp; can defeat this, then the mention itself is searched for).
  const starts = lineStarts(source);
  const out: Located[] = [];
  let cursor = 0;
  nodes.forEach((node, i) => {
    const mentions = byNode[i]!;
    // Text content follows a '>' far more often than attribute values do.
    const tagged = source.indexOf(`>${node.data}`, cursor);
    const at = tagged >= 0 ? tagged + 1 : source.indexOf(node.data, cursor);
    if (at >= 0) cursor = at + node.data.length;
    for (const m of mentions) {
      const offset = at >= 0 ? at + m.start : source.indexOf(m.text, cursor);
      out.push(locate(source, starts, Math.max(0, offset), m));
    }
  });
  return out;
}

function runFiles(files: string[], detector: Detecting): number {
  let status = 0;
  for (const file of files) {
    if (!existsSync(file)) {
      console.error(`${file}: no such file`);
      status = 1;
      continue;
    }
    const source = readFileSync(file, 'utf8');
    const mentions = /\.x?html?$/i.test(file)
      ? htmlMentions(source, detector)
      : detector.detect(source).map((m) => locate(source, lineStarts(source), m.start, m));
    const entities = new Set(mentions.map((m) => m.entity));
    console.log(
      `${file}: ${mentions.length} mention(s) of ${entities.size} entit${entities.size === 1 ? 'y' : 'ies'}`,
    );
    for (const m of mentions) {
      console.log(`  ${`${m.line}:${m.column}`.padEnd(9)} ${m.entity.padEnd(20)} ${m.context}`);
    }
  }
  return status;
}

function runEval(detector: Detecting): number {
  const own = loadOwnSentences();
  const corpus = loadCorpusItems();
  console.log(formatEvaluation(evaluate(detector.detect, own), 'own sentences'));
  if (!corpus.available) console.log('corpus passages: skipped (../shared/corpus not found)');
  else console.log(formatEvaluation(evaluate(detector.detect, corpus.items), 'corpus passages'));
  for (const p of corpus.problems) console.log(`  unresolved reference: ${p}`);
  const web = WEB_SETS.flatMap((set) => loadWebPassages(set));
  for (const lang of ['en', 'zh'] as const) {
    const items = web.filter((item) => passageLanguage(item.text) === lang);
    console.log(formatEvaluation(evaluate(detector.detect, items), `web-modelled passages (${lang})`));
  }
  const all = evaluate(detector.detect, [...own, ...corpus.items, ...web]);
  console.log(
    `all: precision ${all.precision.toFixed(4)} recall ${all.recall.toFixed(4)} over ${all.passages} passages`,
  );
  return corpus.problems.length ? 1 : 0;
}

/** The page-furniture rules against the hand-labelled marks of the corpus pages and READMEs. */
function runMarks(detector: Detecting): number {
  const result = evaluateMarks(detector.engine);
  if (result.files === 0) {
    console.log('real-page marks: skipped (../shared/corpus not found)');
    return 0;
  }
  console.log(formatMarkEvaluation(result));
  return result.unlabelled.length || result.stale.length ? 1 : 0;
}

const USAGE = `usage: npm run --silent detect -- --jsonl   (JSON lines on stdin)
       npm run detect -- FILE...              (text, Markdown or HTML files)
       npm run detect -- --eval               (labelled-set precision, recall and confusion)
       npm run detect -- --marks              (page furniture: labelled real-page marks)
       add --pack FILE to any of them         (also the entries of a Factlens pack)`;

/** `--pack FILE` or `--pack=FILE` taken out of the arguments; a string alone is a usage error. */
export function takePack(argv: readonly string[]): { pack?: string; rest: string[] } | string {
  const rest: string[] = [];
  let pack: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg !== '--pack' && !arg.startsWith('--pack=')) {
      rest.push(arg);
      continue;
    }
    if (pack !== undefined) return '--pack can be given once';
    pack = arg === '--pack' ? argv[++i] : arg.slice('--pack='.length);
    if (!pack) return '--pack needs a file';
  }
  return pack === undefined ? { rest } : { pack, rest };
}

async function main(argv: string[]): Promise<number> {
  const args = takePack(argv);
  if (typeof args === 'string') {
    console.error(`${args}\n${USAGE}`);
    return 2;
  }
  const { rest } = args;
  const files = rest.filter((a) => !a.startsWith('--'));
  const mode = ['--jsonl', '--eval', '--marks'].find((m) => rest.includes(m));
  if (!mode && (rest.includes('--help') || files.length === 0)) {
    console.error(USAGE);
    return rest.includes('--help') ? 0 : 2;
  }
  const detector = loadDetector(args.pack);
  if (typeof detector === 'number') return detector;
  if (mode === '--jsonl') return runJsonl(detector);
  if (mode === '--eval') return runEval(detector);
  if (mode === '--marks') return runMarks(detector);
  return runFiles(files, detector);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(repoRoot, 'scripts/detect.ts')) {
  // A closed pipe (| head) ends the output quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
