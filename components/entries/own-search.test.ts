import { describe, expect, it } from 'vitest';
import { parseUserEntity, type UserEntity } from '@/lib/knowledge/schema';
import { createOwnSearch, mergeByScore } from './own-search';

function entity(id: string, en: string, aliases: string[] = [], zh?: string): UserEntity {
  const parsed = parseUserEntity({ id, type: 'chip', name: { en, ...(zh ? { zh } : {}) }, aliases });
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}

const entities = [
  entity('kunlun-p800', 'Kunlun P800', ['P800'], '昆仑芯'),
  entity('moe-layer', 'Mixture of experts', ['MoE layer']),
];

describe('createOwnSearch', () => {
  const search = createOwnSearch(entities);

  it('finds an entry by a name or an alias, in either language, as written scoring 0', () => {
    expect(search.search('kunlun').map((r) => [r.id, r.score])).toEqual([['kunlun-p800', 0]]);
    expect(search.search('p800')[0]).toMatchObject({ id: 'kunlun-p800', score: 0 });
    expect(search.search('昆仑')[0]).toMatchObject({ id: 'kunlun-p800', score: 0 });
    expect(search.search('moe layer')[0]).toMatchObject({ id: 'moe-layer', score: 0 });
  });

  it('finds a typo with a score above 0, and nothing for an empty or unrelated query', () => {
    const [typo] = search.search('kunlan');
    expect(typo?.id).toBe('kunlun-p800');
    expect(typo!.score).toBeGreaterThan(0);
    expect(search.search('   ')).toEqual([]);
    expect(search.search('zzzzqqq')).toEqual([]);
  });
});

describe('mergeByScore', () => {
  it('ranks by score, the reader’s entry first when the score is as good', () => {
    const own = createOwnSearch(entities).search('kunlun');
    const builtIn = [
      { kind: 'entity', id: 'kunlun-builtin', score: 0 },
      { kind: 'entity', id: 'later', score: 0.95 },
    ];
    expect(mergeByScore(own, builtIn).map((r) => r.id)).toEqual(['kunlun-p800', 'kunlun-builtin', 'later']);
    const typo = createOwnSearch(entities).search('kunlan');
    expect(mergeByScore(typo, builtIn).map((r) => r.id)).toEqual(['kunlun-builtin', 'kunlun-p800', 'later']);
    expect(mergeByScore([], builtIn)).toEqual(builtIn);
  });
});
