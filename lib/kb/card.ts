// What a hover card or an entity page shows about one entity, chosen from the compiled index.
import type { CompiledEntity, CompiledKb } from './compiled';
import type { Bilingual, EntityType, Fact, Source } from './schema';

export interface EntityRef {
  id: string;
  type: EntityType;
  name: Bilingual;
}

export interface CardData {
  entity: CompiledEntity;
  /** All facts about the entity, most relevant first. */
  facts: Fact[];
  related: EntityRef[];
  /** Names of every entity the facts mention (co-subjects, sources), for labels and links. */
  names: Record<string, EntityRef>;
  source: Source;
}

/**
 * Facts that are specifically about the entity come first: those naming it first or among few
 * entities, then those carrying figures; the author's opinions follow the reported record.
 */
export function factRelevance(fact: Fact, entityId: string): number {
  const position = fact.entities.indexOf(entityId);
  if (position < 0) return Number.NEGATIVE_INFINITY;
  let score = 3 / fact.entities.length;
  if (position === 0) score += 2;
  if (fact.figures?.length) score += 1.5;
  if (fact.figures?.some((f) => f.compare)) score += 0.5;
  if (fact.kind === 'opinion') score -= 1.5;
  return score;
}

export function createCardIndex(kb: CompiledKb) {
  const entities = new Map(kb.entities.map((e) => [e.id, e]));
  const factsByEntity = new Map<string, Fact[]>();
  for (const fact of kb.facts) {
    for (const id of fact.entities) {
      const list = factsByEntity.get(id) ?? [];
      list.push(fact);
      factsByEntity.set(id, list);
    }
  }
  const factById = new Map(kb.facts.map((f) => [f.id, f]));
  const ref = (e: CompiledEntity): EntityRef => ({ id: e.id, type: e.type, name: e.name });
  /** Names of every entity the facts mention (co-subjects, sources), for labels and links. */
  const namesFor = (facts: readonly Fact[]): Record<string, EntityRef> => {
    const names: Record<string, EntityRef> = {};
    for (const fact of facts) {
      for (const other of [...fact.entities, ...(fact.source ? [fact.source] : [])]) {
        const e = entities.get(other);
        if (e) names[other] = ref(e);
      }
    }
    return names;
  };

  return {
    entity: (id: string) => entities.get(id),
    fact: (id: string) => factById.get(id),
    namesFor,
    card(id: string): CardData | null {
      const entity = entities.get(id);
      if (!entity) return null;
      const facts = [...(factsByEntity.get(id) ?? [])]
        .map((fact, order) => ({ fact, order, score: factRelevance(fact, id) }))
        .sort((a, b) => b.score - a.score || a.order - b.order)
        .map((x) => x.fact);
      const names = namesFor(facts);
      const related = entity.related.flatMap((r) => {
        const e = entities.get(r);
        return e ? [ref(e)] : [];
      });
      return { entity, facts, related, names, source: kb.source };
    },
  };
}
