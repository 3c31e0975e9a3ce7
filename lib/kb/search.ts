// Fuzzy search over entities and facts in English and Chinese. The Fuse index is built once
// by scripts/build-kb.ts and only parsed at run time, so the side panel opens without indexing.
// Pure; runs in the browser and in Node.
import Fuse, { type FuseIndex, type FuseResult, type IFuseOptions } from 'fuse.js';
import type { CompiledEntity, CompiledKb } from './compiled';
import type { Fact } from './schema';

/** The searchable text of one entity or fact; entities first, then facts, in index order. */
export interface SearchDoc {
  names: string[];
  aliases: string[];
  keywords: string[];
  /** A fact's text in both languages. */
  text: string[];
  /** Names of the entities a fact is about. */
  about: string[];
  summary: string[];
  /** A fact's section name in both languages. */
  section: string[];
}

export type SearchIndexJson = ReturnType<FuseIndex<SearchDoc>['toJSON']>;

/** `score` runs from 0 (an entity's name or alias, as written) to 1 (no match); best first. */
export type SearchResult =
  | { kind: 'entity'; id: string; score: number; entity: CompiledEntity }
  | { kind: 'fact'; id: string; score: number; fact: Fact };

/** Names count most, then aliases and authored keywords, then what a fact says. */
export const SEARCH_KEYS: { name: keyof SearchDoc; weight: number }[] = [
  { name: 'names', weight: 6 },
  { name: 'aliases', weight: 4 },
  { name: 'keywords', weight: 3 },
  { name: 'text', weight: 2 },
  { name: 'about', weight: 1.5 },
  { name: 'summary', weight: 1 },
  { name: 'section', weight: 1 },
];

// Long English texts have many words; a full field-length norm would bury a fact whose text
// holds the exact query under any short name with a typo-level match.
const FIELD_NORM_WEIGHT = 0.5;

const FUSE_OPTIONS: IFuseOptions<unknown> = {
  keys: SEARCH_KEYS,
  includeScore: true,
  // Chinese has no spaces, and a match can sit anywhere in a long fact text.
  ignoreLocation: true,
  // One typo in five letters ("ascnd", 0.2) passes; two in six do not. Two-character Chinese
  // queries (人才) therefore need an exact match, as they should.
  threshold: 0.3,
  minMatchCharLength: 1,
  fieldNormWeight: FIELD_NORM_WEIGHT,
};

/** Results scoring worse than this are typo-level matches somewhere in a long text: noise. */
const MAX_SCORE = 0.9;

export function searchDocs(kb: CompiledKb): SearchDoc[] {
  const names = new Map(kb.entities.map((e) => [e.id, [e.name.en, e.name.zh]]));
  const sections = kb.source.sections;
  const entityDocs = kb.entities.map(
    (e): SearchDoc => ({
      names: unique([e.name.en, e.name.zh]),
      aliases: unique(e.aliases),
      keywords: e.keywords ?? [],
      text: [],
      about: [],
      summary: [e.summary.en, e.summary.zh],
      section: [],
    }),
  );
  const factDocs = kb.facts.map(
    (f): SearchDoc => ({
      names: [],
      aliases: [],
      keywords: f.keywords ?? [],
      text: [f.text.en, f.text.zh],
      about: unique(f.entities.flatMap((id) => names.get(id) ?? [])),
      summary: [],
      section: [sections[f.section].en, sections[f.section].zh],
    }),
  );
  return [...entityDocs, ...factDocs];
}

/** Build time: the serialisable Fuse index of `searchDocs(kb)`. */
export function buildSearchIndex(docs: readonly SearchDoc[]): SearchIndexJson {
  return Fuse.createIndex(SEARCH_KEYS, docs, { fieldNormWeight: FIELD_NORM_WEIGHT }).toJSON();
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}

type Ref = { kind: 'entity'; entity: CompiledEntity } | { kind: 'fact'; fact: Fact };

interface Scored {
  i: number;
  score: number;
  /** Fuse's own score, which rewards matches in several fields: breaks ties. */
  fuse: number;
  /** An entity whose name or alias contains the query as written: always listed first. */
  exactName: boolean;
}

/** Fuse's score for a match without errors. */
const EXACT = 0.001;
// Scaled so an exact name (0.002) or keyword (0.003) beats any fact, and a name with one typo
// (ascnd → Ascend, 0.2 → 0.4) beats facts that merely contain a similar word.
const NAME_FACTOR = 2;
const KEYWORD_FACTOR = 3;
// A fact containing the query outright (0.005), in its text, keywords, entity names or section
// name, ranks with facts that carry it in several fields, however long its English text
// (Fuse's field-length norm would otherwise sink it).
const TEXT_FACTOR = 5;

// Every word found, but apart, counts half as well as the words found as written together.
const SPLIT_FACTOR = 2;

/** The best Fuse.match score of the query against some texts; 1 when none matches. */
function bestMatch(query: string, texts: readonly string[]): number {
  let best = 1;
  const lower = query.toLowerCase();
  for (const text of texts) {
    if (text.toLowerCase().includes(lower)) return EXACT; // what bitap would find, only faster
    const match = Fuse.match(query, text, FUSE_OPTIONS);
    if (match.isMatch) best = Math.min(best, match.score);
  }
  return best;
}

/** The texts of a result that matched the query, by key: only those can score. */
function matchedTexts(result: FuseResult<Ref>): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const m of result.matches ?? []) {
    if (!m.key || m.value === undefined) continue;
    byKey.set(m.key, [...(byKey.get(m.key) ?? []), m.value]);
  }
  return byKey;
}

/** Run time: search with a prebuilt index. `search(query, limit)` returns the best first. */
export function createSearch(kb: CompiledKb, indexJson: SearchIndexJson) {
  const refs: Ref[] = [
    ...kb.entities.map((entity): Ref => ({ kind: 'entity', entity })),
    ...kb.facts.map((fact): Ref => ({ kind: 'fact', fact })),
  ];
  let index = Fuse.parseIndex<Ref>(indexJson, { fieldNormWeight: FIELD_NORM_WEIGHT });
  if (index.size() !== refs.length) {
    // An index from another build would return the wrong items; rebuilding is slow but right.
    console.warn(`search index has ${index.size()} entries for ${refs.length} items; rebuilding it`);
    index = Fuse.parseIndex<Ref>(buildSearchIndex(searchDocs(kb)), { fieldNormWeight: FIELD_NORM_WEIGHT });
  }
  const fuse = new Fuse(refs, { ...FUSE_OPTIONS, includeMatches: true } as IFuseOptions<Ref>, index);

  /**
   * Scores for one query string. Fuse multiplies the scores of every field that matches, so
   * a fact repeating a word in its text, keywords and entity names would outrank the entity
   * of that name, and a long English text would sink below short near-misses. Each result is
   * therefore also scored by its single best field: an entity's name, alias or keyword, a fact's
   * text, keyword, entity name or section.
   */
  function scores(query: string): Map<number, Scored> {
    const out = new Map<number, Scored>();
    for (const r of fuse.search(query)) {
      const raw = r.score ?? 1;
      let score = raw;
      let exactName = false;
      const texts = matchedTexts(r);
      const of = (...keys: (keyof SearchDoc)[]) => keys.flatMap((k) => texts.get(k) ?? []);
      if (r.item.kind === 'entity') {
        const name = bestMatch(query, of('names', 'aliases'));
        const keyword = bestMatch(query, of('keywords'));
        score = Math.min(score, name * NAME_FACTOR, keyword * KEYWORD_FACTOR);
        exactName = name <= EXACT;
      } else {
        score = Math.min(score, bestMatch(query, of('text', 'keywords', 'about', 'section')) * TEXT_FACTOR);
      }
      out.set(r.refIndex, { i: r.refIndex, score, fuse: raw, exactName });
    }
    return out;
  }

  function rank(query: string): Scored[] {
    const words = query.split(/\s+/).filter(Boolean);
    const phrase = scores(query);
    if (words.length < 2) return [...phrase.values()];

    // Several words: each may match a different field (funding → section, 2023 → text).
    // The phrase itself, or every word, must match; failing that, as many words as any item has.
    const perWord = words.map(scores);
    const candidates = new Set([...phrase.keys(), ...perWord.flatMap((m) => [...m.keys()])]);
    const ranked = [...candidates].map((i) => {
      const whole = phrase.get(i);
      const missing = whole ? 0 : perWord.filter((m) => !m.has(i)).length;
      const mean = (pick: (s: Scored) => number) =>
        perWord.reduce((sum, m) => sum + (m.has(i) ? pick(m.get(i)!) : 1), 0) / words.length;
      return {
        i,
        missing,
        score: Math.min(whole?.score ?? 1, mean((s) => s.score) * SPLIT_FACTOR),
        fuse: Math.min(
          whole?.fuse ?? 1,
          mean((s) => s.fuse),
        ),
        exactName: whole?.exactName ?? false,
      };
    });
    const fewest = Math.min(...ranked.map((r) => r.missing));
    return ranked.filter((r) => r.missing === fewest);
  }

  return {
    search(query: string, limit = 10): SearchResult[] {
      const q = query.trim();
      if (!q) return [];
      return rank(q)
        .filter((r) => r.score <= MAX_SCORE)
        .sort(
          (a, b) =>
            Number(b.exactName) - Number(a.exactName) || a.score - b.score || a.fuse - b.fuse || a.i - b.i,
        )
        .slice(0, limit)
        .map(({ i, score: internal, exactName }) => {
          // Reported scores follow the order: 0 is a name or alias as written, then Fuse's scale.
          const score = exactName ? 0 : Math.max(internal, EXACT);
          const ref = refs[i]!;
          return ref.kind === 'entity'
            ? { kind: 'entity', id: ref.entity.id, score, entity: ref.entity }
            : { kind: 'fact', id: ref.fact.id, score, fact: ref.fact };
        });
    },
  };
}
