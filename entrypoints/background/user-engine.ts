// Keeps the engine pages load in step with the reader's entries: the built-in table plus the
// enabled user entries, compiled here with the build's compiler whenever they change, and written
// where content scripts read it (open tabs follow the storage key and switch over live).
import detectorJson from '@/generated/detector.json?raw';
import detectorBuild from '@/generated/detector-build.json';
import detectorTableJson from '@/generated/detector-table.json';
import type { DetectorTable } from '@/lib/kb/compiled';
import { activeEntities, compileCombined, entitiesDigest } from '@/lib/knowledge/engine';
import type { KnowledgeState } from '@/lib/knowledge/schema';
import { readDetectorCacheRecord, storedUser, writeDetectorCache } from '@/utils/detector-cache';

const baseTable = detectorTableJson as unknown as DetectorTable;

export function createUserEngine() {
  // `key`: the entries it was made for; `user`: the digest compiled in ('' if none or it failed).
  let memo: { key: string; user: string; json: string } | null = null;
  let queue: Promise<void> = Promise.resolve();

  const wanted = (state: KnowledgeState) => {
    const entities = activeEntities(state);
    return entities.length ? entitiesDigest(entities) : '';
  };

  const compile = (state: KnowledgeState): { json: string; user: string } => {
    const entities = activeEntities(state);
    if (entities.length === 0) return { json: detectorJson, user: '' };
    try {
      const precompiled = compileCombined(baseTable, entities);
      const unmarked = entities.filter((e) => e.lookupOnly).map((e) => e.id);
      if (unmarked.length) precompiled.unmarked = unmarked;
      return { json: JSON.stringify(precompiled), user: entitiesDigest(entities) };
    } catch (error) {
      // Entries that break the compiler must not take marking down: pages keep the built-in one.
      console.warn('Factlens: your entries could not be compiled; built-in entries only.', error);
      return { json: detectorJson, user: '' };
    }
  };

  /** The engine for `state`, compiled once per change of the entries. */
  const jsonFor = (state: KnowledgeState): string => {
    const key = wanted(state);
    if (memo?.key !== key) memo = { key, ...compile(state) };
    return memo.json;
  };

  /**
   * Brings the stored copy in line with `state`: compiles and writes only when the entries differ
   * from the copy's. A failed write (storage full) leaves pages asking the background instead.
   */
  const sync = (state: KnowledgeState): Promise<void> => {
    queue = queue.then(async () => {
      const record = await readDetectorCacheRecord().catch(() => null);
      const current = storedUser(record, detectorBuild.id);
      if (current === wanted(state)) return;
      const json = jsonFor(state);
      const user = memo?.user ?? '';
      // Entries that failed to compile leave the built-in copy: written once, not on every sync.
      if (current === user) return;
      await writeDetectorCache({ build: detectorBuild.id, json, ...(user ? { user } : {}) }).catch(() => {});
    });
    return queue;
  };

  return { sync, jsonFor };
}
