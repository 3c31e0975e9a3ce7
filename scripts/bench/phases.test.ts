import { describe, expect, it } from 'vitest';
import type { CpuProfile, ProfileNode } from './cdp-profile';
import { functionHead, offsetFinder, PHASES, phaseBreakdown } from './phases';

const EXT = 'chrome-extension://abc/content-scripts/content.js';
const PAGE = 'https://page/app.js';
const isOwn = (url: string) => url.startsWith('chrome-extension://');

// A small minified-looking bundle on two lines, with the idioms the rules look for.
const SOURCE = [
  '(function(){var e=globalThis.chrome;async function Lt(t={}){return await e.storage.sync.get(`settings`)}' +
    'var Bt=e=>{try{return JSON.parse(e)}catch{return null}};function Qq(e){return e+1}',
  'class M{runSlice(e){this.step()}scanNode(e){return this.s.add(e)}setHighlightCss(e){i.textContent=e}}' +
    'function Zq(e){let t=e.createElement(`x`),n=t.attachShadow({mode:`open`});return n}})();',
].join('\n');

/** A frame of the bundle at the function whose source starts with `head`. */
function at(functionName: string, head: string): ProfileNode['callFrame'] {
  const offset = SOURCE.indexOf(head);
  if (offset < 0) throw new Error(`no ${head} in the source`);
  const line = SOURCE.slice(0, offset).split('\n').length - 1;
  const column = offset - (SOURCE.lastIndexOf('\n', offset - 1) + 1);
  return { functionName, url: EXT, lineNumber: line, columnNumber: column };
}

const native = (functionName: string) => ({ functionName, url: '', lineNumber: -1, columnNumber: -1 });

const frames: Record<number, ProfileNode['callFrame']> = {
  1: native('(root)'),
  2: { functionName: '', url: EXT, lineNumber: 0, columnNumber: 0 }, // the script's top level
  3: { functionName: '', url: EXT, lineNumber: 0, columnNumber: 1 }, // its IIFE
  4: at('Lt', '(t={}){return await e.storage'),
  5: native('get app'),
  6: at('Qq', '(e){return e+1}'),
  7: at('runSlice', '(e){this.step()}'),
  8: at('step', '(e){this.step()}'),
  9: native('nextNode'),
  10: at('scanNode', '(e){return this.s.add(e)}'),
  11: at('add', '(e){return this.s.add(e)}'),
  12: at('Bt', 'e=>{try{return JSON.parse'),
  13: at('Zq', '(e){let t=e.createElement'),
  14: at('Qq', '(e){return e+1}'),
  15: { functionName: 'pageFn', url: PAGE, lineNumber: 3, columnNumber: 4 },
  16: native('nextNode'),
  17: native('(garbage collector)'),
  18: at('setHighlightCss', '(e){i.textContent=e}'),
  19: { functionName: 'onStyle', url: PAGE, lineNumber: 9, columnNumber: 0 },
};

const children: Record<number, number[]> = {
  1: [2, 7, 12, 13, 14, 15, 17, 18],
  2: [3],
  3: [4, 6],
  4: [5],
  7: [8, 10],
  8: [9],
  10: [11],
  15: [16],
  18: [19],
};

const nodes: ProfileNode[] = Object.entries(frames).map(([id, callFrame]) => ({
  id: Number(id),
  callFrame,
  children: children[Number(id)],
}));

/** Each listed node sampled once, for 1 ms. */
function profileOf(sampled: number[]): CpuProfile {
  return {
    nodes,
    startTime: 0,
    endTime: 1000 * sampled.length,
    samples: sampled,
    timeDeltas: sampled.map((_, i) => (i === 0 ? 0 : 1000)),
  };
}

const msBy = (profile: CpuProfile) =>
  Object.fromEntries(
    phaseBreakdown(profile, { isOwn, source: () => SOURCE })
      .phases.filter((p) => p.ms > 0)
      .map((p) => [p.phase, p.ms]),
  );

describe('phaseBreakdown', () => {
  it('puts each sample in the phase of the first recognised frame from the leaf up', () => {
    expect(msBy(profileOf([5, 4, 6, 3, 9, 8, 11, 10, 12, 13, 14, 19]))).toEqual({
      // get app and Lt (storage.sync); Qq and the IIFE under the top level.
      settings: 2,
      'script evaluation': 2,
      // nextNode (native, under step) and step; add and scanNode.
      walk: 2,
      scan: 2,
      'engine load': 1, // JSON.parse
      'UI setup': 1, // attachShadow
      other: 1, // Qq called from nowhere the rules know
      // The page's listener under setHighlightCss: the page's frame says nothing.
      'paint/style': 1,
    });
  });

  it('counts only the script’s samples, every phase listed, shares of its total', () => {
    const b = phaseBreakdown(profileOf([16, 17, 15, 9, 9, 12, 14]), { isOwn, source: () => SOURCE });
    expect(b.totalMs).toBe(4);
    expect(b.phases.map((p) => p.phase)).toEqual([...PHASES]);
    expect(b.phases.find((p) => p.phase === 'walk')).toEqual({ phase: 'walk', ms: 2, share: 0.5 });
    expect(b.phases.reduce((sum, p) => sum + p.share, 0)).toBeCloseTo(1);
    expect(b.other).toEqual([
      { name: 'Qq', url: EXT, line: 1, column: expect.any(Number), ms: 1, head: '(e){return e+1}' },
    ]);
  });

  it('takes other rules when given them', () => {
    const b = phaseBreakdown(profileOf([14]), {
      isOwn,
      source: () => SOURCE,
      rules: [{ phase: 'scan', source: /return e\+1/ }],
    });
    expect(b.phases.find((p) => p.phase === 'scan')?.ms).toBe(1);
  });

  it('finds nothing in a profile without the script', () => {
    const b = phaseBreakdown(profileOf([15, 16, 17]), { isOwn, source: () => SOURCE });
    expect(b.totalMs).toBe(0);
    expect(b.phases.every((p) => p.ms === 0 && p.share === 0)).toBe(true);
  });
});

describe('functionHead', () => {
  const head = (source: string, max?: number) => functionHead(source, 0, max);

  it('ends at the close of the body, not in the next function', () => {
    expect(head('(e){if(e){return{a:1}}return 2}function next(){}')).toBe('(e){if(e){return{a:1}}return 2}');
  });

  it('ends an arrow’s expression at the comma or bracket after it', () => {
    expect(head('()=>Ne(location.href)??Ne(document.referrer),u=await Lt()')).toBe(
      '()=>Ne(location.href)??Ne(document.referrer)',
    );
    expect(head('e=>f(e))(x)')).toBe('e=>f(e)');
  });

  it('skips strings and template literals, with their brackets', () => {
    // A template literal with a placeholder, `}${e?`{`:"}"}`, then a quoted '}'.
    const placeholder = '$' + '{';
    const fn = `(e){let t=\`}${placeholder}e?\`{\`:"}"}\`+'}';return t}`;
    expect(head(`${fn}rest`)).toBe(fn);
  });

  it('stops at the limit', () => {
    expect(head('(e){return 1234567890}', 8)).toBe('(e){retu');
  });
});

describe('offsetFinder', () => {
  it('turns 0-based lines and columns into offsets', () => {
    const offset = offsetFinder('ab\ncde\nf');
    expect(offset(0, 1)).toBe(1);
    expect(offset(1, 2)).toBe(5);
    expect(offset(2, 0)).toBe(7);
  });
});
