// Explore's search over the reader's own entries (names and aliases), scored on the built-in
// search's scale so the two lists merge: 0 is a name or alias containing the query as written.
// Pure.
import Fuse from 'fuse.js';
import type { UserEntity } from '@/lib/knowledge/schema';

export interface OwnResult {
  kind: 'own';
  id: string;
  score: number;
  entity: UserEntity;
}

/** Fuse's score of a match without errors, as lib/kb/search.ts reports it at best. */
const EXACT = 0.001;
/** As the built-in search scales a name's typo-level match. */
const NAME_FACTOR = 2;
const MAX_SCORE = 0.9;

const textsOf = (e: UserEntity) => [
  ...[e.name.en, e.name.zh].filter((n): n is string => Boolean(n)),
  ...e.aliases.map((a) => a.text),
];

export function createOwnSearch(entities: readonly UserEntity[]) {
  const docs = entities.map((entity) => ({
    entity,
    names: [entity.name.en, entity.name.zh].filter((n): n is string => Boolean(n)),
    aliases: entity.aliases.map((a) => a.text),
  }));
  const fuse = new Fuse(docs, {
    keys: [
      { name: 'names', weight: 6 },
      { name: 'aliases', weight: 4 },
    ],
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.3,
  });
  return {
    search(query: string, limit = 10): OwnResult[] {
      const q = query.trim();
      if (!q) return [];
      const lower = q.toLowerCase();
      return fuse
        .search(q)
        .map((r) => {
          const exact = textsOf(r.item.entity).some((text) => text.toLowerCase().includes(lower));
          const score = exact ? 0 : Math.max((r.score ?? 1) * NAME_FACTOR, EXACT);
          return { kind: 'own' as const, id: r.item.entity.id, score, entity: r.item.entity };
        })
        .filter((r) => r.score <= MAX_SCORE)
        .sort((a, b) => a.score - b.score)
        .slice(0, limit);
    },
  };
}

/**
 * The reader's matches among the built-in ones, by score; on an equal score the reader's entry
 * comes first (they added it for a reason). Stable otherwise.
 */
export function mergeByScore<T extends { score: number }>(own: readonly OwnResult[], builtIn: readonly T[]) {
  const out: (OwnResult | T)[] = [];
  let i = 0;
  let j = 0;
  while (i < own.length || j < builtIn.length) {
    const a = own[i];
    const b = builtIn[j];
    if (a && (!b || a.score <= b.score)) {
      out.push(a);
      i++;
    } else if (b) {
      out.push(b);
      j++;
    }
  }
  return out;
}
