// Schemas of the authored knowledge base in data/ and of what the build compiles from it.
// Valibot keeps them small enough to run in tests, the build and the CLI alike.
import * as v from 'valibot';

import { ID_PATTERN, ID_RULE, MAX_ID_LENGTH } from './entity-id';
import { ENTITY_TYPES, FACT_KINDS, MAX_CUE_LENGTH, SECTION_IDS, type SectionId } from './vocab';

export {
  ENTITY_TYPES,
  type EntityType,
  FACT_KINDS,
  type FactKind,
  SECTION_IDS,
  type SectionId,
} from './vocab';

const Id = v.pipe(v.string(), v.maxLength(MAX_ID_LENGTH), v.regex(ID_PATTERN, ID_RULE));
const NonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));

export const Bilingual = v.strictObject({ en: NonEmpty, zh: NonEmpty });
export type Bilingual = v.InferOutput<typeof Bilingual>;

/**
 * An alias as the detector sees it. A bare string is case-insensitive and needs no context.
 * - caseSensitive: only this exact capitalisation counts ("BAT", "CLUE", "Meta").
 * - needsContext: ambiguous on its own ("Ascend", "Claude", 元宝); counts only with evidence:
 *   a version or size right after it, one of the entity's cues nearby, or an unambiguous
 *   mention of the entity or a related entity elsewhere on the page.
 */
export const AliasRule = v.strictObject({
  text: NonEmpty,
  caseSensitive: v.optional(v.boolean()),
  needsContext: v.optional(v.boolean()),
});
export const Alias = v.union([NonEmpty, AliasRule]);
export type Alias = v.InferOutput<typeof Alias>;
export type AliasRule = v.InferOutput<typeof AliasRule>;

/** An entity's content, authored in data/entities/*.json. */
export const Entity = v.strictObject({
  id: Id,
  type: v.picklist(ENTITY_TYPES),
  name: Bilingual,
  summary: Bilingual,
  related: v.array(Id),
  /** Extra search words (not detected on pages), e.g. "chip ban" for export controls. */
  keywords: v.optional(v.array(NonEmpty)),
});
export type Entity = v.InferOutput<typeof Entity>;

/**
 * A number the card can show or draw. `value` is in base units (42亿元 is 4200000000, unit CNY);
 * `compare` is the value set against it (the US figure beside China's, or an earlier year).
 */
export const Figure = v.strictObject({
  value: v.pipe(v.number(), v.finite()),
  unit: NonEmpty,
  measure: Bilingual,
  period: v.optional(NonEmpty),
  subject: v.optional(Bilingual),
  approx: v.optional(v.boolean()),
  compare: v.optional(
    v.strictObject({
      value: v.pipe(v.number(), v.finite()),
      subject: v.optional(Bilingual),
      period: v.optional(NonEmpty),
    }),
  ),
});
export type Figure = v.InferOutput<typeof Figure>;

export const Fact = v.strictObject({
  id: Id,
  entities: v.array(Id),
  section: v.picklist(SECTION_IDS),
  kind: v.picklist(FACT_KINDS),
  /** Entity id of the named source of a reported claim (SuperCLUE, MacroPolo, WIPO…). */
  source: v.optional(Id),
  text: Bilingual,
  figures: v.optional(v.array(Figure)),
  /** Extra search words in either language that the text does not contain. */
  keywords: v.optional(v.array(NonEmpty)),
});
export type Fact = v.InferOutput<typeof Fact>;

export const FactFile = v.strictObject({
  section: v.picklist(SECTION_IDS),
  facts: v.array(Fact),
});

export const EntityFile = v.strictObject({ entities: v.array(Entity) });

const Domain = v.pipe(
  v.string(),
  v.regex(
    /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/,
    'must be a lower-case host name such as example.com',
  ),
);

/** How the detector finds an entity, authored in data/detection/*.json, keyed by entity id. */
const Cue = v.pipe(
  NonEmpty,
  v.maxLength(
    MAX_CUE_LENGTH,
    `is longer than ${MAX_CUE_LENGTH} characters, the farthest the detector looks for cues`,
  ),
);

export const Detection = v.strictObject({
  aliases: v.pipe(v.array(Alias), v.minLength(1, 'needs at least one alias')),
  /** Words that, near an ambiguous alias, show it means this entity (both languages). */
  cues: v.optional(v.array(Cue)),
  /**
   * Words that show an alias does not mean this entity: one that covers a match rules it out
   * (金元宝 for 元宝, "Meta tags" for Meta); one near an ambiguous alias does too (zodiac for Gemini).
   */
  negativeCues: v.optional(v.array(Cue)),
  /**
   * The entity's own web sites (twitter.com for Twitter): a link there that stands alone
   * ("Twitter", "Follow us on Twitter") is a control of the page, not a mention.
   */
  sites: v.optional(v.array(Domain)),
});
export type Detection = v.InferOutput<typeof Detection>;
export const DetectionFile = v.record(Id, Detection);

export const Source = v.strictObject({
  title: Bilingual,
  author: NonEmpty,
  publisher: Bilingual,
  via: v.optional(Bilingual),
  date: v.pipe(v.string(), v.isoDate()),
  sections: v.strictObject(
    Object.fromEntries(SECTION_IDS.map((s) => [s, Bilingual])) as Record<SectionId, typeof Bilingual>,
  ),
});
export type Source = v.InferOutput<typeof Source>;
