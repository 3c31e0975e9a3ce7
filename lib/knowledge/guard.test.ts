// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  type AliasVerdict,
  aliasKey,
  aliasProblem,
  builtInAliasIndex,
  checkAliases,
  detectableAliases,
  type GuardContext,
} from './guard';
import { parseUserEntity, type UserAlias, type UserEntity } from './schema';

const builtIn = builtInAliasIndex([
  { id: 'kimi', aliases: ['Kimi', 'Kimi Chat'] },
  { id: 'qwen', aliases: ['Qwen', '通义千问'] },
  { id: 'qwen-copy', aliases: ['qwen'] },
]);

const entry = (over: Record<string, unknown>): UserEntity => {
  const r = parseUserEntity(
    { id: 'norvane-labs', type: 'company', name: { en: 'Norvane Labs' }, ...over },
    1,
  );
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

const problemOf = (alias: UserAlias) => {
  const v = aliasProblem(alias);
  return v && `${v.level} ${v.problem}`;
};

describe('aliasProblem', () => {
  it('refuses one or two Latin letters or digits, however they are written', () => {
    for (const text of ['AI', 'Go', 'x', 'X', 'ab', '42', 'v3', ' AI ', 'ＡＩ']) {
      expect(problemOf({ text }), text).toBe('refuse too-short');
    }
    expect(aliasProblem({ text: 'x' })?.reason).toBe('is one letter: it would mark ordinary words');
    expect(aliasProblem({ text: 'Go' })?.reason).toBe('is two letters: it would mark ordinary words');
  });

  it('only warns about a two-letter case-sensitive acronym', () => {
    expect(aliasProblem({ text: 'NV', caseSensitive: true })).toEqual({
      alias: 'NV',
      level: 'warn',
      problem: 'too-short',
      reason: 'is two letters: it will mark every use of that acronym',
    });
    // Lower case, or one letter, is no acronym; case-sensitive or not, it is refused.
    expect(problemOf({ text: 'nv', caseSensitive: true })).toBe('refuse too-short');
    expect(problemOf({ text: 'X', caseSensitive: true })).toBe('refuse too-short');
  });

  it('refuses a two-letter acronym that spells a common word even when case-sensitive', () => {
    for (const text of ['AI', 'US', 'Go', 'NO']) {
      expect(problemOf({ text, caseSensitive: true }), text).toBe('refuse too-short');
    }
  });

  it('refuses English stopwords whatever their case', () => {
    for (const text of ['the', 'The', 'MODEL', 'open', 'news', 'Chip', 'china']) {
      expect(aliasProblem({ text }), text).toMatchObject({
        level: 'refuse',
        problem: 'stopword',
        reason: 'is a common word: it would mark ordinary text',
      });
    }
    expect(problemOf({ text: 'Model', caseSensitive: true })).toBe('refuse stopword');
  });

  it('refuses Chinese stopwords and any single Han character', () => {
    for (const text of ['公司', '中国', '人工智能', '模型', '芯片']) {
      expect(problemOf({ text }), text).toBe('refuse stopword');
    }
    for (const text of ['星', '的', '龍']) {
      expect(aliasProblem({ text }), text).toMatchObject({
        level: 'refuse',
        problem: 'common-han',
        reason: 'is a single Chinese character: it would mark ordinary words',
      });
    }
  });

  it('refuses an alias without letters or digits', () => {
    expect(problemOf({ text: '-–!' })).toBe('refuse no-letters');
    expect(problemOf({ text: '   ' })).toBe('refuse no-letters');
  });

  it('accepts ordinary names of three letters or more and two Han characters', () => {
    for (const text of ['NVL', 'Norvane', 'Norvane Labs', '星衡', 'X-1 Pro', 'Qwen2']) {
      expect(aliasProblem({ text }), text).toBeNull();
    }
  });
});

describe('aliasKey', () => {
  it('folds case, width and whitespace the way the detector does', () => {
    expect(aliasKey('  Ｎｏｒｖａｎｅ \t LABS ')).toBe('norvane labs');
  });
});

describe('builtInAliasIndex', () => {
  it('maps folded aliases to the first built-in entry using them', () => {
    expect(builtIn.get('kimi')).toBe('kimi');
    expect(builtIn.get('kimi chat')).toBe('kimi');
    expect(builtIn.get('qwen')).toBe('qwen');
    expect(builtIn.get('通义千问')).toBe('qwen');
    expect(builtIn.has('norvane')).toBe(false);
  });
});

describe('checkAliases', () => {
  const ctx = (others: UserEntity[] = []): GuardContext => ({ builtIn, others });

  it('reports nothing for harmless aliases', () => {
    expect(checkAliases(entry({ aliases: ['Norvane'] }), ctx())).toEqual([]);
  });

  it('reports a built-in conflict with the built-in id, whatever the case', () => {
    expect(checkAliases(entry({ aliases: ['KIMI', 'Norvane'] }), ctx())).toEqual([
      {
        alias: 'KIMI',
        level: 'conflict',
        problem: 'builtin-conflict',
        reason: 'is also an alias of the built-in entry "kimi"',
        entity: 'kimi',
      },
    ]);
  });

  it('warns about an alias another of the reader’s entries uses, but not about the entry itself', () => {
    const other = entry({ id: 'norvane-x1', name: { en: 'Norvane X1' }, aliases: ['Norvane'] });
    const self = entry({ aliases: ['norvane'] });
    expect(checkAliases(self, ctx([other, self]))).toEqual([
      {
        alias: 'norvane',
        level: 'warn',
        problem: 'user-conflict',
        reason: 'is also an alias of your entry "norvane-x1"; the first saved keeps it',
        entity: 'norvane-x1',
      },
    ]);
    expect(checkAliases(self, ctx([self]))).toEqual([]);
  });

  it('lists every problem in alias order; a refused alias is not also a conflict', () => {
    const e = entry({ aliases: ['AI', 'Qwen', 'the', { text: 'NV', caseSensitive: true }, '星'] });
    const verdicts = checkAliases(e, ctx());
    expect(verdicts.map((v) => `${v.alias} ${v.level} ${v.problem}`)).toEqual([
      'AI refuse too-short',
      'Qwen conflict builtin-conflict',
      'the refuse stopword',
      'NV warn too-short',
      '星 refuse common-han',
    ]);
  });

  it('checks a warned alias for conflicts too', () => {
    const index = new Map([['nv', 'nvidia']]);
    const verdicts = checkAliases(entry({ aliases: [{ text: 'NV', caseSensitive: true }] }), {
      builtIn: index,
      others: [],
    });
    expect(verdicts.map((v) => `${v.level} ${v.problem} ${v.entity ?? ''}`)).toEqual([
      'warn too-short ',
      'conflict builtin-conflict nvidia',
    ]);
  });
});

describe('detectableAliases', () => {
  const verdictsOf = (e: UserEntity) => checkAliases(e, { builtIn, others: [] });

  it('drops refused aliases and built-in conflicts, keeping warned ones', () => {
    const e = entry({ aliases: ['AI', 'Kimi', 'Norvane', { text: 'NV', caseSensitive: true }] });
    expect(detectableAliases(e, verdictsOf(e))).toEqual([
      { text: 'Norvane' },
      { text: 'NV', caseSensitive: true },
      { text: 'Norvane Labs' },
    ]);
  });

  it('keeps a built-in conflict the entry prefers (compared folded), never a refused alias', () => {
    const e = entry({ aliases: ['AI', 'Kimi', 'Qwen'], prefer: ['KIMI', 'AI'] });
    expect(detectableAliases(e, verdictsOf(e))).toEqual([{ text: 'Kimi' }, { text: 'Norvane Labs' }]);
  });

  it('keeps everything when there is nothing to say', () => {
    const e = entry({ aliases: ['Norvane'] });
    const none: AliasVerdict[] = [];
    expect(detectableAliases(e, none)).toEqual(e.aliases);
  });
});
