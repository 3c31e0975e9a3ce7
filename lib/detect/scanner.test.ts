import { describe, expect, it } from 'vitest';
import { createDetector } from './detector';
import { createPageScanner } from './scanner';
import { makeTable, realTable } from './testing/tables';

const table = makeTable([
  {
    id: 'ascend',
    type: 'chip',
    related: ['huawei'],
    cues: ['chip'],
    aliases: [{ text: 'Ascend', caseSensitive: true, needsContext: true }],
  },
  { id: 'huawei', aliases: ['Huawei', '华为'] },
  {
    id: 'kimi',
    type: 'product',
    cues: ['chatbot'],
    aliases: [{ text: 'Kimi', needsContext: true }],
  },
]);

const ids = (mentions: { entity: string }[]) => mentions.map((m) => m.entity);

describe('page scanner', () => {
  it('returns unambiguous mentions at once and keeps ambiguous ones pending', () => {
    const scanner = createPageScanner<string>(table);
    expect(ids(scanner.add('a', 'Ascend is fast.'))).toEqual([]);
    expect(ids(scanner.add('b', 'Huawei said so.'))).toEqual(['huawei']);
    expect(scanner.takePromoted()).toMatchObject([
      { key: 'a', mention: { entity: 'ascend', text: 'Ascend' } },
    ]);
    expect(scanner.takePromoted()).toEqual([]);
    expect(Object.fromEntries(scanner.counts())).toEqual({ ascend: 1, huawei: 1 });
  });

  it('confirms ambiguous mentions at once when the page already has evidence', () => {
    const scanner = createPageScanner<number>(table);
    scanner.add(1, '华为发布会');
    expect(ids(scanner.add(2, 'Ascend everywhere'))).toEqual(['ascend']);
    expect(scanner.takePromoted()).toEqual([]);
  });

  it('lets an ambiguous mention with its own evidence confirm others of its entity only', () => {
    const scanner = createPageScanner<number>(table);
    scanner.add(1, 'Kimi here');
    scanner.add(2, 'Ascend there');
    expect(ids(scanner.add(3, 'Kimi, the chatbot'))).toEqual(['kimi']);
    expect(scanner.takePromoted()).toMatchObject([{ key: 1, mention: { entity: 'kimi' } }]);
  });

  it('forgets removed nodes: counts drop, and their pending mentions are never promoted', () => {
    const scanner = createPageScanner<string>(table);
    scanner.add('a', 'Ascend one');
    scanner.add('b', 'Ascend two');
    scanner.remove('a');
    scanner.add('c', 'Huawei');
    expect(scanner.takePromoted()).toMatchObject([{ key: 'b' }]);
    scanner.remove('c');
    expect(Object.fromEntries(scanner.counts())).toEqual({ ascend: 1 });
    scanner.remove('b');
    expect(scanner.counts().size).toBe(0);
  });

  it('drops a promotion whose node was removed before it was taken', () => {
    const scanner = createPageScanner<string>(table);
    scanner.add('a', 'Ascend one');
    scanner.add('h', 'Huawei');
    scanner.remove('a');
    expect(scanner.takePromoted()).toEqual([]);
  });

  it('replaces a node that is added again', () => {
    const scanner = createPageScanner<string>(table);
    scanner.add('a', 'Huawei and Huawei');
    expect(scanner.counts().get('huawei')).toBe(2);
    scanner.add('a', 'Huawei');
    expect(scanner.counts().get('huawei')).toBe(1);
    scanner.add('a', 'nothing here');
    expect(scanner.counts().size).toBe(0);
  });

  it('keeps later evidence after the node that gave earlier evidence is removed', () => {
    const scanner = createPageScanner<string>(table);
    scanner.add('h1', 'Huawei');
    scanner.remove('h1');
    expect(ids(scanner.add('a', 'Ascend'))).toEqual([]);
    scanner.add('h2', '华为');
    expect(scanner.takePromoted()).toHaveLength(1);
  });

  it('accepts a compiled detector and agrees with detect() on a page split into nodes', () => {
    const detector = createDetector(realTable());
    const nodes = [
      'Ascend chips power its cloud.',
      'Meanwhile, ',
      'Huawei',
      ' trains PanGu on them. Claude',
      ' is not mentioned here. Gemini 1.5 Pro is.',
    ];
    const scanner = createPageScanner<number>(detector);
    const found = nodes.flatMap((text, i) => scanner.add(i, text).map((m) => m.entity));
    found.push(...scanner.takePromoted().map((p) => p.mention.entity));
    expect(new Set(found)).toEqual(new Set(['ascend', 'huawei', 'pangu-alpha', 'gemini']));
    const total = [...scanner.counts().values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(found.length);
  });
});
