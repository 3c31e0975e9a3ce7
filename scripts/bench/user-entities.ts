// Made-up but realistic reader entries for the benchmarks: English company names ("Norvane
// Labs"), Chinese ones ("星衡智能") and case-sensitive acronyms ("NVL"), 1–3 aliases an entry.
// Deterministic (a seeded generator), every alias one the guard accepts, none a built-in uses,
// so a given alias count always compiles to the same engine.

import type { EntityType } from '../../lib/kb/vocab';
import { aliasKey, aliasProblem } from '../../lib/knowledge/guard';
import { OWN_PACK, type UserAlias, type UserEntity } from '../../lib/knowledge/schema';

const HEADS =
  'Nor Vel Cal Dra Kyr Lum Quin Sar Tor Zen Mir Ost Pel Ren Vor Hal Bri Fen Jor Ael Cor Tal'.split(' ');
const TAILS = 'vane tris ora ex ion ith ara yx eon ux ant ode ari ova ent is'.split(' ');
const SUFFIXES: [string, EntityType][] = [
  ['Labs', 'company'],
  ['AI', 'company'],
  ['Systems', 'company'],
  ['Robotics', 'company'],
  ['Compute', 'company'],
  ['Silicon', 'chip'],
  ['Chat', 'product'],
  ['LM', 'model'],
];
const HAN_FIRST = '星 云 启 衡 澜 辰 曜 灵 擎 岚 翼 昊 墨 朔 沐 峻 铂 汐 弈 珩'.split(' ');
const HAN_SECOND = '衡 峦 明 图 芯 微 策 川 宇 航 序 元 舟 穹 枢 象'.split(' ');
const HAN_SUFFIXES = ['智能', '科技', '芯片', '算力', '机器人', '数智', '大模型', '实验室'];

/** mulberry32: small, fast and the same on every machine. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface UserEntityOptions {
  seed?: number;
  /** Built-in ids and alias keys (guard.aliasKey) not to use. */
  avoid?: { ids?: ReadonlySet<string>; aliasKeys?: { has(key: string): boolean } };
}

/** Entries with exactly `aliasCount` aliases in all. */
export function makeUserEntities(aliasCount: number, options: UserEntityOptions = {}): UserEntity[] {
  const next = random(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const used = new Set<string>();
  const ids = new Set<string>();
  const usable = (a: UserAlias) =>
    !used.has(aliasKey(a.text)) && !options.avoid?.aliasKeys?.has(aliasKey(a.text)) && !aliasProblem(a);
  const out: UserEntity[] = [];
  let left = aliasCount;
  for (let attempt = 0; left > 0; attempt++) {
    if (attempt > aliasCount * 50) throw new Error(`could not make ${aliasCount} distinct aliases`);
    const head = pick(HEADS);
    const tail = pick(TAILS);
    const [suffix, type] = pick(SUFFIXES);
    const en = `${head}${tail} ${suffix}`;
    const zh = `${pick(HAN_FIRST)}${pick(HAN_SECOND)}${pick(HAN_SUFFIXES)}`;
    const acronym = `${head[0]}${tail[0]!.toUpperCase()}${suffix[0]}`;
    const id = en.toLowerCase().replace(/\s+/g, '-');
    if (ids.has(id) || options.avoid?.ids?.has(id)) continue;
    // One alias: the English or the Chinese name; two: both; three: and the acronym.
    const k = Math.min(left, 1 + Math.floor(next() * 3));
    const candidates: UserAlias[] =
      k === 1
        ? [{ text: next() < 0.5 ? en : zh }]
        : [{ text: en }, { text: zh }, { text: acronym, caseSensitive: true }].slice(0, k);
    if (!candidates.every(usable) || new Set(candidates.map((a) => aliasKey(a.text))).size < k) continue;
    for (const a of candidates) used.add(aliasKey(a.text));
    ids.add(id);
    left -= k;
    const at = Date.UTC(2026, 0, 1) + out.length * 60_000;
    out.push({
      id,
      type,
      name: { en, zh },
      aliases: candidates,
      summary: { en: `${en} is a made-up ${type} for the benchmarks.` },
      related: [],
      pack: OWN_PACK,
      lookupOnly: false,
      prefer: [],
      createdAt: at,
      updatedAt: at,
    });
  }
  return out;
}
