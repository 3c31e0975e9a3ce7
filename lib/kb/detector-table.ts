// Turns the authored entities and detection rules into the detector's table: alias defaults
// filled in, nothing the detector does not read. Pure; the KB build and the CLI both call it.
import type { CompiledAlias, DetectorTable } from './compiled';
import type { Detection, Entity } from './schema';

/** Entity fields the table needs; a full Entity fits. */
export type TableEntity = Pick<Entity, 'id' | 'type' | 'related'>;

export function toDetectorTable(
  entities: readonly TableEntity[],
  detection: Readonly<Record<string, Detection>>,
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
    });
    table.aliases.push(...aliases);
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

/**
 * The table as the content script ships it: entity ids become indices, each alias a tuple, cue
 * lists one string. About 45% smaller raw (a tenth gzipped), and the content script's budget
 * counts every byte. `unpackDetectorTable` restores the DetectorTable exactly.
 */
export interface PackedDetectorTable {
  v: 1;
  /** [id, type, related entity indices, cues, negative cues] — cue lists joined by U+001F. */
  e: [string, DetectorTable['entities'][number]['type'], number[], string, string][];
  /** [text, entity index, flags: 1 case-sensitive | 2 needs context] */
  a: [string, number, number][];
}

const SEP = '\u001f';
const split = (s: string) => (s ? s.split(SEP) : []);

export function packDetectorTable(table: DetectorTable): PackedDetectorTable {
  const index = new Map(table.entities.map((e, i) => [e.id, i]));
  return {
    v: 1,
    e: table.entities.map((e) => [
      e.id,
      e.type,
      e.related.flatMap((r) => (index.has(r) ? [index.get(r)!] : [])),
      e.cues.join(SEP),
      (e.negativeCues ?? []).join(SEP),
    ]),
    a: table.aliases.map((a) => [
      a.text,
      index.get(a.entity)!,
      (a.caseSensitive ? 1 : 0) | (a.needsContext ? 2 : 0),
    ]),
  };
}

export function unpackDetectorTable(packed: PackedDetectorTable): DetectorTable {
  return {
    version: 1,
    entities: packed.e.map(([id, type, related, cues, negatives]) => ({
      id,
      type,
      related: related.map((i) => packed.e[i]![0]),
      cues: split(cues),
      ...(negatives ? { negativeCues: split(negatives) } : {}),
    })),
    aliases: packed.a.map(([text, entity, flags]) => ({
      text,
      entity: packed.e[entity]![0],
      caseSensitive: (flags & 1) !== 0,
      needsContext: (flags & 2) !== 0,
    })),
  };
}
