// Shapes of what scripts/build-kb.ts writes to generated/ and the extension imports.
import type { Bilingual, EntityType, Fact, Source } from './schema';

/** One alias as the detector consumes it; defaults of the authored form are filled in. */
export interface CompiledAlias {
  text: string;
  entity: string;
  caseSensitive: boolean;
  needsContext: boolean;
}

/** Everything the detector needs, and nothing else: small enough for the content script. */
export interface DetectorTable {
  version: 1;
  entities: {
    id: string;
    type: EntityType;
    related: string[];
    cues: string[];
    negativeCues?: string[];
    /** Host names of the entity's own sites, for the page-furniture rules. */
    sites?: string[];
  }[];
  aliases: CompiledAlias[];
  /**
   * Traditional and regional forms of the Han characters the aliases and cues use, each followed
   * by the simplified character it folds to (see lib/detect/han-variants.ts).
   */
  hanVariants?: string;
}

export interface CompiledEntity {
  id: string;
  type: EntityType;
  name: Bilingual;
  /** Alias texts, for display, search and the CLI. */
  aliases: string[];
  summary: Bilingual;
  related: string[];
  keywords?: string[];
}

/** The whole index, as `npm run facts -- --json` prints it and the background serves it. */
export interface CompiledKb {
  source: Source;
  entities: CompiledEntity[];
  facts: Fact[];
}
