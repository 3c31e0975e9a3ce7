// Turns the authored entities and detection rules into the detector's table: alias defaults
// filled in, nothing the detector does not read. Pure; the KB build and the CLI both call it.
import { type HanVariantsOf, hanVariantPairs } from '../detect/han-variants';
import type { CompiledAlias, DetectorTable } from './compiled';
import type { Detection, Entity } from './schema';

/** Entity fields the table needs; a full Entity fits. */
export type TableEntity = Pick<Entity, 'id' | 'type' | 'related'>;

export function toDetectorTable(
  entities: readonly TableEntity[],
  detection: Readonly<Record<string, Detection>>,
  /** Traditional forms of simplified characters, so Taiwan and Hong Kong spellings match too. */
  hanVariants?: HanVariantsOf,
): DetectorTable {
  const table: DetectorTable = { version: 1, entities: [], aliases: [] };
  for (const entity of entities) {
    const rules = detection[entity.id];
    const aliases = compileAliases(entity.id, rules?.aliases ?? []);
    // A cue equal to one of the entity's own aliases would let an ambiguous alias confirm itself.
    const own = new Set(aliases.map((a) => a.text.toLowerCase()));
    const words = (list: readonly string[] | undefined) =>
      unique((list ?? []).map((w) => w.trim()).filter((w) => w && !own.has(w.toLowerCase())));
    const negativeCues = words(rules?.negativeCues);
    table.entities.push({
      id: entity.id,
      type: entity.type,
      related: unique(entity.related.filter((id) => id !== entity.id)),
      cues: words(rules?.cues),
      ...(negativeCues.length ? { negativeCues } : {}),
      ...(rules?.sites?.length ? { sites: unique(rules.sites) } : {}),
    });
    table.aliases.push(...aliases);
  }
  if (hanVariants) {
    const texts = [
      ...table.aliases.map((a) => a.text),
      ...table.entities.flatMap((e) => [...e.cues, ...(e.negativeCues ?? [])]),
    ];
    const pairs = hanVariantPairs(texts, hanVariants);
    if (pairs) table.hanVariants = pairs;
  }
  return table;
}

function compileAliases(entity: string, aliases: Detection['aliases']): CompiledAlias[] {
  const out: CompiledAlias[] = [];
  const seen = new Set<string>();
  for (const alias of aliases) {
    const rule = typeof alias === 'string' ? { text: alias } : alias;
    const compiled: CompiledAlias = {
      text: rule.text.trim(),
      entity,
      caseSensitive: rule.caseSensitive ?? false,
      needsContext: rule.needsContext ?? false,
    };
    const key = `${compiled.text}\u0000${compiled.caseSensitive}\u0000${compiled.needsContext}`;
    if (!compiled.text || seen.has(key)) continue;
    seen.add(key);
    out.push(compiled);
  }
  return out;
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}
