// Node only (the KB build, CLIs, tests): traditional and regional variants of simplified Han
// characters, from OpenCC's character tables (Apache-2.0, the opencc-js package). Used at build
// time to fold Taiwan and Hong Kong spellings onto the aliases; nothing of it ships.

import hkVariants from 'opencc-js/dict/HKVariants';
import stCharacters from 'opencc-js/dict/STCharacters';
import tsCharacters from 'opencc-js/dict/TSCharacters';
import twVariants from 'opencc-js/dict/TWVariants';
import type { HanVariantsOf } from '@/lib/detect/han-variants';

/** "a b c|d e" → a: [b, c], d: [e]: OpenCC's dictionary text. */
function parse(dict: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const entry of dict.split('|')) {
    const [key, ...values] = entry.split(' ');
    if (key && values.length) map.set(key, values);
  }
  return map;
}

let cached: HanVariantsOf | null = null;

/** Traditional forms of a simplified character, with their Taiwan and Hong Kong variants. */
export function openccVariants(): HanVariantsOf {
  if (cached) return cached;
  const st = parse(stCharacters);
  // Traditional characters whose first simplified reading is s, though s's own entry omits
  // them (複 → 复, while 复's entry lists only 復).
  for (const [t, simplified] of parse(tsCharacters)) {
    const s = simplified[0]!;
    const list = st.get(s) ?? [s];
    if (!list.includes(t)) list.push(t);
    st.set(s, list);
  }
  const regional = [parse(twVariants), parse(hkVariants)];
  cached = (s) => {
    const out = new Set<string>();
    for (const t of st.get(s) ?? [s]) {
      out.add(t);
      for (const r of regional) for (const v of r.get(t) ?? []) out.add(v);
    }
    out.delete(s);
    return [...out];
  };
  return cached;
}
