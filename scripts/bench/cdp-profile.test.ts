import { describe, expect, it } from 'vitest';
import {
  attributeProfile,
  type CpuProfile,
  ownSamples,
  type ProfileNode,
  sampleDurations,
  sourceExcerpt,
} from './cdp-profile';

const EXT = 'chrome-extension://abc/content-scripts/content.js';
const isExt = (url: string) => url.startsWith('chrome-extension://');

const node = (id: number, functionName: string, url: string, children: number[] = []): ProfileNode => ({
  id,
  callFrame: { functionName, url, lineNumber: id, columnNumber: 2 * id },
  children,
});

// root ─┬─ (idle) 2
//       ├─ (garbage collector) 3
//       ├─ pageFn 4 (page script) ── nextNode 5 (native)
//       └─ step 6 (extension) ─┬─ nextNode 7 (native)
//                              └─ scan 8 (extension)
const nodes = [
  node(1, '(root)', '', [2, 3, 4, 6]),
  node(2, '(idle)', ''),
  node(3, '(garbage collector)', ''),
  node(4, 'pageFn', 'https://page/app.js', [5]),
  node(5, 'nextNode', ''),
  node(6, 'step', EXT, [7, 8]),
  node(7, 'nextNode', ''),
  node(8, 'scan', EXT),
];

/** A profile where each listed node is sampled once, each sample lasting `us`. */
function profileOf(sampled: number[], us = 1000): CpuProfile {
  return {
    nodes,
    startTime: 0,
    endTime: us * sampled.length,
    samples: sampled,
    // The first sample lands at startTime; each lasts until the next one.
    timeDeltas: sampled.map((_, i) => (i === 0 ? 0 : us)),
  };
}

describe('sampleDurations', () => {
  it('gives each sample the time until the next, the last one until endTime', () => {
    const profile: CpuProfile = {
      nodes,
      startTime: 100,
      endTime: 1000,
      samples: [2, 2, 2],
      timeDeltas: [0, 300, 100],
    };
    expect(sampleDurations(profile)).toEqual([300, 100, 500]);
  });
});

describe('attributeProfile', () => {
  it('charges native calls made under the script to the script, and nothing else', () => {
    const a = attributeProfile(profileOf([2, 3, 4, 5, 6, 7, 7, 8]), isExt);
    expect(a.attributedMs).toBeCloseTo(4); // step, nextNode ×2, scan
    expect(a.ownSelfMs).toBeCloseTo(2); // step, scan
    expect(a.gcMs).toBeCloseTo(1);
    expect(a.busyMs).toBeCloseTo(7); // everything but idle
    expect(a.byFunction[0]).toMatchObject({ name: 'nextNode', own: false, ms: 2 });
    expect(a.byFunction.map((f) => f.name).sort()).toEqual(['nextNode', 'scan', 'step']);
  });

  it('reports 1-based positions', () => {
    const [scan] = attributeProfile(profileOf([8]), isExt).byFunction;
    expect(scan).toMatchObject({ name: 'scan', line: 9, column: 17, own: true });
  });

  it('finds nothing for a script that never ran', () => {
    const a = attributeProfile(profileOf([4, 5, 2]), isExt);
    expect(a.attributedMs).toBe(0);
    expect(a.byFunction).toEqual([]);
  });

  it('works when nodes name their parent instead of their children', () => {
    const flat: ProfileNode[] = nodes.map(({ children: _children, ...n }) => ({ ...n }));
    for (const n of nodes) for (const c of n.children ?? []) flat.find((f) => f.id === c)!.parent = n.id;
    const a = attributeProfile({ ...profileOf([7, 5]), nodes: flat }, isExt);
    expect(a.attributedMs).toBeCloseTo(1);
  });
});

describe('ownSamples', () => {
  it('lists the timestamps of the script’s samples only', () => {
    expect(ownSamples(profileOf([4, 6, 2, 8]), isExt)).toEqual([
      { ts: 1000, dur: 1000 },
      { ts: 3000, dur: 1000 },
    ]);
  });
});

describe('sourceExcerpt', () => {
  it('reads the source at a 1-based line and column', () => {
    expect(sourceExcerpt('first line\nlet a=1;function Wr(e){return e}', 2, 18, 8)).toBe('Wr(e){re');
    expect(sourceExcerpt('one line', 3, 1)).toBe('');
  });
});
