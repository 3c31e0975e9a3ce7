// Validation of the authored data: every file against its schema, then the cross-references
// between files. Pure: takes file texts, returns every problem as one line naming the file,
// the entity or fact id and the field path, plus whatever parsed, so tests and the CLI can
// still work on partial data.

import * as v from 'valibot';
import { ID_PATTERN, ID_RULE, MAX_ID_LENGTH } from './entity-id';
import {
  Detection,
  Entity,
  Fact,
  SECTION_IDS,
  type SectionId,
  Source,
  type Detection as TDetection,
  type Entity as TEntity,
  type Fact as TFact,
  type Source as TSource,
} from './schema';

/** One data file; `path` is relative to the repository root (data/facts/02-research.json). */
export interface RawFile {
  path: string;
  text: string;
}

export interface RawData {
  source?: RawFile;
  entities: RawFile[];
  detection: RawFile[];
  facts: RawFile[];
}

/** Everything that parsed, in file order (files sorted by path). */
export interface KbData {
  source?: TSource;
  entities: TEntity[];
  detection: Record<string, TDetection>;
  facts: TFact[];
  /** File of each entity, fact and detection id, for messages. */
  origins: {
    entities: Record<string, string>;
    facts: Record<string, string>;
    detection: Record<string, string>;
  };
}

export interface ValidationResult {
  problems: string[];
  data: KbData;
}

type Issue = v.BaseIssue<unknown>;

/** `figures[0].value`, `aliases[1].text`, `text.zh`. */
export function formatPath(path: Issue['path'], prefix = ''): string {
  let out = prefix;
  for (const item of path ?? []) {
    const key = String(item.key);
    out += item.type === 'array' ? `[${key}]` : out ? `.${key}` : key;
  }
  return out;
}

/** One line per issue; a failed union (a string or a rule object) reports its deepest causes. */
function issueLines(issues: readonly Issue[], prefix = ''): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    const path = formatPath(issue.path, prefix);
    const deeper = issue.type === 'union' ? (issue.issues ?? []).filter((s) => s.path?.length) : [];
    if (deeper.length) {
      lines.push(...issueLines(deeper, path));
    } else {
      lines.push(path ? `${path}: ${issue.message}` : issue.message);
    }
  }
  return lines;
}

function parseJson(file: RawFile, problems: string[]): unknown {
  try {
    return JSON.parse(file.text);
  } catch (error) {
    problems.push(`${file.path}: Invalid JSON: ${(error as Error).message}`);
    return undefined;
  }
}

const EntityFileShape = v.strictObject({ entities: v.array(v.unknown()) });
const FactFileShape = v.strictObject({ section: v.picklist(SECTION_IDS), facts: v.array(v.unknown()) });
const DetectionFileShape = v.record(v.string(), v.unknown());
const IdSchema = v.pipe(v.string(), v.maxLength(MAX_ID_LENGTH), v.regex(ID_PATTERN, ID_RULE));

/** How an item is named in messages: its id when it has a usable one, else its position. */
function label(kind: string, item: unknown, index: number): string {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.trim() ? `${kind} ${id}` : `${kind} #${index}`;
}

function byPath(files: readonly RawFile[]): RawFile[] {
  return [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function validateData(raw: RawData): ValidationResult {
  const problems: string[] = [];
  // Ids of entities that failed their schema still count as defined, so references to them
  // do not add a second, misleading problem.
  const declared = new Set<string>();
  const declaredDetection = new Set<string>();
  const data: KbData = {
    entities: [],
    detection: {},
    facts: [],
    origins: { entities: {}, facts: {}, detection: {} },
  };

  if (!raw.source) {
    problems.push('data/source.json: missing');
  } else {
    const json = parseJson(raw.source, problems);
    if (json !== undefined) {
      const result = v.safeParse(Source, json);
      if (result.success) data.source = result.output;
      else problems.push(...issueLines(result.issues).map((line) => `${raw.source!.path}: ${line}`));
    }
  }

  for (const file of byPath(raw.entities)) {
    const json = parseJson(file, problems);
    if (json === undefined) continue;
    const shape = v.safeParse(EntityFileShape, json);
    if (!shape.success) {
      problems.push(...issueLines(shape.issues).map((line) => `${file.path}: ${line}`));
      continue;
    }
    shape.output.entities.forEach((item, i) => {
      const id = (item as { id?: unknown } | null)?.id;
      if (typeof id === 'string') declared.add(id);
      const result = v.safeParse(Entity, item);
      if (!result.success) {
        const name = label('entity', item, i);
        problems.push(...issueLines(result.issues).map((line) => `${file.path}: ${name}: ${line}`));
        return;
      }
      const entity = result.output;
      const earlier = data.origins.entities[entity.id];
      if (earlier) {
        problems.push(`${file.path}: entity ${entity.id}: id: duplicate id, already defined in ${earlier}`);
        return;
      }
      data.origins.entities[entity.id] = file.path;
      data.entities.push(entity);
    });
  }

  for (const file of byPath(raw.detection)) {
    const json = parseJson(file, problems);
    if (json === undefined) continue;
    const shape = v.safeParse(DetectionFileShape, json);
    if (!shape.success) {
      problems.push(...issueLines(shape.issues).map((line) => `${file.path}: ${line}`));
      continue;
    }
    for (const [key, item] of Object.entries(shape.output)) {
      const where = `${file.path}: detection ${key}`;
      declaredDetection.add(key);
      const id = v.safeParse(IdSchema, key);
      if (!id.success) problems.push(...issueLines(id.issues).map((line) => `${where}: key: ${line}`));
      const result = v.safeParse(Detection, item);
      if (!result.success) {
        problems.push(...issueLines(result.issues).map((line) => `${where}: ${line}`));
        continue;
      }
      const earlier = data.origins.detection[key];
      if (earlier) {
        problems.push(`${where}: duplicate entry, already defined in ${earlier}`);
        continue;
      }
      data.origins.detection[key] = file.path;
      data.detection[key] = result.output;
    }
  }

  for (const file of byPath(raw.facts)) {
    const json = parseJson(file, problems);
    if (json === undefined) continue;
    const shape = v.safeParse(FactFileShape, json);
    if (!shape.success) {
      problems.push(...issueLines(shape.issues).map((line) => `${file.path}: ${line}`));
      continue;
    }
    const section: SectionId = shape.output.section;
    const base = file.path.split('/').pop() ?? file.path;
    if (!new RegExp(`^\\d\\d-${section}\\.json$`).test(base)) {
      problems.push(`${file.path}: section: file name should be NN-${section}.json for section "${section}"`);
    }
    shape.output.facts.forEach((item, i) => {
      const result = v.safeParse(Fact, item);
      if (!result.success) {
        const name = label('fact', item, i);
        problems.push(...issueLines(result.issues).map((line) => `${file.path}: ${name}: ${line}`));
        return;
      }
      const fact = result.output;
      const where = `${file.path}: fact ${fact.id}`;
      const earlier = data.origins.facts[fact.id];
      if (earlier) {
        problems.push(`${where}: id: duplicate id, already defined in ${earlier}`);
        return;
      }
      if (fact.section !== section) {
        problems.push(`${where}: section: "${fact.section}" does not match the file's section "${section}"`);
      }
      data.origins.facts[fact.id] = file.path;
      data.facts.push(fact);
    });
  }

  problems.push(...crossCheck(data, declared, declaredDetection));
  return { problems, data };
}

/** References between files: related, fact entities and sources, detection entries. */
function crossCheck(
  data: KbData,
  declared: ReadonlySet<string>,
  declaredDetection: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  const known = new Set([...declared, ...data.entities.map((e) => e.id)]);

  for (const entity of data.entities) {
    const where = `${data.origins.entities[entity.id]}: entity ${entity.id}`;
    entity.related.forEach((id, i) => {
      if (id === entity.id) problems.push(`${where}: related[${i}]: an entity is not related to itself`);
      else if (!known.has(id)) problems.push(`${where}: related[${i}]: unknown entity "${id}"`);
    });
    if (!declaredDetection.has(entity.id)) {
      problems.push(`${where}: no detection entry (add "${entity.id}" to a file in data/detection/)`);
    }
  }

  for (const [key, file] of Object.entries(data.origins.detection)) {
    if (!known.has(key)) problems.push(`${file}: detection ${key}: unknown entity "${key}"`);
  }

  for (const fact of data.facts) {
    const where = `${data.origins.facts[fact.id]}: fact ${fact.id}`;
    if (!fact.entities.length) problems.push(`${where}: entities: a fact must be about at least one entity`);
    fact.entities.forEach((id, i) => {
      if (!known.has(id)) problems.push(`${where}: entities[${i}]: unknown entity "${id}"`);
    });
    if (fact.source && !known.has(fact.source)) {
      problems.push(`${where}: source: unknown entity "${fact.source}"`);
    }
  }
  return problems;
}
