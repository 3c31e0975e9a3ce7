import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  aliasChunks,
  FLOOR_SOURCE,
  FLOOR_URL,
  MARKJS_RUN_URL,
  markjsRunSource,
  NAIVE_CLEANUP_SOURCE,
  NAIVE_HIGHLIGHT,
  NAIVE_URL,
  type NaiveResult,
  naiveAliases,
  naiveRunSource,
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
    expect(naiveRunSource(['Qwen'], 1000)).toContain(`//# sourceURL=${NAIVE_URL}`);
  });

  it('run the floor over a DOM', async () => {
    document.body.innerHTML = '<p>abc<b>de</b></p><p>f</p>';
    // happy-dom stands in for the page: the floor is plain DOM code, evaluated as CDP would.
    const result = await new Function(`return ${FLOOR_SOURCE}`)();
    expect(result).toMatchObject({ nodes: 3, chars: 6 });
  });
});

describe('naiveAliases', () => {
  it('lower-cases, trims and keeps each alias once', () => {
    expect(naiveAliases(['Qwen', ' QWEN ', 'DeepSeek', '', '通义千问', 'deepseek'])).toEqual([
      'qwen',
      'deepseek',
      '通义千问',
    ]);
  });
});

describe('the naive highlighter', () => {
  // happy-dom has no CSS Custom Highlight API: a Set stands in for Highlight, a Map for the
  // registry, and StaticRange keeps its init.
  const registry = new Map<string, Set<unknown>>();
  const stubHighlights = () => {
    registry.clear();
    vi.stubGlobal('Highlight', class extends Set<unknown> {});
    vi.stubGlobal(
      'StaticRange',
      class {
        constructor(readonly init: { startContainer: Text; startOffset: number; endOffset: number }) {}
      },
    );
    vi.stubGlobal('CSS', { highlights: registry });
  };
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  const run = (aliases: string[], budgetMs = 60_000): Promise<NaiveResult> =>
    new Function(`return ${naiveRunSource(aliases, budgetMs)}`)();

  it('marks every occurrence of every alias, case-insensitively and without word boundaries', async () => {
    stubHighlights();
    document.body.innerHTML =
      '<p>Qwen and QWEN-2, <b>deepseek</b>.</p><p>Capital</p>' +
      '<script>var qwen = 1</script><style>.qwen{}</style><textarea>qwen</textarea><noscript>qwen</noscript>';
    const result = await run(['Qwen', 'DeepSeek', 'TAL']);
    // Two Qwen, one DeepSeek, and "tal" inside "Capital": naive means no word boundaries.
    expect(result).toMatchObject({ marks: 4, done: true, nodesDone: 4 });
    const ranges = [...registry.get(NAIVE_HIGHLIGHT)!] as {
      init: { startContainer: Text; startOffset: number; endOffset: number };
    }[];
    expect(
      ranges.map(({ init }) => init.startContainer.data.slice(init.startOffset, init.endOffset)).sort(),
    ).toEqual(['QWEN', 'Qwen', 'deepseek', 'tal']);
    expect(result.charsDone).toBe(
      'Qwen and QWEN-2, '.length + 'deepseek'.length + '.'.length + 'Capital'.length,
    );
  });

  it('stops at its budget and says how much text it covered', async () => {
    stubHighlights();
    document.body.innerHTML = Array.from({ length: 200 }, (_, i) => `<p>Qwen ${i}</p>`).join('');
    const result = await run(['Qwen'], -1);
    // The budget is looked at every 64 nodes: the first 63 are done before the first check.
    expect(result).toMatchObject({ done: false, nodesDone: 63, marks: 63 });
  });

  it('leaves nothing registered after the cleanup', async () => {
    stubHighlights();
    document.body.innerHTML = '<p>Qwen</p>';
    await run(['Qwen']);
    expect(registry.get(NAIVE_HIGHLIGHT)?.size).toBe(1);
    new Function(`return ${NAIVE_CLEANUP_SOURCE}`)();
    expect(registry.has(NAIVE_HIGHLIGHT)).toBe(false);
  });
});
