import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileKb } from './compile';
import type { CompiledKb } from './compiled';
import { buildSearchIndex, createSearch, type SearchResult, searchDocs } from './search';
import { fixtureRaw } from './test-fixture';
import { validateData } from './validate';

function fixtureKb(): CompiledKb {
  const { data } = validateData(fixtureRaw());
  return compileKb({ ...data, source: data.source! });
}

const kb = fixtureKb();
// Through JSON, as the extension gets it from generated/search-index.json.
const indexJson = JSON.parse(JSON.stringify(buildSearchIndex(searchDocs(kb))));
const search = createSearch(kb, indexJson);
const ids = (results: SearchResult[]) => results.map((r) => r.id);

describe('searchDocs', () => {
  it('has entities first, then facts, with names, aliases, text, entity names and sections', () => {
    const docs = searchDocs(kb);
    expect(docs).toHaveLength(kb.entities.length + kb.facts.length);
    const ascend = docs[kb.entities.findIndex((e) => e.id === 'ascend')]!;
    expect(ascend.names).toEqual(['Huawei Ascend', '昇腾']);
    expect(ascend.aliases).toContain('Ascend 910');
    const kimiFact = docs[kb.entities.length + kb.facts.findIndex((f) => f.id === 'models-kimi-context')]!;
    expect(kimiFact.about).toEqual(['Kimi', 'Moonshot AI', '月之暗面']);
    expect(kimiFact.section).toEqual(['1. Model capability', '一、模型能力']);
    expect(kimiFact.text[1]).toContain('200万汉字');
  });
});

describe('createSearch', () => {
  afterEach(() => vi.restoreAllMocks());

  it('finds names with typos', () => {
    expect(search.search('ascnd')[0]).toMatchObject({ kind: 'entity', id: 'ascend' });
    expect(search.search('mindspor')[0]).toMatchObject({ kind: 'entity', id: 'mindspore' });
    expect(search.search('supercleu')[0]).toMatchObject({ kind: 'entity', id: 'superclue' });
  });

  it('finds Chinese names, and facts that use them', () => {
    const results = search.search('昇腾');
    expect(ids(results).slice(0, 2)).toEqual(['ascend', 'compute-ascend']);
    expect(search.search('百川')[0]).toMatchObject({ kind: 'entity', id: 'baichuan' });
    expect(ids(search.search('百川'))).toContain('models-baichuan2');
  });

  it('puts the entity before the facts about it', () => {
    for (const [query, entity, fact] of [
      ['Kimi', 'kimi', 'models-kimi-context'],
      ['SuperCLUE', 'superclue', 'models-superclue'],
    ] as const) {
      const results = search.search(query);
      expect(results[0]).toMatchObject({ kind: 'entity', id: entity });
      expect(ids(results).slice(0, 3)).toContain(fact);
    }
  });

  it('matches multi-word phrases and authored keywords', () => {
    expect(ids(search.search('export controls')).slice(0, 3)).toContain('compute-export-controls');
    expect(ids(search.search('chip ban')).slice(0, 2).sort()).toEqual(['bis', 'us-export-controls']);
    expect(search.search('芯片禁令')[0]).toMatchObject({ id: 'us-export-controls' });
  });

  it('lists an entity named by the query before entities and facts that only mention it', () => {
    // bis has "export controls" as a keyword and facts have it in their text, several times over.
    const results = search.search('export controls');
    expect(results[0]).toMatchObject({ kind: 'entity', id: 'us-export-controls', score: 0 });
    expect(ids(results).slice(1, 3)).toContain('bis');
    expect(search.search('ascnd')[0]).toMatchObject({ kind: 'entity', id: 'ascend' });
  });

  it('finds words late in a long Chinese text', () => {
    expect(ids(search.search('软硬协同'))).toEqual(['tools-mindspore']);
  });

  it('ranks an entity by its name even when a fact repeats the word in many fields', () => {
    // compute-ascend has "Ascend" in its text, its keywords and its entity names.
    expect(ids(search.search('ascnd')).slice(0, 2)).toEqual(['ascend', 'compute-ascend']);
  });

  it('ranks a misspelt name above a fact that repeats the word in every field', () => {
    const base = fixtureKb();
    const gizmo = {
      ...base.entities[0]!,
      id: 'gizmo',
      name: { en: 'Huawei Gizmo', zh: '吉兹莫' },
      aliases: [],
    };
    const fact = {
      ...base.facts[0]!,
      id: 'gizmo-fact',
      entities: ['gizmo'],
      text: { en: 'Gizmo chips power Gizmo clouds.', zh: 'Gizmo芯片驱动Gizmo云。' },
      keywords: ['Gizmo cloud', 'Gizmo chips'],
    };
    const small = { ...base, entities: [gizmo], facts: [fact] };
    const results = createSearch(small, buildSearchIndex(searchDocs(small))).search('gizmp');
    expect(ids(results)).toEqual(['gizmo', 'gizmo-fact']);
  });

  it('ranks a fact stating the query in a long text above near matches in several fields', () => {
    const base = fixtureKb();
    const long = {
      ...base.facts[0]!,
      id: 'long-text',
      text: {
        en: `${'Chips were scarce and prices rose quickly across the region for many months, '.repeat(3)}which fed a resale market.`,
        zh: '芯片紧缺,转卖兴起。',
      },
      keywords: [],
    };
    const near = {
      ...base.facts[1]!,
      id: 'near-matches',
      text: { en: 'Resales market talk.', zh: '转售。' },
      keywords: ['resales market', 'resale marked'],
    };
    const small = { ...base, facts: [near, long] };
    const results = createSearch(small, buildSearchIndex(searchDocs(small))).search('resale market');
    expect(ids(results).slice(0, 2)).toEqual(['long-text', 'near-matches']);
  });

  it('puts an exact name first however many fields of another entry match', () => {
    const base = fixtureKb();
    const named = {
      ...base.entities[0]!,
      id: 'widget-ban',
      name: { en: 'The federal widget ban of the United States', zh: '部件禁令' },
      keywords: [],
    };
    const echo = {
      ...base.entities[1]!,
      id: 'widget-office',
      name: { en: 'Widget Office', zh: '部件办公室' },
      aliases: ['WBO'],
      keywords: ['widget ban', 'widget bans', 'the widget ban', 'widget ban office', 'widget ban rules'],
      summary: { en: 'Runs the widget ban.', zh: 'widget ban 执行机构' },
    };
    const small = { ...base, entities: [echo, named], facts: [] };
    const results = createSearch(small, buildSearchIndex(searchDocs(small))).search('widget ban');
    expect(ids(results)).toEqual(['widget-ban', 'widget-office']);
    expect(results[0]!.score).toBe(0);
  });

  it('lets words of one query match different fields', () => {
    // "funding" is in the section name, "2023" in the text.
    expect(search.search('funding 2023')[0]).toMatchObject({ kind: 'fact', id: 'funding-2023-deals' });
  });

  it('finds a topic by its section name in Chinese', () => {
    const results = search.search('人才');
    expect(ids(results)).toEqual(expect.arrayContaining(['talent-top-researchers', 'talent-stay-in-us']));
    for (const r of results) {
      if (r.kind === 'fact') expect(r.fact.section).toBe('talent');
    }
  });

  it('returns the entity or fact itself with a score, best first', () => {
    const results = search.search('nvidia');
    const scores = results.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    const [first] = results;
    expect(first?.kind === 'entity' && first.entity.name.zh).toBe('英伟达');
    const fact = results.find((r) => r.kind === 'fact');
    expect(fact?.kind === 'fact' && fact.fact.entities).toContain('nvidia');
  });

  it('respects the limit and ignores empty queries', () => {
    expect(search.search('chips', 2)).toHaveLength(2);
    expect(search.search('   ')).toEqual([]);
  });

  it('does not drown results in noise', () => {
    expect(search.search('quantum teleportation')).toEqual([]);
    expect(search.search('xyzzy')).toEqual([]);
    // A name typo finds the entity and facts about it, not every text with similar letters.
    expect(search.search('ascnd').length).toBeLessThanOrEqual(3);
  });

  it('rebuilds, with a warning, when the index does not match the data', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const smaller = { ...kb, facts: kb.facts.slice(1) };
    const stale = createSearch(smaller, indexJson);
    expect(warn).toHaveBeenCalledOnce();
    expect(stale.search('Kimi')[0]).toMatchObject({ id: 'kimi' });
    expect(ids(stale.search('mindspor'))).toContain('tools-mindspore');
  });
});
