// The one engine pages load: the built-in detector table plus the reader's enabled entries,
// compiled with the same compiler as the build (lib/detect). Pure, so the background, the CLI
// (`detect --pack`) and the benchmarks build exactly the same engine.
import { compileEngine } from '../detect/engine';
import { gateOfEngine, type PackedGate } from '../detect/gate';
import { type PrecompiledDetector, precompileEngine } from '../detect/precompiled';
import type { DetectorTable } from '../kb/compiled';
import { aliasKey, checkAliases, detectableAliases, type GuardContext } from './guard';
import type { KnowledgeState, UserEntity } from './schema';

/** The entries that take part: the reader's own and those of enabled packs. */
export function activeEntities(state: Pick<KnowledgeState, 'entities' | 'packs'>): UserEntity[] {
  const off = new Set(state.packs.filter((p) => !p.enabled).map((p) => p.id));
  return state.entities.filter((e) => !off.has(e.pack));
}

export function builtInIndexOf(base: DetectorTable): Map<string, string> {
  const index = new Map<string, string>();
  for (const a of base.aliases) if (!index.has(aliasKey(a.text))) index.set(aliasKey(a.text), a.entity);
  return index;
}

/** The built-in table with the entries added; an alias an entry chose to win leaves the built-in. */
export function combinedTable(base: DetectorTable, entities: readonly UserEntity[]): DetectorTable {
  if (entities.length === 0) return base;
  const ctx: GuardContext = { builtIn: builtInIndexOf(base), others: [] };
  const known = new Set([...base.entities.map((e) => e.id), ...entities.map((e) => e.id)]);
  const taken = new Set<string>();
  const won = new Set<string>();
  const added: DetectorTable['aliases'] = [];
  const rows: DetectorTable['entities'] = [];
  for (const entity of entities) {
    if (base.entities.some((e) => e.id === entity.id)) continue; // never shadow a built-in id
    const aliases = detectableAliases(entity, checkAliases(entity, ctx)).filter((a) => {
      // Between two entries of the reader, the first keeps a shared alias.
      const key = aliasKey(a.text);
      if (taken.has(key)) return false;
      taken.add(key);
      if (ctx.builtIn.has(key)) won.add(key);
      return true;
    });
    rows.push({
      id: entity.id,
      type: entity.type,
      related: entity.related.filter((r) => known.has(r)),
      cues: [],
    });
    for (const a of aliases) {
      added.push({
        text: a.text,
        entity: entity.id,
        caseSensitive: a.caseSensitive === true,
        needsContext: false,
      });
    }
  }
  return {
    ...base,
    entities: [...base.entities, ...rows],
    aliases: [...base.aliases.filter((a) => !won.has(aliasKey(a.text))), ...added],
  };
}

export function compileCombined(base: DetectorTable, entities: readonly UserEntity[]): PrecompiledDetector {
  return compileCombinedWithGate(base, entities).detector;
}

/** The combined engine and its mention gate (what content scripts read first), from one compile. */
export function compileCombinedWithGate(
  base: DetectorTable,
  entities: readonly UserEntity[],
): { detector: PrecompiledDetector; gate: PackedGate } {
  const engine = compileEngine(combinedTable(base, entities));
  return { detector: precompileEngine(engine), gate: gateOfEngine(engine) };
}

/** A short, stable digest of what the engine depends on, to tell a current copy from a stale one. */
export function entitiesDigest(entities: readonly UserEntity[]): string {
  const text = JSON.stringify(
    entities.map((e) => [e.id, e.type, e.aliases, e.related, e.prefer, e.lookupOnly]),
  );
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${entities.length}-${(h >>> 0).toString(36)}`;
}
