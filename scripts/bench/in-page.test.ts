import { describe, expect, it } from 'vitest';
import {
  aliasChunks,
  FLOOR_SOURCE,
  FLOOR_URL,
  MARKJS_RUN_URL,
  markjsRunSource,
  splitAliases,
} from './in-page';

describe('splitAliases', () => {
  it('puts aliases with Chinese characters apart and drops duplicates and blanks', () => {
    expect(splitAliases(['Qwen', '通义千问', 'Qwen', ' ', '昇腾 Ascend'])).toEqual({
      latin: ['Qwen'],
      cjk: ['通义千问', '昇腾 Ascend'],
    });
  });
});

describe('aliasChunks', () => {
  it('covers every alias once, in a fixed shuffled order', () => {
    const aliases = Array.from({ length: 23 }, (_, i) => (i % 3 ? `Model ${i}` : `模型${i}`));
    const chunks = aliasChunks(aliases);
    const flat = chunks.flatMap((c) => [...c.latin, ...c.cjk]);
    expect(flat.sort()).toEqual([...aliases].sort());
    expect(chunks.every((c) => c.latin.length + c.cjk.length <= 5)).toBe(true);
    expect(aliasChunks(aliases)).toEqual(chunks);
    expect(chunks.flatMap((c) => [...c.latin, ...c.cjk])).not.toEqual(aliases);
  });
});

describe('in-page sources', () => {
  it('carry their sourceURL for attribution', () => {
    expect(FLOOR_SOURCE).toContain(`//# sourceURL=${FLOOR_URL}`);
    expect(markjsRunSource(['Qwen'], 1000)).toContain(`//# sourceURL=${MARKJS_RUN_URL}`);
  });

  it('run the floor over a DOM', async () => {
    document.body.innerHTML = '<p>abc<b>de</b></p><p>f</p>';
    // happy-dom stands in for the page: the floor is plain DOM code, evaluated as CDP would.
    const result = await new Function(`return ${FLOOR_SOURCE}`)();
    expect(result).toMatchObject({ nodes: 3, chars: 6 });
  });
});
