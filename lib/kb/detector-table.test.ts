import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { toDetectorTable } from './detector-table';
import { readShared, repoRoot } from './load';
import { DetectionFile } from './schema';
import { parseEntitySpec } from './spec';

describe('toDetectorTable', () => {
  it('fills alias defaults and carries type, related ids and cues', () => {
    const table = toDetectorTable(
      [
        { id: 'ascend', type: 'chip', related: ['huawei', 'ascend'] },
        { id: 'huawei', type: 'company', related: [] },
      ],
      {
        ascend: {
          aliases: ['昇腾', { text: 'Ascend', caseSensitive: true, needsContext: true }, '昇腾'],
          cues: ['Huawei', 'chip', 'Ascend', ' chip '],
          negativeCues: ['throne'],
        },
        huawei: { aliases: ['Huawei'] },
      },
    );
    expect(table.version).toBe(1);
    expect(table.aliases).toEqual([
      { text: '昇腾', entity: 'ascend', caseSensitive: false, needsContext: false },
      { text: 'Ascend', entity: 'ascend', caseSensitive: true, needsContext: true },
      { text: 'Huawei', entity: 'huawei', caseSensitive: false, needsContext: false },
    ]);
    // Its own alias is no cue (it would confirm itself); an entity is not related to itself.
    expect(table.entities[0]).toEqual({
      id: 'ascend',
      type: 'chip',
      related: ['huawei'],
      cues: ['Huawei', 'chip'],
      negativeCues: ['throne'],
    });
    expect(table.entities[1]).toEqual({ id: 'huawei', type: 'company', related: [], cues: [] });
  });

  it('gives an entity without detection rules no aliases', () => {
    const table = toDetectorTable([{ id: 'x', type: 'company', related: [] }], {});
    expect(table.aliases).toEqual([]);
    expect(table.entities).toHaveLength(1);
  });
});

describe('data/detection', () => {
  const dir = path.join(repoRoot, 'data/detection');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  const merged: Record<string, v.InferOutput<typeof DetectionFile>[string]> = {};
  const duplicates: string[] = [];
  for (const file of files) {
    const parsed = v.safeParse(DetectionFile, JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
    it(`${file} matches the schema`, () => {
      expect(parsed.issues?.map((i) => `${v.getDotPath(i)}: ${i.message}`) ?? []).toEqual([]);
    });
    if (!parsed.success) continue;
    for (const [id, detection] of Object.entries(parsed.output)) {
      if (merged[id]) duplicates.push(id);
      merged[id] = detection;
    }
  }

  it('has one entry per entity', () => {
    expect(duplicates).toEqual([]);
  });

  const spec = readShared('spec/entities.tsv');
  it.skipIf(!spec)('covers exactly the entities of the shared spec (needs ../shared/spec)', () => {
    const ids = parseEntitySpec(spec!).map((e) => e.id);
    expect(ids).toHaveLength(91);
    expect(Object.keys(merged).sort()).toEqual([...ids].sort());
  });

  it('never gives one alias to two entities', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const [id, detection] of Object.entries(merged)) {
      for (const alias of detection.aliases) {
        const text = (typeof alias === 'string' ? alias : alias.text).toLowerCase();
        const other = owner.get(text);
        if (other && other !== id) clashes.push(`${text}: ${other} and ${id}`);
        owner.set(text, id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('gives every ambiguous alias something to be confirmed by', () => {
    const entities = existsSync(path.join(repoRoot, 'data/entities'))
      ? readdirSync(path.join(repoRoot, 'data/entities')).flatMap(
          (f) =>
            (
              JSON.parse(readFileSync(path.join(repoRoot, 'data/entities', f), 'utf8')) as {
                entities: { id: string; related: string[] }[];
              }
            ).entities,
        )
      : [];
    const related = new Map(entities.map((e) => [e.id, e.related]));
    const bare: string[] = [];
    for (const [id, detection] of Object.entries(merged)) {
      const ambiguous = detection.aliases.some((a) => typeof a !== 'string' && a.needsContext);
      if (ambiguous && !detection.cues?.length && !related.get(id)?.length) bare.push(id);
    }
    expect(bare).toEqual([]);
  });
});
