import { describe, expect, it } from 'vitest';
import { compileAll, compileKb } from './compile';
import { SECTION_IDS } from './schema';
import { fixtureFacts, fixtureRaw } from './test-fixture';
import { type KbData, validateData } from './validate';

function fixtureData(): KbData & { source: NonNullable<KbData['source']> } {
  const { problems, data } = validateData(fixtureRaw());
  expect(problems).toEqual([]);
  return { ...data, source: data.source! };
}

describe('compileKb', () => {
  it('gives entities their alias texts from detection, plain strings without duplicates', () => {
    const data = fixtureData();
    data.detection.huawei = { aliases: ['Huawei', { text: 'Huawei', caseSensitive: true }, '华为'] };
    const kb = compileKb(data);
    expect(kb.entities.find((e) => e.id === 'ascend')?.aliases).toEqual(['Ascend', '昇腾', 'Ascend 910']);
    expect(kb.entities.find((e) => e.id === 'huawei')?.aliases).toEqual(['Huawei', '华为']);
  });

  it('keeps exactly the compiled fields of an entity', () => {
    const kb = compileKb(fixtureData());
    const controls = kb.entities.find((e) => e.id === 'us-export-controls')!;
    expect(Object.keys(controls).sort()).toEqual([
      'aliases',
      'id',
      'keywords',
      'name',
      'related',
      'summary',
      'type',
    ]);
    expect(controls.keywords).toContain('chip ban');
    expect('keywords' in kb.entities.find((e) => e.id === 'huawei')!).toBe(false);
  });

  it('orders facts by section, then as authored', () => {
    const data = fixtureData();
    // Authored out of reading order: funding before models, one compute fact last.
    const [first, ...rest] = [...data.facts].reverse();
    data.facts = [...rest, first!];
    const kb = compileKb(data);
    const sections = kb.facts.map((f) => SECTION_IDS.indexOf(f.section));
    expect(sections).toEqual([...sections].sort((a, b) => a - b));
    const compute = kb.facts.filter((f) => f.section === 'compute').map((f) => f.id);
    expect(compute).toEqual(data.facts.filter((f) => f.section === 'compute').map((f) => f.id));
    expect(kb.facts).toHaveLength(Object.values(fixtureFacts).flat().length);
  });

  it('passes the source through and round-trips through JSON', () => {
    const kb = compileKb(fixtureData());
    expect(kb.source.sections.talent.zh).toBe('三、人工智能人才储备');
    expect(JSON.parse(JSON.stringify(kb))).toEqual(kb);
  });
});

describe('compileAll', () => {
  it('builds a detector table covering every alias, with defaults filled in', () => {
    const { detectorTable } = compileAll(fixtureData());
    expect(detectorTable.version).toBe(1);
    expect(detectorTable.entities.map((e) => e.id)).toContain('kimi');
    expect(detectorTable.aliases).toContainEqual(
      expect.objectContaining({ text: 'Ascend', entity: 'ascend', caseSensitive: true, needsContext: true }),
    );
    expect(detectorTable.aliases).toContainEqual(
      expect.objectContaining({ text: '华为', entity: 'huawei', caseSensitive: false, needsContext: false }),
    );
  });

  it('builds a search index with one record per entity and fact', () => {
    const { kb, searchIndex } = compileAll(fixtureData());
    expect(searchIndex.records).toHaveLength(kb.entities.length + kb.facts.length);
    expect(searchIndex.keys.map((k) => k.id)).toContain('names');
  });
});
