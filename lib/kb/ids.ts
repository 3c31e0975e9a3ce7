// Stable ids: links, pins and saved state refer to entity and fact ids, so once published an id
// must not disappear. lib/kb/ids.snapshot.json records them; `npm run kb -- --update-ids`
// rewrites it, the deliberate step when adding ids (or, rarely, retiring one).
import type { KbData } from './validate';

export interface IdSnapshot {
  entities: string[];
  facts: string[];
}

export const ID_SNAPSHOT_PATH = 'lib/kb/ids.snapshot.json';

export function idSnapshot(data: Pick<KbData, 'entities' | 'facts'>): IdSnapshot {
  return {
    entities: data.entities.map((e) => e.id).sort(),
    facts: data.facts.map((f) => f.id).sort(),
  };
}

/** Ids in the snapshot that the data no longer has, as messages. */
export function missingIds(snapshot: IdSnapshot, current: IdSnapshot): string[] {
  const problems: string[] = [];
  for (const kind of ['entities', 'facts'] as const) {
    const now = new Set(current[kind]);
    for (const id of snapshot[kind]) {
      if (!now.has(id)) problems.push(`${kind === 'entities' ? 'entity' : 'fact'} ${id} disappeared`);
    }
  }
  return problems;
}
