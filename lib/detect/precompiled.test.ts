// The precompiled engine (what the extension loads) must behave exactly like the one compiled
// from the table: same mentions, same strengths, on every labelled passage and on hostile text.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '@/lib/kb/load';
import { createDetector } from './detector';
import { analyse, compileEngine, type Engine } from './engine';
import { loadCorpusItems, loadOwnSentences } from './labelled/load';
import { engineFromPrecompiled, precompileEngine } from './precompiled';
import { makeTable, realTable } from './testing/tables';

const viaJson = (engine: Engine) =>
  engineFromPrecompiled(JSON.parse(JSON.stringify(precompileEngine(engine))));

const results = (engine: Engine, text: string) =>
  analyse(engine, text).map((f) => `${f.entity}:${f.mention.start}-${f.mention.end}:${f.strength}`);

describe('precompiled engine', () => {
  it('finds what the compiled engine finds on every labelled passage', () => {
    const compiled = createDetector(realTable()).engine;
    const loaded = viaJson(compiled);
    const texts = [...loadOwnSentences(), ...loadCorpusItems().items].map((item) => item.text);
    const hostile = [
      'ＱＷＥＮ２ and Ｙｉ－３４Ｂ',
      'Meta\u200fdata \ud800 Ascend',
      `${'x'.repeat(5000)} Qwen`,
    ];
    let mentions = 0;
    for (const text of [...texts, ...hostile]) {
      const expected = results(compiled, text);
      mentions += expected.length;
      expect(results(loaded, text), text).toEqual(expected);
    }
    expect(mentions).toBeGreaterThan(400);
  });

  it('keeps ids, types and relations of entities', () => {
    const table = makeTable([
      { id: 'huawei', aliases: ['Huawei', '华为'] },
      {
        id: 'ascend',
        type: 'chip',
        related: ['huawei'],
        cues: ['NPU'],
        aliases: [{ text: 'Ascend', needsContext: true }],
      },
    ]);
    const compiled = createDetector(table).engine;
    const loaded = viaJson(compiled);
    expect(loaded.entities).toEqual(compiled.entities);
    expect(loaded.aliases).toEqual(compiled.aliases);
    expect(results(loaded, 'The Ascend NPU by 华为')).toEqual(results(compiled, 'The Ascend NPU by 华为'));
    // A bare verb is only pending: the page must supply evidence.
    expect(results(loaded, 'to ascend the hill')).toEqual(['1:3-9:2']);
  });

  it('refuses data of another version with a clear message', () => {
    expect(() => engineFromPrecompiled({ v: 99 } as never)).toThrow(/unknown version/);
  });
});

describe('one way to load data/', () => {
  it('the table tests, CLIs and benchmarks use compiles to exactly the engine the extension ships', () => {
    const shipped = readFileSync(resolve(repoRoot, 'generated/detector.json'), 'utf8');
    expect(JSON.stringify(precompileEngine(compileEngine(realTable())))).toBe(shipped);
  });
});
