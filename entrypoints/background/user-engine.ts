// Keeps the engine pages load in step with the reader's entries: the built-in table plus the
// enabled user entries, compiled here with the build's compiler whenever they change, and written
// where content scripts read it (open tabs follow the storage key and switch over live).
import detectorJson from '@/generated/detector.json?raw';
import detectorBuild from '@/generated/detector-build.json';
import gateJson from '@/generated/detector-gate.json?raw';
import detectorTableJson from '@/generated/detector-table.json';
import type { DetectorTable } from '@/lib/kb/compiled';
import { activeEntities, compileCombinedWithGate, entitiesDigest } from '@/lib/knowledge/engine';
import type { KnowledgeState } from '@/lib/knowledge/schema';
import {
  readDetectorCacheRecords,
  removeDetectorCache,
  storedUser,
  writeDetectorCache,
} from '@/utils/detector-cache';

const baseTable = detectorTableJson as unknown as DetectorTable;

/** An engine and its mention gate as JSON text, and the digest of the entries in them. */
interface Compiled {
  json: string;
  gate: string;
  user: string;
}

export function createUserEngine() {
  // `key`: the entries it was made for; `user`: the digest compiled in ('' if none or it failed).
  let memo: ({ key: string } & Compiled) | null = null;
  let queue: Promise<void> = Promise.resolve();

  const wanted = (state: KnowledgeState) => {
    const entities = activeEntities(state);
    return entities.length ? entitiesDigest(entities) : '';
  };

  const builtIn: Compiled = { json: detectorJson, gate: gateJson, user: '' };
  const compile = (state: KnowledgeState): Compiled => {
    const entities = activeEntities(state);
    if (entities.length === 0) return builtIn;
    try {
      const { detector, gate } = compileCombinedWithGate(baseTable, entities);
      const unmarked = entities.filter((e) => e.lookupOnly).map((e) => e.id);
      if (unmarked.length) detector.unmarked = unmarked;
      return { json: JSON.stringify(detector), gate: JSON.stringify(gate), user: entitiesDigest(entities) };
    } catch (error) {
      // Entries that break the compiler must not take marking down: pages keep the built-in one.
      console.warn('Factlens: your entries could not be compiled; built-in entries only.', error);
      return builtIn;
    }
  };

  const compiledFor = (state: KnowledgeState): Compiled => {
    const key = wanted(state);
    if (memo?.key !== key) memo = { key, ...compile(state) };
    return memo;
  };

  /** The engine for `state`, compiled once per change of the entries. */
  const jsonFor = (state: KnowledgeState): string => compiledFor(state).json;

  /**
   * Brings the stored copy in line with `state`: compiles and writes only when the entries differ
   * from the copy's. A failed write (storage full) removes the stale copy: pages then ask the
   * background, which answers with the engine of the current entries.
   */
  const sync = (state: KnowledgeState): Promise<void> => {
    queue = queue.then(async () => {
      const records = await readDetectorCacheRecords().catch(() => null);
      // Both copies must be of the same entries: a gate without them would hide their mentions.
      const storedOf = (record: unknown) => storedUser(record, detectorBuild.id);
      const current = storedOf(records?.detector);
      const same = current !== null && storedOf(records?.gate) === current;
      if (same && current === wanted(state)) return;
      const { json, gate, user } = compiledFor(state);
      // Entries that failed to compile leave the built-in copy: written once, not on every sync.
      if (same && current === user) return;
      try {
        await writeDetectorCache({ build: detectorBuild.id, json, ...(user ? { user } : {}) }, gate);
      } catch {
        await removeDetectorCache().catch(() => {});
      }
    });
    return queue;
  };

  return { sync, jsonFor };
}
