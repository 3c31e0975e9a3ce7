// The knowledge base's fixed vocabularies, free of any schema library so the content script
// can use them without carrying one.

export const ENTITY_TYPES = [
  'company',
  'model',
  'product',
  'chip',
  'framework',
  'benchmark',
  'regulator',
  'institute',
  'think-tank',
  'report',
  'person',
  'publisher',
  'platform',
  'cloud',
  'technology',
  'policy',
  'place',
  'event',
  'group',
  'organization',
  'data-provider',
  'software',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Sections of the article, in reading order. */
export const SECTION_IDS = [
  'intro',
  'models',
  'research',
  'talent',
  'compute',
  'tools',
  'funding',
  'summary',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/**
 * figure: a number the article states; event: something that happened at a time;
 * reported: a claim the article attributes to a named source (give `source`);
 * opinion: the author's own view, never shown as fact.
 */
export const FACT_KINDS = ['figure', 'event', 'reported', 'opinion'] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** Longest cue or negative cue, in UTF-16 units: the detector looks for cues this far around a match. */
export const MAX_CUE_LENGTH = 64;
