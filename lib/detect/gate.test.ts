// The gate may let text through that has no mention; it must never stop text that has one.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedRoot } from '@/lib/kb/load';
import { analyse, compileEngine, type Engine } from './engine';
import { buildGate, gateFromPacked, gateOfEngine, type MentionGate } from './gate';
import { loadCorpusItems, loadOwnSentences } from './labelled/load';
import { engineFromPrecompiled, precompileEngine } from './precompiled';
import { makeTable, realTable } from './testing/tables';

const gateOf = (engine: Engine): MentionGate =>
  gateFromPacked(JSON.parse(JSON.stringify(gateOfEngine(engine))));

/** Texts the gate stops although the engine finds a mention in them. */
function missed(engine: Engine, gate: MentionGate, texts: Iterable<string>): string[] {
  const out: string[] = [];
  for (const text of texts) if (analyse(engine, text).length > 0 && !gate.test(text)) out.push(text);
  return out;
}

const fullWidth = (s: string) =>
  s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');

describe('mention gate', () => {
  const engine = compileEngine(realTable());
  const gate = gateOf(engine);

  it('lets every labelled passage with a mention through', () => {
    const texts = [...loadOwnSentences(), ...loadCorpusItems().items].map((item) => item.text);
    let withMentions = 0;
    for (const text of texts) if (analyse(engine, text).length) withMentions++;
    expect(withMentions).toBeGreaterThan(100);
    expect(missed(engine, gate, texts)).toEqual([]);
  });

  it('lets every alias through in any case the engine reads, width, spacing and Han variant, in any context', () => {
    const table = realTable();
    const variants = new Map<string, string>();
    const pairs = table.hanVariants ?? '';
    for (let i = 0; i + 1 < pairs.length; i += 2) variants.set(pairs[i + 1]!, pairs[i]!);
    const traditional = (s: string) => [...s].map((c) => variants.get(c) ?? c).join('');
    const texts: string[] = [];
    for (const { text } of table.aliases) {
      const forms = new Set([
        text,
        text.toUpperCase(),
        text.toLowerCase(),
        fullWidth(text),
        traditional(text),
        text.replace(/ /g, '-'),
        text.replace(/-/g, ' '),
        text.replace(/ /g, '\u00a0'),
      ]);
      for (const form of forms) {
        texts.push(
          form,
          `The ${form} model.`,
          `据报道，${form}发布了新版本`,
          `(${form}),`,
          `${form}s and ${form}2`,
        );
      }
    }
    const withMentions = texts.filter((t) => analyse(engine, t).length > 0).length;
    expect(withMentions).toBeGreaterThan(table.aliases.length);
    expect(missed(engine, gate, texts)).toEqual([]);
  });

  it('stops most text that mentions nothing', () => {
    for (const text of [
      '',
      'Open the door and step inside.',
      'The international committee met on Tuesday.',
      '今天天气很好，我们去公园散步吧。',
      'llama_new_context_with_model: n_ctx = 2048',
    ]) {
      expect(analyse(engine, text), text).toEqual([]);
      expect(gate.test(text), text).toBe(false);
    }
  });

  it('is built from a compiled engine, never an unpacked one', () => {
    // The background builds it from a freshly compiled engine; an unpacked one has no patterns.
    expect(() => gateOfEngine(engineFromPrecompiled(precompileEngine(engine)))).toThrow(/unpacked/);
    expect(() => gateFromPacked({ v: 1 } as never)).toThrow(/version/);
  });

  it('confirms keys on the rest of the pattern and its end', () => {
    const small = compileEngine(
      makeTable([
        { id: 'openai', aliases: ['OpenAI'] },
        { id: 'a100', type: 'chip', aliases: ['A100'] },
        { id: 'glm', type: 'model', aliases: ['GLM'] },
        { id: 'r', aliases: ['R'] },
        { id: 'huawei', aliases: ['华为'] },
      ]),
    );
    const g = gateOf(small);
    expect(g.test('We open it')).toBe(false);
    expect(g.test('OpenAIs')).toBe(false);
    expect(g.test('(OpenAI)')).toBe(true);
    expect(g.test('xOpenAI')).toBe(false);
    expect(g.test('A1000')).toBe(false);
    expect(g.test('8×A100s')).toBe(true);
    expect(g.test('GLMs')).toBe(false);
    expect(g.test('GLM-4')).toBe(true);
    expect(g.test('an R package')).toBe(true);
    expect(g.test('Rust')).toBe(false);
    expect(g.test('他说华为')).toBe(true);
    expect(g.test('华')).toBe(false);
  });

  it('stops a case-sensitive alias written in another case, as the engine does', () => {
    const small = compileEngine(
      makeTable([
        { id: 'bat', type: 'group', aliases: [{ text: 'BAT', caseSensitive: true }] },
        { id: 'tal', aliases: [{ text: 'TAL Education', caseSensitive: true }] },
        { id: 'yi', type: 'model', aliases: [{ text: 'Yi', caseSensitive: true }] },
        { id: 'yi-lab', aliases: ['YI'] },
        {
          id: 'didi',
          aliases: [
            { text: 'DiDi', caseSensitive: true },
            { text: 'Didi', caseSensitive: true },
          ],
        },
      ]),
    );
    const g = gateOf(small);
    for (const [text, passes] of [
      ['the BAT companies', true],
      ['Ｂ\uff21Ｔ firms', true],
      ['one bat, two Bats', false],
      ['TAL Education Group', true],
      ['Tal Education', false],
      // Two aliases fold to one pattern and only one of them is case-sensitive: any case passes.
      ['yi and YI', true],
      ['the yi', true],
      // One pattern, two case-sensitive aliases: either spelling passes, no other.
      ['DiDi and', true],
      ['Didi and', true],
      ['didi and DIDI', false],
    ] as const) {
      expect(g.test(text), text).toBe(passes);
      expect(analyse(small, text).length > 0 || !passes, text).toBe(true);
    }
  });

  it('finds every pattern of a key that many patterns share', () => {
    // A reader's pack may hold thousands of aliases with the same first two letters.
    const patterns = Array.from({ length: 1500 }, (_, i) => `no${i.toString(36)}x`);
    const g = gateFromPacked(JSON.parse(JSON.stringify(buildGate(patterns, new Map()))));
    for (const p of patterns) expect(g.test(`see ${p} here`), p).toBe(true);
    expect(g.test('see nothing here')).toBe(false);
  });

  it('keeps the weaker end rule, and folds as the automaton does', () => {
    const packed = buildGate(['ab', 'ab'], new Map());
    expect(packed.w).toEqual([[0x61 * 0x10000 + 0x62, '\uffff', '', 1, '']]);
    const mixed = buildGate(['x', 'x'], new Map());
    expect(mixed.s).toEqual([0x78, 1]);
    expect(buildGate(['華为', '华为'], new Map([[0x83ef, 0x534e]])).h).not.toContain('華');
    expect(buildGate(['华为'], new Map([[0x83ef, 0x534e]])).h).toContain('華华');
    // Full-width forms and separators are read by lookup too: Ｑ is q, an en dash a separator.
    expect(buildGate(['q w'], new Map()).h).toContain('\uff31q');
    expect(buildGate(['q w'], new Map()).h).toContain('\u2013 ');
    expect(buildGate(['q w'], new Map()).h).not.toContain('\uff21');
  });

  const docs = path.join(sharedRoot, 'corpus', 'docs');
  it.skipIf(!existsSync(docs))(
    'lets every line of the real READMEs and the article with a mention through',
    () => {
      // Skipped without ../shared beside the checkout (the corpus is read at run time, never copied).
      const texts = readdirSync(docs).flatMap((f) => readFileSync(path.join(docs, f), 'utf8').split('\n'));
      texts.push(...readFileSync(path.join(sharedRoot, 'seed', 'article.txt'), 'utf8').split('\n'));
      const withMentions = texts.filter((t) => analyse(engine, t).length > 0);
      const without = texts.filter((t) => t.trim() && analyse(engine, t).length === 0);
      expect(withMentions.length).toBeGreaterThan(500);
      expect(missed(engine, gate, texts)).toEqual([]);
      // Not a target, a sanity check: the gate is useful only if it stops most lines without one.
      expect(without.filter((t) => gate.test(t)).length / without.length).toBeLessThan(0.2);
    },
  );
});
