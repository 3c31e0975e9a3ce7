// Writes public/_locales/{en,zh_CN}/messages.json from the typed strings in components/i18n.
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { allStrings } from '../components/i18n/all-strings';

const root = resolve(import.meta.dirname, '..');

export function toMessages(lang: 'en' | 'zh'): Record<string, { message: string }> {
  const out: Record<string, { message: string }> = {};
  // browser.i18n keys allow only letters, digits and underscores.
  for (const [key, value] of Object.entries(allStrings))
    out[key.replace(/-/g, '_')] = { message: value[lang] };
  return out;
}

for (const [lang, dir] of [
  ['en', 'en'],
  ['zh', 'zh_CN'],
] as const) {
  const target = resolve(root, 'public/_locales', dir);
  await mkdir(target, { recursive: true });
  await writeFile(resolve(target, 'messages.json'), `${JSON.stringify(toMessages(lang), null, 2)}\n`);
}
