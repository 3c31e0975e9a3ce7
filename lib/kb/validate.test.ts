import { describe, expect, it } from 'vitest';
import { fixtureDetection, fixtureEntities, fixtureFacts, fixtureRaw, fixtureSource } from './test-fixture';
import { formatPath, type RawData, validateData } from './validate';

/** The fixture with one file's JSON changed. */
function withFile(kind: 'entities' | 'detection' | 'facts', path: string, value: unknown): RawData {
  const raw = fixtureRaw();
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const files = raw[kind].filter((f) => f.path !== path);
  return { ...raw, [kind]: [...files, { path, text }] };
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value));

describe('validateData on valid data', () => {
  it('finds no problems and returns everything', () => {
    const { problems, data } = validateData(fixtureRaw());
    expect(problems).toEqual([]);
    expect(data.entities.map((e) => e.id)).toEqual(fixtureEntities.map((e) => e.id));
    expect(Object.keys(data.detection).sort()).toEqual(Object.keys(fixtureDetection).sort());
    expect(data.facts).toHaveLength(Object.values(fixtureFacts).flat().length);
    expect(data.source?.date).toBe(fixtureSource.date);
    expect(data.origins.facts['funding-2023-deals']).toBe('data/facts/06-funding.json');
  });
});

describe('validateData reports file, id and field', () => {
  it('a figure value of the wrong type', () => {
    const facts = clone(fixtureFacts.funding!);
    facts[0]!.figures![0]!.value = '815' as never;
    const { problems } = validateData(
      withFile('facts', 'data/facts/06-funding.json', { section: 'funding', facts }),
    );
    expect(problems).toEqual([
      'data/facts/06-funding.json: fact funding-2023-deals: figures[0].value: Invalid type: Expected number but received "815"',
    ]);
  });

  it('empty or missing text, unknown keys and bad kinds, all at once', () => {
    const facts = clone(fixtureFacts.talent!) as unknown as Record<string, unknown>[];
    facts[0]!.text = { en: 'x', zh: '  ' };
    facts[0]!.kind = 'rumour';
    facts[1]!.note = 'extra';
    const { problems } = validateData(
      withFile('facts', 'data/facts/03-talent.json', { section: 'talent', facts }),
    );
    expect(problems).toContain(
      'data/facts/03-talent.json: fact talent-top-researchers: text.zh: must not be empty',
    );
    expect(
      problems.some((p) => p.startsWith('data/facts/03-talent.json: fact talent-top-researchers: kind: ')),
    ).toBe(true);
    expect(problems).toContain(
      'data/facts/03-talent.json: fact talent-stay-in-us: note: Invalid key: Expected never but received "note"',
    );
  });

  it('names an item without a usable id by its position', () => {
    const entities = [{ type: 'company', name: { en: 'X', zh: 'X' } }];
    const { problems } = validateData(withFile('entities', 'data/entities/c.json', { entities }));
    expect(problems.some((p) => p.startsWith('data/entities/c.json: entity #0: id: '))).toBe(true);
    expect(problems.some((p) => p.startsWith('data/entities/c.json: entity #0: summary: '))).toBe(true);
  });

  it('reports the field inside a broken alias rule', () => {
    const detection = { ...fixtureDetection, kimi: { aliases: ['Kimi', { text: '', needsContext: 'yes' }] } };
    const { problems } = validateData(withFile('detection', 'data/detection/all.json', detection));
    // Only the entry's own problems: a broken entry is not a missing one.
    expect(problems).toEqual([
      'data/detection/all.json: detection kimi: aliases[1].text: must not be empty',
      'data/detection/all.json: detection kimi: aliases[1].needsContext: Invalid type: Expected boolean but received "yes"',
    ]);
  });

  it('reports invalid JSON and a wrong file shape', () => {
    expect(
      validateData(withFile('facts', 'data/facts/07-summary.json', '{"section": "summary",')).problems,
    ).toEqual([expect.stringMatching(/^data\/facts\/07-summary\.json: Invalid JSON: /)]);
    const { problems } = validateData(
      withFile('facts', 'data/facts/07-summary.json', { section: 'summry', facts: [] }),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^data\/facts\/07-summary\.json: section: Invalid type: /),
    ]);
  });

  it('reports a missing source', () => {
    const raw = fixtureRaw();
    delete raw.source;
    expect(validateData(raw).problems).toEqual(['data/source.json: missing']);
  });
});

describe('validateData cross-checks', () => {
  it('duplicate entity and fact ids across files', () => {
    const raw = fixtureRaw();
    raw.entities.push({
      path: 'data/entities/c.json',
      text: JSON.stringify({ entities: [fixtureEntities[0]] }),
    });
    raw.facts.push({
      path: 'data/facts/09-funding.json',
      text: JSON.stringify({ section: 'funding', facts: [fixtureFacts.funding![1]] }),
    });
    const { problems } = validateData(raw);
    expect(problems).toEqual([
      'data/entities/c.json: entity huawei: id: duplicate id, already defined in data/entities/a.json',
      'data/facts/09-funding.json: fact funding-monthly-deals: id: duplicate id, already defined in data/facts/06-funding.json',
    ]);
  });

  it('unresolved related, fact entities and source ids', () => {
    const facts = clone(fixtureFacts.compute!);
    facts[0]!.entities = ['us-export-controls', 'nvida'];
    facts[1]!.source = 'somebody';
    const raw = withFile('facts', 'data/facts/04-compute.json', { section: 'compute', facts });
    const entities = clone(fixtureEntities.slice(0, 8));
    entities[0]!.related = ['ascend', 'huawei', 'hisilicon'];
    raw.entities[0] = { path: 'data/entities/a.json', text: JSON.stringify({ entities }) };
    expect(validateData(raw).problems).toEqual([
      'data/entities/a.json: entity huawei: related[1]: an entity is not related to itself',
      'data/entities/a.json: entity huawei: related[2]: unknown entity "hisilicon"',
      'data/facts/04-compute.json: fact compute-export-controls: entities[1]: unknown entity "nvida"',
      'data/facts/04-compute.json: fact compute-nvidia-dependence: source: unknown entity "somebody"',
    ]);
  });

  it('entities without detection entries and detection entries without entities', () => {
    const { kimi: _, ...detection } = fixtureDetection;
    const raw = withFile('detection', 'data/detection/all.json', {
      ...detection,
      kimmi: { aliases: ['Kimmi'] },
    });
    expect(validateData(raw).problems).toEqual([
      'data/entities/a.json: entity kimi: no detection entry (add "kimi" to a file in data/detection/)',
      'data/detection/all.json: detection kimmi: unknown entity "kimmi"',
    ]);
  });

  it('a fact in the wrong section file, and a file named for another section', () => {
    const facts = clone(fixtureFacts.tools!);
    facts[0]!.section = 'compute';
    const raw = withFile('facts', 'data/facts/05-tools.json', { section: 'tools', facts });
    raw.facts.push({
      path: 'data/facts/08-summary.json',
      text: JSON.stringify({ section: 'intro', facts: [] }),
    });
    expect(validateData(raw).problems).toEqual([
      'data/facts/05-tools.json: fact tools-mindspore: section: "compute" does not match the file\'s section "tools"',
      'data/facts/08-summary.json: section: file name should be NN-intro.json for section "intro"',
    ]);
  });

  it('does not report references to an entity that is only broken, not missing', () => {
    const entities = clone(fixtureEntities.slice(8)) as unknown as Record<string, unknown>[];
    entities[0]!.type = 'leaderboard'; // superclue, which a fact and a detection entry reference
    const raw = fixtureRaw();
    raw.entities[1] = { path: 'data/entities/b.json', text: JSON.stringify({ entities }) };
    const { problems } = validateData(raw);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^data\/entities\/b\.json: entity superclue: type: Invalid type: /);
  });
});

describe('formatPath', () => {
  it('writes array indices in brackets and keys with dots', () => {
    expect(
      formatPath([
        { type: 'object', key: 'figures' },
        { type: 'array', key: 0 },
        { type: 'object', key: 'compare' },
        { type: 'object', key: 'value' },
      ] as never),
    ).toBe('figures[0].compare.value');
    expect(formatPath(undefined)).toBe('');
  });
});
