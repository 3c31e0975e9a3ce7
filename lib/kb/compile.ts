// Compiles validated data into what the extension ships: the fact index (CompiledKb), the
// detector's alias table and the prebuilt search index. Pure.
import type { HanVariantsOf } from '../detect/han-variants';
import type { CompiledEntity, CompiledKb, DetectorTable } from './compiled';
import { toDetectorTable } from './detector-table';
import { SECTION_IDS, type Source } from './schema';
import { buildSearchIndex, type SearchIndexJson, searchDocs } from './search';
import type { KbData } from './validate';

export interface CompiledOutput {
  kb: CompiledKb;
  detectorTable: DetectorTable;
  searchIndex: SearchIndexJson;
}

/** The fact index alone: what the CLI and the side panel read. */
export function compileKb(data: KbData & { source: Source }): CompiledKb {
  const entities = data.entities.map((e): CompiledEntity => {
    const aliases = (data.detection[e.id]?.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.text));
    return {
      id: e.id,
      type: e.type,
      name: e.name,
      aliases: [...new Set(aliases)],
      summary: e.summary,
      related: e.related,
      ...(e.keywords?.length ? { keywords: e.keywords } : {}),
    };
  });
  // Reading order: by section, then as authored (files by name, facts in file order).
  const facts = data.facts
    .map((fact, order) => ({ fact, order, section: SECTION_IDS.indexOf(fact.section) }))
    .sort((a, b) => a.section - b.section || a.order - b.order)
    // Every compiled fact carries `figures`, empty when it states no number: one shape to read.
    .map((x) => ({ ...x.fact, figures: x.fact.figures ?? [] }));
  return { source: data.source, entities, facts };
}

export function compileAll(data: KbData & { source: Source }, hanVariants?: HanVariantsOf): CompiledOutput {
  const kb = compileKb(data);
  return {
    kb,
    detectorTable: toDetectorTable(data.entities, data.detection, hanVariants),
    searchIndex: buildSearchIndex(searchDocs(kb)),
  };
}
