import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAutomaton, HitList, packAutomaton, scan, unpackAutomaton } from './automaton';
import { foldCode, isDigit, isLetter } from './chars';
import { createDetector } from './detector';
import type { AnalyseStats } from './engine';
import { createPageScanner } from './scanner';
import { realTable } from './testing/tables';
import type { Mention } from './types';

const detector = createDetector(realTable());
const aliasTexts = realTable().aliases.map((a) => a.text);

/** Text built from aliases, cue-like words, separators and arbitrary code units. */
const textish = fc
  .array(
    fc.oneof(
      fc.constantFrom(...aliasTexts),
      fc.constantFrom(
        ' ',
        '-',
        '_',
        '\u00a0',
        '、',
        '。',
        '.',
        ',',
        '3',
        '7B',
        'chip',
        'the',
        '华为',
        '\u200f',
        '\u202e',
      ),
      fc.string({ unit: 'binary', maxLength: 4 }),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

/** Problems with a list of mentions (one expect per list: big inputs have 200 000 mentions). */
function mentionProblems(text: string, mentions: Mention[]): string[] {
  const problems: string[] = [];
  let last = 0;
  for (const m of mentions) {
    if (text.slice(m.start, m.end) !== m.text) problems.push(`text of ${JSON.stringify(m)}`);
    if (m.end <= m.start) problems.push(`empty ${JSON.stringify(m)}`);
    if (m.start < last) problems.push(`overlap or order at ${m.start}`);
    last = m.end;
    if (problems.length > 5) break;
  }
  return problems;
}

function checkMentions(text: string, mentions: Mention[]) {
  expect(mentionProblems(text, mentions)).toEqual([]);
}

describe('detector properties', () => {
  it('offsets slice back to the text; mentions are sorted and never overlap', () => {
    fc.assert(
      fc.property(textish, (text) => {
        checkMentions(text, detector.detect(text));
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on any string of code units (lone surrogates, controls, RTL marks)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        checkMentions(text, detector.detect(text));
      }),
      { numRuns: 300 },
    );
    for (const text of ['\ud800', '\udfff abc', '\u0000\u0001\u202eGPT-4\u202c', '\u200fQwen\u200e']) {
      expect(() => detector.detect(text)).not.toThrow();
    }
  });

  it('gives the same confirmed mentions through a page scanner when the page is one node', () => {
    fc.assert(
      fc.property(textish, (text) => {
        const scanner = createPageScanner<number>(detector);
        const mentions = scanner.add(0, text);
        expect(scanner.takePromoted()).toEqual([]);
        expect(mentions).toEqual(detector.detect(text));
      }),
      { numRuns: 200 },
    );
  });

  it('handles a megabyte of one repeated character or alias', () => {
    for (const unit of ['a', '华', ' ', 'Qwen ', 'Claude ', '元宝', 'GPT-4、']) {
      const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
      const mentions = detector.detect(text);
      checkMentions(text, mentions);
    }
  });
});

describe('linear time', () => {
  const cost = (text: string) => {
    const stats: AnalyseStats = { steps: 0, hits: 0 };
    detector.detectWithStats(text, stats);
    return stats.steps;
  };

  it.each([
    ['prose', 'Huawei ships Ascend 910B chips while Claude and Gemini compete. 华为昇腾与通义千问。 '],
    ['one character', 'a'],
    ['ambiguous names', 'Claude Monet '],
    ['cues', 'AI chip model '],
    ['near misses', 'GPT-3.5x SuperCLUEs Qwe Qwen'],
  ])('%s: 4× the text costs about 4× the work', (_, unit) => {
    const n = unit.repeat(Math.ceil(20_000 / unit.length));
    const ratio = cost(n.repeat(4)) / cost(n);
    expect(ratio).toBeGreaterThan(3);
    expect(ratio).toBeLessThan(5);
  });
});

describe('automaton', () => {
  it('finds exactly the occurrences a naive search finds, words only where a word starts', () => {
    const word = fc.string({
      // Latin, a digit, Han, a letter outside ASCII (sparse edges) and separators.
      unit: fc.constantFrom('a', 'b', 'c', 'A', '1', '华', '为', 'é', 'É', '-', ' '),
      minLength: 1,
      maxLength: 5,
    });
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 8 }), word, (words, body) => {
        const fold = (s: string) =>
          [...s].map((c) => String.fromCharCode(foldCode(c.charCodeAt(0)))).join('');
        const patterns = [...new Set(words.map(fold))];
        const text = `${body}${patterns.join('')}${body}`;
        const hits = new HitList();
        scan(buildAutomaton(patterns), text, hits);
        const found: string[] = [];
        for (let i = 0; i < hits.length; i += 2) found.push(`${hits.data[i]}:${hits.data[i + 1]}`);
        const expected: string[] = [];
        const folded = fold(text);
        const wordAt = (i: number) => isLetter(text.charCodeAt(i)) || isDigit(text.charCodeAt(i));
        patterns.forEach((p, id) => {
          const startsWord = isLetter(p.charCodeAt(0)) || isDigit(p.charCodeAt(0));
          for (let at = folded.indexOf(p); at >= 0; at = folded.indexOf(p, at + 1)) {
            if (!(startsWord && at > 0 && wordAt(at - 1))) expected.push(`${at + p.length}:${id}`);
          }
        });
        expect(found.sort()).toEqual(expected.sort());
      }),
      { numRuns: 300 },
    );
  });

  it('scanning a window finds the occurrences that lie inside it', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '1', '华', 'é', ' ', '-'), maxLength: 40 });
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, x, y) => {
        const automaton = buildAutomaton(['ab', 'b1', '华a', 'a华', 'é', 'b', 'a b']);
        const from = x % (t.length + 1);
        const to = from + (y % (t.length - from + 1));
        const all = new HitList();
        scan(automaton, t, all);
        const expected: string[] = [];
        for (let i = 0; i < all.length; i += 2) {
          const end = all.data[i]!;
          const pattern = all.data[i + 1]!;
          if (end - automaton.patternLength[pattern]! >= from && end <= to)
            expected.push(`${end}:${pattern}`);
        }
        const inside = new HitList();
        scan(automaton, t, inside, from, to);
        const found: string[] = [];
        for (let i = 0; i < inside.length; i += 2) found.push(`${inside.data[i]}:${inside.data[i + 1]}`);
        expect(found).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('packs to JSON and unpacks to the same automaton', () => {
    const word = fc.string({
      unit: fc.constantFrom('a', 'b', '1', '华', '为', 'é', '·', ' '),
      minLength: 1,
      maxLength: 6,
    });
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 12 }), (patterns) => {
        const built = buildAutomaton(patterns);
        const unpacked = unpackAutomaton(JSON.parse(JSON.stringify(packAutomaton(built))));
        // Fields that differ, compared element by element (toEqual on 64K-entry arrays is slow).
        const differ = Object.entries(built).filter(([key, value]) => {
          const other = (unpacked as unknown as Record<string, unknown>)[key];
          if (typeof value === 'number') return value !== other;
          const [x, y] = [value as ArrayLike<number>, other as ArrayLike<number>];
          if (x.constructor !== y.constructor || x.length !== y.length) return true;
          for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return true;
          return false;
        });
        expect(differ.map(([key]) => key)).toEqual([]);
        expect(Object.keys(unpacked).sort()).toEqual(Object.keys(built).sort());
      }),
      { numRuns: 60 },
    );
  });
});
