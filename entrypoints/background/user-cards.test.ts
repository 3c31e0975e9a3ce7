// @vitest-environment node
import { describe, expect, it } from 'vitest';
import kbJson from '@/generated/kb.json';
import type { EntityRef } from '@/lib/kb/card';
import type { CompiledKb } from '@/lib/kb/compiled';
import { type KnowledgeState, OWN_PACK } from '@/lib/knowledge/schema';
import { interpretKnowledge } from '@/lib/knowledge/stored';
import { ownCard, userCardData } from './user-cards';

const kb = kbJson as unknown as CompiledKb;
const byId = new Map(kb.entities.map((e) => [e.id, e]));
const builtIn = {
  entity: (id: string): EntityRef | undefined => {
    const e = byId.get(id);
    return e ? { id: e.id, type: e.type, name: e.name } : undefined;
  },
  source: kb.source,
};

const T = Date.parse('2026-12-01T00:00:00Z');
const note = (id: string, entity: string, createdAt: number, pack = OWN_PACK) => ({
  id,
  entity,
  text: `text of ${id}`,
  createdAt,
  pack,
});

/** A state as the store reads it back (so notes are newest first, as the background has them). */
const state: KnowledgeState = interpretKnowledge(
  {
    entities: [
      {
        id: 'norvane-labs',
        type: 'company',
        name: { en: 'Norvane Labs', zh: '诺万实验室' },
        aliases: ['Norvane', { text: 'NVL', caseSensitive: true }],
        summary: { en: 'My private description.', zh: '我的私人描述。' },
        related: ['qwen', 'norvane-x1', 'no-such-entry'],
        createdAt: T,
      },
      { id: 'norvane-x1', type: 'chip', name: { zh: '星衡一号' }, createdAt: T },
      {
        id: 'lumen-7b',
        type: 'model',
        name: { en: 'Lumen 7B' },
        summary: { en: 'From the pack.' },
        pack: 'pack-chip-notes',
        lookupOnly: true,
        createdAt: T,
      },
      { id: 'orphan-entry', type: 'model', name: { en: 'Orphan' }, pack: 'pack-gone', createdAt: T },
    ],
    notes: [
      note('n-1', 'norvane-labs', T + 1),
      note('n-3', 'norvane-labs', T + 3),
      note('n-q', 'qwen', T + 2),
      note('n-2', 'norvane-labs', T + 2),
      note('n-p', 'lumen-7b', T + 5, 'pack-chip-notes'),
    ],
    packs: [
      { id: 'pack-chip-notes', name: 'Chip Notes', author: 'Ann', revision: 2, enabled: true, importedAt: T },
    ],
  },
  1,
).state;

describe('userCardData', () => {
  it('gives the public part of a user entry’s card: names, aliases, no summary, no facts', () => {
    const data = userCardData('norvane-labs', state, builtIn);
    expect(data).not.toBeNull();
    expect(data!.entity).toEqual({
      id: 'norvane-labs',
      type: 'company',
      name: { en: 'Norvane Labs', zh: '诺万实验室' },
      aliases: ['Norvane', 'NVL', 'Norvane Labs', '诺万实验室'],
      summary: { en: '', zh: '' },
      related: expect.arrayContaining(['qwen', 'norvane-x1']),
    });
    expect(data!.facts).toEqual([]);
    expect(data!.names).toEqual({});
    expect(data!.source).toBe(kb.source);
    expect(JSON.stringify(data)).not.toMatch(/private description|私人描述/);
  });

  it('resolves related entries, built-in and the reader’s, and drops unknown ones', () => {
    const qwen = byId.get('qwen')!;
    expect(userCardData('norvane-labs', state, builtIn)!.related).toEqual([
      { id: 'qwen', type: qwen.type, name: qwen.name },
      // A name in one language is shown in both.
      { id: 'norvane-x1', type: 'chip', name: { en: '星衡一号', zh: '星衡一号' } },
    ]);
  });

  it('fills the missing language of a name from the other', () => {
    expect(userCardData('lumen-7b', state, builtIn)!.entity.name).toEqual({ en: 'Lumen 7B', zh: 'Lumen 7B' });
  });

  it('is null for an id that is no user entry (built-in ones have their own cards)', () => {
    expect(userCardData('qwen', state, builtIn)).toBeNull();
    expect(userCardData('no-such-entry', state, builtIn)).toBeNull();
  });
});

describe('ownCard', () => {
  it('carries the description of the reader’s own entry, and its notes newest first', () => {
    const own = ownCard('norvane-labs', state);
    expect(own.entry).toEqual({
      pack: OWN_PACK,
      packName: '',
      summary: { en: 'My private description.', zh: '我的私人描述。' },
      lookupOnly: false,
    });
    expect(own.notes.map((n) => n.id)).toEqual(['n-3', 'n-2', 'n-1']);
  });

  it('names the pack of an imported entry, or its id when the pack record is gone', () => {
    expect(ownCard('lumen-7b', state).entry).toEqual({
      pack: 'pack-chip-notes',
      packName: 'Chip Notes',
      summary: { en: 'From the pack.' },
      lookupOnly: true,
    });
    expect(ownCard('lumen-7b', state).notes.map((n) => n.id)).toEqual(['n-p']);
    expect(ownCard('orphan-entry', state).entry?.packName).toBe('pack-gone');
  });

  it('has only the notes for a built-in entry', () => {
    expect(ownCard('qwen', state)).toEqual({
      notes: [expect.objectContaining({ id: 'n-q', text: 'text of n-q' })],
    });
    expect(ownCard('no-such-entry', state)).toEqual({ notes: [] });
  });

  it('carries at most the 50 newest notes', () => {
    const many = interpretKnowledge(
      { notes: Array.from({ length: 60 }, (_, i) => note(`n-${i}`, 'qwen', T + i)) },
      1,
    ).state;
    const notes = ownCard('qwen', many).notes;
    expect(notes).toHaveLength(50);
    expect(notes[0]!.id).toBe('n-59');
    expect(notes.at(-1)!.id).toBe('n-10');
  });
});
