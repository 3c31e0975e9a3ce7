// Guardrails for a reader's aliases, checked before an entry is saved or imported: an alias that
// would mark ordinary words is refused with the reason, and one a built-in entry already uses is
// reported so the reader can choose which entry wins. Pure; the store, the editor and the pack
// checker all ask it.
import type { UserAlias, UserEntity } from './schema';

export type AliasProblem =
  | 'too-short'
  | 'stopword'
  | 'common-han'
  | 'builtin-conflict'
  | 'user-conflict'
  | 'no-letters';

export interface AliasVerdict {
  alias: string;
  /** `refuse`: never detected. `conflict`: another entry uses it; `prefer` decides. `warn`: allowed. */
  level: 'refuse' | 'conflict' | 'warn';
  problem: AliasProblem;
  /** English, for the CLI and reports; the UI translates `problem`. */
  reason: string;
  /** The other entry using the alias (conflicts). */
  entity?: string;
}

// Words so frequent in running text that an entry named by one would mark most paragraphs.
const STOPWORDS = new Set(
  (
    'a an and are as at be been but by can could did do does for from had has have he her his how i if in into ' +
    'is it its just like may me more most my new no not now of on one only or our out over so some such than ' +
    'that the their them then there these they this those to two up us use was we were what when where which ' +
    'who why will with would you your all any about after also back first get go good just know make man ' +
    'many much need see time very way well year ai app data model news open page home next post read say ' +
    'new top video world china us chip'
  ).split(' '),
);
const STOPWORDS_ZH = new Set(
  '的 了 是 在 和 有 我 你 他 她 它 们 这 那 就 也 都 而 及 与 或 但 不 没 很 中 大 小 上 下 人 年 月 日 新 公司 我们 他们 这个 一个 没有 中国 美国 模型 芯片 技术 人工智能 数据 平台'.split(
    ' ',
  ),
);

const isHan = (s: string) => /^[\u3400-\u9fff\uf900-\ufaff]+$/u.test(s);

/** The form two aliases are compared in: what the detector folds (case, width, spaces). */
export function aliasKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** What is wrong with one alias on its own, if anything. */
export function aliasProblem(alias: UserAlias): AliasVerdict | null {
  const text = alias.text.trim();
  const key = aliasKey(text);
  const verdict = (level: AliasVerdict['level'], problem: AliasProblem, reason: string): AliasVerdict => ({
    alias: text,
    level,
    problem,
    reason,
  });
  if (!/[\p{L}\p{N}]/u.test(text)) return verdict('refuse', 'no-letters', 'has no letters or digits');
  const latin = /^[\p{Script=Latin}\d]+$/u.test(key);
  if (latin && key.length <= 2) {
    // "AI" or "Go" would mark ordinary words; case-sensitive acronyms of two are still risky,
    // and one that spells a common word ("AI", "US") is refused however it is capitalised.
    return alias.caseSensitive && key.length === 2 && /\p{Lu}/u.test(text) && !STOPWORDS.has(key)
      ? verdict('warn', 'too-short', 'is two letters: it will mark every use of that acronym')
      : verdict(
          'refuse',
          'too-short',
          `is ${key.length === 1 ? 'one letter' : 'two letters'}: it would mark ordinary words`,
        );
  }
  if (STOPWORDS.has(key))
    return verdict('refuse', 'stopword', 'is a common word: it would mark ordinary text');
  if (isHan(key) && key.length === 1) {
    return verdict('refuse', 'common-han', 'is a single Chinese character: it would mark ordinary words');
  }
  if (STOPWORDS_ZH.has(key))
    return verdict('refuse', 'stopword', 'is a common word: it would mark ordinary text');
  return null;
}

export interface GuardContext {
  /** Built-in aliases by aliasKey → the entry id using it. */
  builtIn: ReadonlyMap<string, string>;
  /** The reader's other entries (the one being checked is skipped by id). */
  others: readonly UserEntity[];
}

/** The built-in alias index the guard compares against. */
export function builtInAliasIndex(
  entities: readonly { id: string; aliases: readonly string[] }[],
): Map<string, string> {
  const index = new Map<string, string>();
  for (const e of entities)
    for (const a of e.aliases) if (!index.has(aliasKey(a))) index.set(aliasKey(a), e.id);
  return index;
}

/** Every problem of an entry's aliases, in alias order. */
export function checkAliases(entity: Pick<UserEntity, 'id' | 'aliases'>, ctx: GuardContext): AliasVerdict[] {
  const userIndex = new Map<string, string>();
  for (const other of ctx.others) {
    if (other.id === entity.id) continue;
    for (const a of other.aliases)
      if (!userIndex.has(aliasKey(a.text))) userIndex.set(aliasKey(a.text), other.id);
  }
  const out: AliasVerdict[] = [];
  for (const alias of entity.aliases) {
    const own = aliasProblem(alias);
    if (own) {
      out.push(own);
      if (own.level === 'refuse') continue;
    }
    const key = aliasKey(alias.text);
    const builtIn = ctx.builtIn.get(key);
    if (builtIn) {
      out.push({
        alias: alias.text,
        level: 'conflict',
        problem: 'builtin-conflict',
        reason: `is also an alias of the built-in entry "${builtIn}"`,
        entity: builtIn,
      });
      continue;
    }
    const user = userIndex.get(key);
    if (user) {
      out.push({
        alias: alias.text,
        level: 'warn',
        problem: 'user-conflict',
        reason: `is also an alias of your entry "${user}"; the first saved keeps it`,
        entity: user,
      });
    }
  }
  return out;
}

/** The aliases the detector will use: refused ones dropped, conflicts only where the entry wins. */
export function detectableAliases(entity: UserEntity, verdicts: readonly AliasVerdict[]): UserAlias[] {
  const prefer = new Set(entity.prefer.map(aliasKey));
  const dropped = new Set(
    verdicts
      .filter(
        (v) => v.level === 'refuse' || (v.problem === 'builtin-conflict' && !prefer.has(aliasKey(v.alias))),
      )
      .map((v) => aliasKey(v.alias)),
  );
  return entity.aliases.filter((a) => !dropped.has(aliasKey(a.text)));
}
