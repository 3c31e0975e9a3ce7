import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type AliasVerdict, builtInAliasIndex, checkAliases } from '@/lib/knowledge/guard';
import { parseUserEntity, type UserEntity } from '@/lib/knowledge/schema';
import { knowledgeFailure } from '@/utils/knowledge-store';
import { speak } from '../shared/test-helpers';
import {
  clip,
  draftAliases,
  emptyForm,
  entityInput,
  failureText,
  formFromEntity,
  formProblems,
  prefers,
  prefillName,
  sourceLabel,
  togglePrefer,
  verdictsFor,
  verdictText,
} from './editor-model';

beforeEach(() => speak('en'));
afterEach(() => vi.restoreAllMocks());

function entity(input: Record<string, unknown>): UserEntity {
  const parsed = parseUserEntity({ id: 'my-chip', type: 'chip', name: { en: 'Mychip' }, ...input }, 1000);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}

describe('prefill', () => {
  it('puts a selection with Latin letters in the English name, anything else in the Chinese one', () => {
    expect(prefillName('  Kunlun   chip ')).toEqual({ nameEn: 'Kunlun chip', nameZh: '' });
    expect(prefillName('昆仑芯')).toEqual({ nameEn: '', nameZh: '昆仑芯' });
    expect(prefillName('昆仑芯 P800')).toEqual({ nameEn: '昆仑芯 P800', nameZh: '' });
    expect(prefillName('2024')).toEqual({ nameEn: '', nameZh: '2024' });
    expect(prefillName('   ')).toEqual({ nameEn: '', nameZh: '' });
  });

  it('keeps a name within the limit, never cutting a character in half', () => {
    expect(prefillName('x'.repeat(300)).nameEn).toHaveLength(120);
    const emoji = `${'a'.repeat(119)}😀😀`;
    expect(Array.from(prefillName(emoji).nameEn)).toHaveLength(120);
    expect(clip('😀😀😀', 2)).toBe('😀😀');
  });

  it('starts a new entry as a technology with nothing else filled', () => {
    const form = emptyForm('MoE');
    expect(form).toMatchObject({
      nameEn: 'MoE',
      type: 'technology',
      aliases: [],
      lookupOnly: false,
      prefer: [],
    });
    expect(formProblems(form)).toEqual([]);
    expect(formProblems(emptyForm())).toEqual(['no-name']);
  });
});

describe('form ↔ entity', () => {
  it('builds what entities/save is sent, empty fields left out', () => {
    const form = {
      ...emptyForm(),
      nameEn: '  Kunlun  P800 ',
      nameZh: '',
      aliases: [
        { text: ' P800 ', caseSensitive: true },
        { text: '', caseSensitive: false },
        { text: 'kunlun chip', caseSensitive: false },
      ],
      type: 'chip' as const,
      summaryEn: ' Baidu’s chip. ',
      related: ['baidu', 'baidu'],
      lookupOnly: true,
      prefer: ['P800', 'gone'],
    };
    expect(entityInput(form)).toEqual({
      type: 'chip',
      name: { en: 'Kunlun P800' },
      aliases: [{ text: 'P800', caseSensitive: true }, 'kunlun chip'],
      summary: { en: 'Baidu’s chip.' },
      related: ['baidu'],
      lookupOnly: true,
      prefer: ['P800'],
    });
    expect(entityInput(form, 'kunlun-p800')).toMatchObject({ id: 'kunlun-p800' });
    // What the store makes of it passes its own parser.
    expect(parseUserEntity({ ...entityInput(form), id: 'kunlun-p800' }).ok).toBe(true);
  });

  it('gives the names no alias row when editing, but keeps an exact-case alias that equals a name', () => {
    const e = entity({
      name: { en: 'MoE', zh: '混合专家' },
      aliases: [{ text: 'MoE', caseSensitive: true }, 'mixture of experts'],
    });
    const form = formFromEntity(e);
    expect(form.nameEn).toBe('MoE');
    expect(form.aliases).toEqual([
      { text: 'MoE', caseSensitive: true },
      { text: 'mixture of experts', caseSensitive: false },
    ]);
    const plain = formFromEntity(entity({ name: { en: 'Mychip' }, aliases: ['my chip'] }));
    expect(plain.aliases).toEqual([{ text: 'my chip', caseSensitive: false }]);
  });

  it('checks the aliases the store will save: rows, then names, duplicates once', () => {
    const form = {
      ...emptyForm(),
      nameEn: 'Kunlun',
      nameZh: '昆仑芯',
      aliases: [
        { text: 'kunlun', caseSensitive: false },
        { text: 'KL', caseSensitive: true },
      ],
    };
    expect(draftAliases(form)).toEqual([
      { text: 'kunlun' },
      { text: 'KL', caseSensitive: true },
      { text: '昆仑芯' },
    ]);
    const saved = parseUserEntity({ ...entityInput(form), id: 'kunlun' });
    expect(saved.ok && saved.value.aliases.map((a) => a.text)).toEqual(['kunlun', 'KL', '昆仑芯']);
  });
});

describe('verdicts', () => {
  const builtIn = builtInAliasIndex([{ id: 'deepseek', aliases: ['DeepSeek', '深度求索'] }]);
  const check = (aliases: string[]) =>
    checkAliases({ id: '', aliases: aliases.map((text) => ({ text })) }, { builtIn, others: [] });

  it('finds the verdicts of a field by its text as the detector folds it', () => {
    const verdicts = check(['AI', 'deepseek', 'Fine name']);
    expect(verdictsFor(' ai ', verdicts).map((v) => v.problem)).toEqual(['too-short']);
    expect(verdictsFor('DEEPSEEK', verdicts).map((v) => v.problem)).toEqual(['builtin-conflict']);
    expect(verdictsFor('Fine name', verdicts)).toEqual([]);
    expect(verdictsFor('', verdicts)).toEqual([]);
  });

  it('tells each problem in the reader’s language, naming the other entry', () => {
    const say = (v: AliasVerdict) => verdictText(v, (id) => (id === 'deepseek' ? 'DeepSeek' : id));
    const [short, stop, han, none, clash] = check(['AI', 'the', '芯', '!!', 'DeepSeek']);
    expect(say(short!)).toBe('“AI” can’t be used: one or two letters would mark ordinary words.');
    expect(say(stop!)).toMatch(/^“the” can’t be used: it is a common word/);
    expect(say(han!)).toMatch(/single Chinese character/);
    expect(say(none!)).toMatch(/no letters or digits/);
    expect(say(clash!)).toBe('“DeepSeek” is also the built-in entry DeepSeek.');
    const acronym = checkAliases(
      { id: '', aliases: [{ text: 'KL', caseSensitive: true }] },
      { builtIn, others: [] },
    )[0]!;
    expect(acronym.level).toBe('warn');
    expect(say(acronym)).toBe('“KL” is two letters: every use of that acronym will be marked.');
    speak('zh');
    expect(say(clash!)).toBe('“DeepSeek”也是内置条目“DeepSeek”。');
  });

  it('toggles an alias in prefer, whatever its case', () => {
    expect(togglePrefer([], 'DeepSeek', true)).toEqual(['DeepSeek']);
    expect(togglePrefer(['deepseek', 'other'], 'DeepSeek', false)).toEqual(['other']);
    expect(togglePrefer(['deepseek'], 'DeepSeek', true)).toEqual(['DeepSeek']);
    expect(prefers(['DEEPSEEK'], 'deepseek')).toBe(true);
    expect(prefers([], 'deepseek')).toBe(false);
  });
});

describe('failures', () => {
  it('translates the store’s failure and keeps the detail only it knows', () => {
    expect(failureText(knowledgeFailure('quota'))).toBe(
      'The browser’s storage for Factlens is full: nothing was changed.',
    );
    expect(failureText(knowledgeFailure('quota', 'QuotaExceededError'))).toBe(
      'The browser’s storage for Factlens is full: nothing was changed. (QuotaExceededError)',
    );
    expect(
      failureText({
        ok: false,
        error: 'invalid',
        message: 'That is not valid; nothing was changed. (name is too long (130 characters; at most 120))',
      }),
    ).toBe('That is not valid: nothing was changed. (name is too long (130 characters; at most 120))');
    expect(failureText({ ok: false, error: 'readonly', message: 'Saved by a newer version.' })).toBe(
      'Your entries and notes can’t be changed right now. (Saved by a newer version.)',
    );
    expect(failureText({ ok: false, error: 'mystery', message: 'Something odd.' })).toBe('Something odd.');
    expect(failureText({ ok: false, error: 'mystery' })).toMatch(/could not be used/);
    speak('zh');
    expect(failureText(knowledgeFailure('refused'))).toBe('有些别名会标记普通词语:没有保存。');
  });

  it('says where an entry comes from', () => {
    const packs = [
      { id: 'pack-a', name: 'Chips of 2025', enabled: true },
      { id: 'pack-b', name: 'Old', enabled: false },
    ];
    expect(sourceLabel('mine', packs)).toBe('Your entry');
    expect(sourceLabel('pack-a', packs)).toBe('From pack “Chips of 2025”');
    expect(sourceLabel('pack-b', packs)).toBe('From pack “Old” (turned off)');
    expect(sourceLabel('pack-gone', packs)).toBe('From pack “pack-gone”');
  });
});
