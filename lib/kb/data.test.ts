// Tests of the real data in data/, against the schema, the shared entity list and the article.
// Each test lists every offending file, id and field, so one run shows all that is left to fix.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createArticleNumbers,
  createCopyFinder,
  factNumberProblems,
  quantitiesInText,
  stringsOf,
} from './article';
import { ID_SNAPSHOT_PATH, type IdSnapshot, idSnapshot, missingIds } from './ids';
import { loadData, readRawData, readShared, repoRoot } from './load';
import { SECTION_IDS } from './schema';
import { parseEntitySpec } from './spec';

const raw = readRawData();
const { problems, data } = loadData();
const article = readShared('seed/article.txt');
const specTsv = readShared('spec/entities.tsv');

const SKIP_NOTE = ' (SKIPPED: ../shared is absent; these checks need the article and spec/entities.tsv)';
if (!article || !specTsv)
  console.warn(`data.test.ts: ../shared not found beside the repository;${SKIP_NOTE}`);

const factFile = (id: string) => data.origins.facts[id] ?? 'data/facts/?';
const entityFile = (id: string) => data.origins.entities[id] ?? 'data/entities/?';

/** Entity names and aliases: digits inside them are versions, not quantities. */
const names = [
  ...data.entities.flatMap((e) => [e.name.en, e.name.zh]),
  ...Object.values(data.detection).flatMap((d) => d.aliases.map((a) => (typeof a === 'string' ? a : a.text))),
];

/** The id an item in a data file is known by, from the path of one of its strings. */
function ownerOf(file: string, json: unknown, fieldPath: string): { label: string; field: string } {
  const item = /^(entities|facts)\[(\d+)\]\.?(.*)$/.exec(fieldPath);
  if (item) {
    const list = (json as Record<string, { id?: unknown }[]>)[item[1]!];
    const id = list?.[Number(item[2])]?.id;
    const kind = item[1] === 'entities' ? 'entity' : 'fact';
    return { label: `${kind} ${typeof id === 'string' ? id : `#${item[2]}`}`, field: item[3] ?? '' };
  }
  if (file.startsWith('data/detection/')) {
    const [key, ...rest] = fieldPath.split('.');
    return { label: `detection ${key}`, field: rest.join('.') };
  }
  return { label: path.basename(file), field: fieldPath };
}

describe('data/ against the schema', () => {
  it('validates: schemas, unique ids, resolved references, detection entries, sections', () => {
    expect(problems).toEqual([]);
  });

  it('has unique entity ids and unique fact ids across all files', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const [kind, files] of [
      ['entities', raw.entities],
      ['facts', raw.facts],
    ] as const) {
      seen.clear();
      for (const file of files) {
        let json: Record<string, { id?: unknown }[]>;
        try {
          json = JSON.parse(file.text);
        } catch {
          continue; // reported by the validation test
        }
        for (const item of json[kind] ?? []) {
          if (typeof item?.id !== 'string') continue;
          const earlier = seen.get(item.id);
          if (earlier) duplicates.push(`${file.path}: ${item.id}: also in ${earlier}`);
          else seen.set(item.id, file.path);
        }
      }
    }
    expect(duplicates).toEqual([]);
  });

  it('resolves every related, fact entity and source id', () => {
    const known = new Set(data.entities.map((e) => e.id));
    const unresolved = [
      ...data.entities.flatMap((e) =>
        e.related
          .filter((id) => !known.has(id))
          .map((id) => `${entityFile(e.id)}: entity ${e.id}: related "${id}"`),
      ),
      ...data.facts.flatMap((f) => [
        ...f.entities
          .filter((id) => !known.has(id))
          .map((id) => `${factFile(f.id)}: fact ${f.id}: entities "${id}"`),
        ...(f.source && !known.has(f.source)
          ? [`${factFile(f.id)}: fact ${f.id}: source "${f.source}"`]
          : []),
      ]),
    ];
    expect(unresolved).toEqual([]);
  });

  it(`keeps every id of ${ID_SNAPSHOT_PATH} (update it with npm run kb -- --update-ids)`, () => {
    const file = path.join(repoRoot, ID_SNAPSHOT_PATH);
    expect(
      existsSync(file),
      `${ID_SNAPSHOT_PATH} is missing; create it with npm run kb -- --update-ids`,
    ).toBe(true);
    const snapshot = JSON.parse(readFileSync(file, 'utf8')) as IdSnapshot;
    expect(missingIds(snapshot, idSnapshot(data))).toEqual([]);
  });
});

describe('facts', () => {
  it('number at least 100', () => {
    expect(data.facts.length, `${data.facts.length} valid facts in data/facts/`).toBeGreaterThanOrEqual(100);
  });

  it('cover every section of the article', () => {
    const covered = new Set(data.facts.map((f) => f.section));
    expect(SECTION_IDS.filter((s) => !covered.has(s)).map((s) => `no facts for section "${s}"`)).toEqual([]);
  });

  it('name the source of every reported claim', () => {
    const missing = data.facts
      .filter((f) => f.kind === 'reported' && !f.source)
      .map((f) => `${factFile(f.id)}: fact ${f.id}: reported but has no source`);
    expect(missing).toEqual([]);
  });

  it('carry figures when their text states quantities', () => {
    const missing = data.facts
      .filter((f) => !f.figures?.length)
      .flatMap((f) => {
        const found = quantitiesInText(f, names);
        return found.length
          ? [
              `${factFile(f.id)}: fact ${f.id}: figures: none, but the text states ${found.map((m) => m.raw).join(', ')}`,
            ]
          : [];
      });
    expect(missing).toEqual([]);
  });
});

describe(`data/ against the shared material${article && specTsv ? '' : SKIP_NOTE}`, () => {
  it.skipIf(!specTsv)('has exactly the entities of spec/entities.tsv, with their ids and types', () => {
    const spec = parseEntitySpec(specTsv!);
    const byId = new Map(data.entities.map((e) => [e.id, e]));
    const specIds = new Set(spec.map((s) => s.id));
    const mismatches: string[] = [];
    for (const s of spec) {
      const e = byId.get(s.id);
      if (!e) {
        const broken = raw.entities.some((f) => f.text.includes(`"${s.id}"`));
        mismatches.push(
          `entity ${s.id} (${s.type}, ${s.nameEn}): ${broken ? 'present but invalid' : 'missing'}`,
        );
        continue;
      }
      const where = `${entityFile(e.id)}: entity ${e.id}`;
      if (e.type !== s.type) mismatches.push(`${where}: type is "${e.type}", the spec says "${s.type}"`);
      for (const field of ['name', 'summary'] as const) {
        for (const lang of ['en', 'zh'] as const) {
          if (!e[field][lang].trim()) mismatches.push(`${where}: ${field}.${lang} is empty`);
        }
      }
    }
    for (const e of data.entities) {
      if (!specIds.has(e.id))
        mismatches.push(`${entityFile(e.id)}: entity ${e.id}: not in spec/entities.tsv`);
    }
    expect(mismatches).toEqual([]);
  });

  it.skipIf(!article)('states only numbers that the article states (text in both languages, figures)', () => {
    const numbers = createArticleNumbers(article!, names);
    const unsupported = data.facts.flatMap((f) =>
      factNumberProblems(f, numbers, names).map(
        (p) => `${factFile(f.id)}: fact ${f.id}: ${p.field}: ${p.message}`,
      ),
    );
    expect(unsupported).toEqual([]);
  });

  it.skipIf(!article)('copies no run of 12 or more Chinese characters from the article', () => {
    const findCopies = createCopyFinder(article!);
    const copies: string[] = [];
    const files = [...(raw.source ? [raw.source] : []), ...raw.entities, ...raw.detection, ...raw.facts];
    for (const file of files) {
      let json: unknown;
      try {
        json = JSON.parse(file.text);
      } catch {
        continue; // reported by the validation test
      }
      for (const { path: fieldPath, text } of stringsOf(json)) {
        for (const run of findCopies(text)) {
          const { label, field } = ownerOf(file.path, json, fieldPath);
          copies.push(`${file.path}: ${label}: ${field}: copied "${run}"`);
        }
      }
    }
    expect(copies).toEqual([]);
  });
});
