// Incremental detection over a page's text nodes. Each node is analysed alone (a mention never
// spans two text nodes: marks are DOM ranges inside one node); the page keeps the evidence —
// entities seen so far — and ambiguous mentions wait for it, indexed by the entity that would
// confirm them, so adding a node never rescans the others.
import type { DetectorTable } from '@/lib/kb/compiled';
import { type CompiledDetector, createDetector } from './detector';
import { analyse, type Engine, type Found, makeEvidence, named, Strength } from './engine';
import type { Mention, PageScanner } from './types';

interface NodeState<K> {
  confirmed: Found[];
  pending: Waiting<K>[];
}

interface Waiting<K> {
  key: K;
  node: NodeState<K>;
  found: Found;
  alive: boolean;
}

export function createPageScanner<K>(source: DetectorTable | CompiledDetector): PageScanner<K> {
  return scannerFor('engine' in source ? source.engine : createDetector(source).engine);
}

/** A page scanner over a ready engine (the extension's, loaded precompiled). */
export function scannerFor<K>(engine: Engine): PageScanner<K> {
  const evidence = makeEvidence(engine);
  const counts = new Int32Array(engine.entities.length);
  const nodes = new Map<K, NodeState<K>>();
  // Pending mentions by the entity whose evidence would confirm them: their own entity (any
  // confirmed mention) or a related one (an unambiguous mention).
  const waitingOnSelf = new Map<number, Set<Waiting<K>>>();
  const waitingOnRelated = new Map<number, Set<Waiting<K>>>();
  let promoted: Waiting<K>[] = [];

  const setOf = (map: Map<number, Set<Waiting<K>>>, entity: number) => {
    let set = map.get(entity);
    if (!set) {
      set = new Set();
      map.set(entity, set);
    }
    return set;
  };
  const unregister = (w: Waiting<K>) => {
    waitingOnSelf.get(w.found.entity)?.delete(w);
    for (const r of engine.entities[w.found.entity]!.related) waitingOnRelated.get(r)?.delete(w);
  };
  const promote = (set: Set<Waiting<K>> | undefined) => {
    if (!set) return;
    for (const w of set) {
      if (!w.alive) continue;
      w.alive = false;
      unregister(w);
      w.node.confirmed.push(w.found);
      counts[w.found.entity]!++;
      promoted.push(w);
    }
  };
  const addEvidence = (f: Found) => {
    if (f.strength === Strength.Strong) {
      if (evidence.strong[f.entity]!++ === 0) {
        promote(waitingOnSelf.get(f.entity));
        promote(waitingOnRelated.get(f.entity));
      }
    } else if (f.strength === Strength.Weak) {
      if (evidence.weak[f.entity]!++ === 0) promote(waitingOnSelf.get(f.entity));
    }
  };

  const remove = (key: K) => {
    const node = nodes.get(key);
    if (!node) return;
    nodes.delete(key);
    for (const f of node.confirmed) {
      counts[f.entity]!--;
      if (f.strength === Strength.Strong) evidence.strong[f.entity]!--;
      else if (f.strength === Strength.Weak) evidence.weak[f.entity]!--;
    }
    for (const w of node.pending) {
      if (!w.alive) continue;
      w.alive = false;
      unregister(w);
    }
  };

  return {
    add(key, text, keep) {
      remove(key);
      let found = analyse(engine, text);
      if (found.length === 0) return []; // most nodes: nothing to keep
      for (const f of found) named(engine, f);
      if (keep) {
        const kept = new Set(
          keep(
            key,
            found.map((f) => f.mention),
          ),
        );
        if (kept.size < found.length) found = found.filter((f) => kept.has(f.mention));
        if (found.length === 0) return [];
      }
      const node: NodeState<K> = { confirmed: [], pending: [] };
      nodes.set(key, node);
      for (const f of found) addEvidence(f);
      const confirmed: Mention[] = [];
      for (const f of found) {
        if (f.strength !== Strength.Pending || evidence.has(f.entity)) {
          node.confirmed.push(f);
          counts[f.entity]!++;
          confirmed.push(f.mention);
          continue;
        }
        const w: Waiting<K> = { key, node, found: f, alive: true };
        node.pending.push(w);
        setOf(waitingOnSelf, f.entity).add(w);
        for (const r of engine.entities[f.entity]!.related) setOf(waitingOnRelated, r).add(w);
      }
      return confirmed;
    },
    remove,
    takePromoted() {
      const out = promoted
        .filter((w) => nodes.get(w.key) === w.node)
        .map((w) => ({ key: w.key, mention: w.found.mention }));
      promoted = [];
      return out;
    },
    counts() {
      const out = new Map<string, number>();
      counts.forEach((n, i) => {
        if (n > 0) out.set(engine.entities[i]!.id, n);
      });
      return out;
    },
  };
}
