// npm run facts -- <words>: fuzzy search of the fact index, compiled in memory from data/.
// npm run --silent facts -- --json: the whole compiled index as one JSON object on stdout.
import { compileKb } from '../lib/kb/compile';
import type { CompiledKb } from '../lib/kb/compiled';
import { loadData } from '../lib/kb/load';
import { buildSearchIndex, createSearch, type SearchResult, searchDocs } from '../lib/kb/search';

const HELP = `Search the Factlens knowledge base (compiled from data/).

Usage:
  npm run facts -- <query words>     best matches for the query, in English or Chinese
  npm run facts -- --limit 10 <query>
  npm run --silent facts -- --json   the whole compiled index as JSON on stdout

Examples:
  npm run facts -- ascend
  npm run facts -- 昇腾
  npm run facts -- export controls
  npm run facts -- funding 2023`;

const DEFAULT_LIMIT = 6;

interface Args {
  help: boolean;
  json: boolean;
  limit: number;
  query: string;
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { help: false, json: false, limit: DEFAULT_LIMIT, query: '' };
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--json') args.json = true;
    else if (arg === '--limit' || arg === '-n') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) return `--limit needs a positive whole number`;
      args.limit = n;
    } else if (arg.startsWith('-') && arg.length > 1 && !/^-\d/.test(arg)) return `unknown option ${arg}`;
    else words.push(arg);
  }
  args.query = words.join(' ').trim();
  return args;
}

function printResult(kb: CompiledKb, result: SearchResult, rank: number): void {
  const names = new Map(kb.entities.map((e) => [e.id, e.name]));
  const score = result.score.toFixed(3);
  if (result.kind === 'entity') {
    const e = result.entity;
    console.log(`${rank}. ${e.name.en} / ${e.name.zh}  [${e.type}]  id: ${e.id}  (score ${score})`);
    if (e.aliases.length) console.log(`   aliases: ${e.aliases.join(', ')}`);
    return;
  }
  const f = result.fact;
  const section = kb.source.sections[f.section];
  const about = f.entities.map((id) => {
    const name = names.get(id);
    return name ? `${name.en} / ${name.zh}` : id;
  });
  console.log(`${rank}. Fact ${f.id}  [${f.kind}]  (score ${score})`);
  console.log(`   EN: ${f.text.en}`);
  console.log(`   ZH: ${f.text.zh}`);
  console.log(`   About: ${about.join('; ')}`);
  console.log(`   Section: ${section.en} / ${section.zh}`);
}

function main(argv: string[]): number {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    console.error(`${args}\n\n${HELP}`);
    return 2;
  }
  if (args.help) {
    console.log(HELP);
    return 0;
  }
  if (!args.json && !args.query) {
    console.error(`No query given. Try: npm run facts -- ascend   (or --help)`);
    return 2;
  }

  const { problems, data } = loadData();
  if (!data.source) {
    console.error('data/source.json is missing or invalid; run npm run kb to see why');
    return 1;
  }
  if (problems.length) {
    // The index is exactly what npm run kb would ship only when the data is valid.
    if (args.json) {
      console.error(`Invalid data (${problems.length} problems):\n  ${problems.join('\n  ')}`);
      return 1;
    }
    console.error(
      `warning: ${problems.length} data problems; searching what is valid (npm run kb lists them)\n`,
    );
  }
  const kb = compileKb({ ...data, source: data.source });
  if (args.json) {
    process.stdout.write(`${JSON.stringify(kb)}\n`);
    return 0;
  }

  const search = createSearch(kb, buildSearchIndex(searchDocs(kb)));
  const results = search.search(args.query, args.limit);
  if (!results.length) {
    console.log(`No matches for "${args.query}".`);
    return 0;
  }
  console.log(`Best matches for "${args.query}":\n`);
  results.forEach((r, i) => {
    printResult(kb, r, i + 1);
    console.log('');
  });
  return 0;
}

process.exitCode = main(process.argv.slice(2));
