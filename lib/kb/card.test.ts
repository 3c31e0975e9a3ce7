import { describe, expect, it } from 'vitest';
import { createCardIndex, factRelevance } from './card';
import type { CompiledKb } from './compiled';
import type { Fact } from './schema';

const text = { en: 'x', zh: '某' };
const fact = (id: string, entities: string[], extra: Partial<Fact> = {}): Fact => ({
  id,
  entities,
  section: 'models',
  kind: 'figure',
  text,
  ...extra,
});
const entity = (id: string, related: string[] = []) => ({
  id,
  type: 'company' as const,
  name: { en: id.toUpperCase(), zh: id },
  aliases: [id],
  summary: text,
  related,
});

const kb: CompiledKb = {
  source: {
    title: text,
    author: 'A',
    publisher: text,
    date: '2024-10-09',
    sections: Object.fromEntries(
      ['intro', 'models', 'research', 'talent', 'compute', 'tools', 'funding', 'summary'].map((s) => [
        s,
        text,
      ]),
    ) as CompiledKb['source']['sections'],
  },
  entities: [entity('a', ['b', 'missing']), entity('b'), entity('src')],
  facts: [
    fact('crowd', ['b', 'a', 'src']),
    fact('opinion', ['a'], { kind: 'opinion' }),
    fact('figure', ['a'], {
      kind: 'reported',
      source: 'src',
      figures: [{ value: 1, unit: '%', measure: text, compare: { value: 2 } }],
    }),
  ],
};

describe('card data', () => {
  it('ranks facts about the entity alone first, figures before opinions, crowded facts last', () => {
    const card = createCardIndex(kb).card('a')!;
    expect(card.facts.map((f) => f.id)).toEqual(['figure', 'opinion', 'crowd']);
    expect(factRelevance(kb.facts[0]!, 'zzz')).toBe(Number.NEGATIVE_INFINITY);
  });

  it('resolves related entries and the names of co-subjects and sources, skipping unknown ids', () => {
    const card = createCardIndex(kb).card('a')!;
    expect(card.related.map((r) => r.id)).toEqual(['b']);
    expect(Object.keys(card.names).sort()).toEqual(['a', 'b', 'src']);
    expect(createCardIndex(kb).card('nope')).toBeNull();
  });
});
