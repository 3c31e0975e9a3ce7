import { describe, expect, it } from 'vitest';
import { aliasKey, aliasProblem } from '../../lib/knowledge/guard';
import { parseUserEntity } from '../../lib/knowledge/schema';
import { makeUserEntities } from './user-entities';

const aliasesOf = (entities: ReturnType<typeof makeUserEntities>) => entities.flatMap((e) => e.aliases);

describe('makeUserEntities', () => {
  it('makes exactly the asked number of aliases, 1–3 an entry', () => {
    for (const n of [0, 1, 2, 100, 1000]) {
      const entities = makeUserEntities(n);
      expect(aliasesOf(entities)).toHaveLength(n);
      for (const e of entities) expect(e.aliases.length).toBeGreaterThanOrEqual(1);
      for (const e of entities) expect(e.aliases.length).toBeLessThanOrEqual(3);
    }
  });

  it('is deterministic, and another seed gives other entries', () => {
    expect(makeUserEntities(300)).toEqual(makeUserEntities(300));
    expect(makeUserEntities(300, { seed: 2 })).not.toEqual(makeUserEntities(300));
  });

  it('mixes English names, Chinese names and case-sensitive acronyms, all distinct and allowed', () => {
    const aliases = aliasesOf(makeUserEntities(1000));
    expect(new Set(aliases.map((a) => aliasKey(a.text))).size).toBe(1000);
    expect(aliases.filter((a) => aliasProblem(a))).toEqual([]);
    expect(aliases.some((a) => /^[A-Z][a-z]+ [A-Za-z]+$/.test(a.text))).toBe(true);
    expect(aliases.some((a) => /^[\u4e00-\u9fff]{4,5}$/.test(a.text))).toBe(true);
    const acronyms = aliases.filter((a) => a.caseSensitive);
    expect(acronyms.length).toBeGreaterThan(50);
    for (const a of acronyms) expect(a.text).toMatch(/^[A-Z]{3}$/);
  });

  it('makes entries the store would accept', () => {
    for (const e of makeUserEntities(100)) expect(parseUserEntity(e).ok, e.id).toBe(true);
  });

  it('avoids the ids and aliases it is told to', () => {
    const free = makeUserEntities(200);
    const taken = new Set([aliasKey(free[0]!.aliases[0]!.text)]);
    const ids = new Set([free[1]!.id]);
    const entities = makeUserEntities(200, { avoid: { ids, aliasKeys: taken } });
    expect(aliasesOf(entities).map((a) => aliasKey(a.text))).not.toContain([...taken][0]);
    expect(entities.map((e) => e.id)).not.toContain(free[1]!.id);
  });
});
