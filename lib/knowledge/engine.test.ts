// @vitest-environment node
// The reader's entries go through the same compiler, the same JSON and the same loader as the
// built-in entries: what is asserted here is what a page gets.
import { beforeAll, describe, expect, it } from 'vitest';
import { engineFromPrecompiled } from '@/lib/detect/precompiled';
import { scannerFor } from '@/lib/detect/scanner';
import { realTable } from '@/lib/detect/testing/tables';
import type { DetectorTable } from '@/lib/kb/compiled';
import { activeEntities, builtInIndexOf, combinedTable, compileCombined, entitiesDigest } from './engine';
import { type KnowledgeState, type PackInfo, parseUserEntity, type UserEntity } from './schema';

let base: DetectorTable;
beforeAll(() => {
  base = realTable();
});

const entry = (over: Record<string, unknown> = {}): UserEntity => {
  const r = parseUserEntity(
    { id: 'norvane-labs', type: 'company', name: { en: 'Norvane Labs' }, aliases: ['Norvane'], ...over },
    1,
  );
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

/** Mentions as a page finds them: compiled, through JSON, unpacked, scanned. */
function detectWith(entities: readonly UserEntity[], text: string): string[] {
  const json = JSON.stringify(compileCombined(base, entities));
  const scanner = scannerFor<number>(engineFromPrecompiled(JSON.parse(json)));
  return scanner.add(0, text).map((m) => `${m.entity}:${m.text}`);
}

const TEXT = 'Norvane Labs trained its model on the same cluster as Qwen. Norvane says so.';

describe('the combined engine', () => {
  it('detects a user entry like a built-in one, in the same text', () => {
    expect(detectWith([entry()], TEXT)).toEqual([
      'norvane-labs:Norvane Labs',
      'qwen:Qwen',
      'norvane-labs:Norvane',
    ]);
  });

  it('does not know the entry without it', () => {
    expect(detectWith([], TEXT)).toEqual(['qwen:Qwen']);
  });

  it('matches Latin aliases as whole words only', () => {
    expect(detectWith([entry()], 'The Norvanes, NorvaneLabs and xNorvane are not it; (Norvane) is.')).toEqual(
      ['norvane-labs:Norvane'],
    );
  });

  it('folds case and width for an ordinary alias, and keeps a case-sensitive one exact', () => {
    const e = entry({ aliases: ['Norvane', { text: 'NVL', caseSensitive: true }] });
    expect(detectWith([e], 'NORVANE and ｎｏｒｖａｎｅ')).toEqual([
      'norvane-labs:NORVANE',
      'norvane-labs:ｎｏｒｖａｎｅ',
    ]);
    expect(detectWith([e], 'NVL ships; nvl and Nvl do not.')).toEqual(['norvane-labs:NVL']);
  });

  it('finds a Chinese alias between Han characters', () => {
    const e = entry({ name: { en: 'Norvane Labs', zh: '诺万实验室' } });
    expect(detectWith([e], '据诺万实验室称，通义千问')).toEqual(['norvane-labs:诺万实验室', 'qwen:通义千问']);
  });

  it('leaves an alias a built-in entry uses with the built-in, unless the entry prefers it', () => {
    const text = 'Kimi Chat reads long context; the Kimi chatbot from Moonshot AI.';
    const plain = entry({ aliases: ['Norvane', 'Kimi'] });
    expect(detectWith([plain], text)).toEqual(['kimi:Kimi Chat', 'kimi:Kimi', 'moonshot-ai:Moonshot AI']);
    expect(
      combinedTable(base, [plain])
        .aliases.filter((a) => a.entity === 'norvane-labs')
        .map((a) => a.text),
    ).toEqual(['Norvane', 'Norvane Labs']);

    const preferring = entry({ aliases: ['Norvane', 'Kimi'], prefer: ['kimi'] });
    expect(detectWith([preferring], text)).toEqual([
      'kimi:Kimi Chat',
      'norvane-labs:Kimi',
      'moonshot-ai:Moonshot AI',
    ]);
    const table = combinedTable(base, [preferring]);
    expect(table.aliases.filter((a) => a.text === 'Kimi').map((a) => a.entity)).toEqual(['norvane-labs']);
    // Only the alias preferred leaves the built-in entry.
    expect(table.aliases.some((a) => a.entity === 'kimi' && a.text === 'Kimi Chat')).toBe(true);
  });

  it('never detects a refused alias, even one listed in prefer', () => {
    const e = entry({ aliases: ['Norvane', 'AI', 'the', '星'], prefer: ['AI'] });
    const added = combinedTable(base, [e]).aliases.filter((a) => a.entity === 'norvane-labs');
    expect(added.map((a) => a.text)).toEqual(['Norvane', 'Norvane Labs']);
    expect(detectWith([e], 'AI is the 星 of the show')).toEqual([]);
  });

  it('gives a shared alias to the first of the reader’s entries', () => {
    const first = entry({ id: 'norvane-a', name: { en: 'Norvane Alpha' } });
    const second = entry({ id: 'norvane-b', name: { en: 'Norvane Beta' } });
    expect(detectWith([first, second], 'Norvane and Norvane Beta')).toEqual([
      'norvane-a:Norvane',
      'norvane-b:Norvane Beta',
    ]);
  });

  it('never shadows a built-in id', () => {
    const fake = entry({ id: 'qwen', name: { en: 'Fake Qwen' }, aliases: ['Norvane'] });
    const table = combinedTable(base, [fake]);
    expect(table.entities.filter((e) => e.id === 'qwen')).toHaveLength(1);
    expect(table.aliases.some((a) => a.text === 'Norvane')).toBe(false);
  });

  it('keeps related ids the engine knows (built-in or user) and drops unknown ones', () => {
    const other = entry({ id: 'norvane-x1', type: 'chip', name: { en: 'Norvane X1' }, aliases: [] });
    const e = entry({ related: ['qwen', 'norvane-x1', 'no-such-entry'] });
    const rows = combinedTable(base, [e, other]).entities;
    expect(rows.find((r) => r.id === 'norvane-labs')).toEqual({
      id: 'norvane-labs',
      type: 'company',
      related: ['qwen', 'norvane-x1'],
      cues: [],
    });
    // And it still compiles: an unknown related id would not.
    expect(() => compileCombined(base, [e, other])).not.toThrow();
  });

  it('adds the entries after the built-in ones, the built-in part untouched', () => {
    const table = combinedTable(base, [entry()]);
    expect(table.entities.slice(0, base.entities.length)).toEqual(base.entities);
    expect(table.entities).toHaveLength(base.entities.length + 1);
    expect(table.aliases.slice(0, base.aliases.length)).toEqual(base.aliases);
    expect(table.aliases.slice(base.aliases.length)).toEqual([
      { text: 'Norvane', entity: 'norvane-labs', caseSensitive: false, needsContext: false },
      { text: 'Norvane Labs', entity: 'norvane-labs', caseSensitive: false, needsContext: false },
    ]);
  });

  it('returns the base table itself when there are no entries', () => {
    expect(combinedTable(base, [])).toBe(base);
  });

  it('indexes built-in aliases folded', () => {
    const index = builtInIndexOf(base);
    expect(index.get('kimi')).toBe('kimi');
    expect(index.get('qwen')).toBe('qwen');
  });
});

describe('activeEntities', () => {
  const pack = (id: string, enabled: boolean): PackInfo => ({
    id,
    name: id,
    author: '',
    revision: 1,
    enabled,
    importedAt: 0,
  });

  it('leaves out the entries of disabled packs only', () => {
    const state: KnowledgeState = {
      entities: [
        entry({ id: 'own-one' }),
        entry({ id: 'on-one', pack: 'pack-on' }),
        entry({ id: 'off-one', pack: 'pack-off' }),
        entry({ id: 'unlisted-one', pack: 'pack-unlisted' }),
      ],
      notes: [],
      packs: [pack('pack-on', true), pack('pack-off', false)],
    };
    expect(activeEntities(state).map((e) => e.id)).toEqual(['own-one', 'on-one', 'unlisted-one']);
  });
});

describe('entitiesDigest', () => {
  it('is stable for the same entries', () => {
    expect(entitiesDigest([entry()])).toBe(entitiesDigest([entry()]));
    expect(entitiesDigest([entry()])).toMatch(/^1-[0-9a-z]+$/);
    expect(entitiesDigest([])).toMatch(/^0-/);
  });

  it('changes with what the engine depends on', () => {
    const d = entitiesDigest([entry()]);
    expect(entitiesDigest([entry({ aliases: ['Norvane', 'NVL'] })])).not.toBe(d);
    expect(entitiesDigest([entry({ aliases: [{ text: 'Norvane', caseSensitive: true }] })])).not.toBe(d);
    expect(entitiesDigest([entry({ type: 'chip' })])).not.toBe(d);
    expect(entitiesDigest([entry({ related: ['qwen'] })])).not.toBe(d);
    expect(entitiesDigest([entry({ prefer: ['Kimi'] })])).not.toBe(d);
    expect(entitiesDigest([entry({ lookupOnly: true })])).not.toBe(d);
    expect(entitiesDigest([entry({ id: 'norvane-two' })])).not.toBe(d);
  });

  it('does not change with the description or the times alone', () => {
    const d = entitiesDigest([entry()]);
    expect(entitiesDigest([entry({ summary: { en: 'A lab.', zh: '实验室' } })])).toBe(d);
    expect(entitiesDigest([entry({ createdAt: 99, updatedAt: 100 })])).toBe(d);
  });
});
