import { describe, expect, it } from 'vitest';
import { createDetector } from './detector';
import { makeTable, realTable } from './testing/tables';

const entitiesOf = (detect: (t: string) => { entity: string }[], text: string) =>
  [...new Set(detect(text).map((m) => m.entity))].sort();

describe('normalisation', () => {
  const { detect } = createDetector(
    makeTable([
      { id: 'qwen', type: 'model', aliases: ['Qwen', 'Qwen1.5'] },
      { id: 'gpt-4', type: 'model', aliases: ['GPT-4'] },
      { id: 'llama', type: 'model', aliases: ['Llama 2'] },
      { id: 'a100', type: 'chip', aliases: ['A100'] },
      { id: 'zhipu', aliases: ['智谱AI'] },
    ]),
  );

  it('folds full-width letters and digits and case', () => {
    expect(detect('ＱＷＥＮ and ｑｗｅｎ')).toMatchObject([
      { entity: 'qwen', text: 'ＱＷＥＮ' },
      { entity: 'qwen', text: 'ｑｗｅｎ' },
    ]);
    expect(detect('ＧＰＴ－４')).toMatchObject([{ entity: 'gpt-4', text: 'ＧＰＴ－４' }]);
  });

  it('treats hyphen, space, underscore, NBSP and dashes as one separator, optional at letter/digit joins', () => {
    for (const spelling of ['Qwen1.5', 'Qwen-1.5', 'Qwen 1.5', 'Qwen_1.5', 'Qwen\u00a01.5', 'Qwen–1.5']) {
      expect(detect(`try ${spelling} now`)).toMatchObject([{ entity: 'qwen', text: spelling }]);
    }
    for (const spelling of ['GPT-4', 'GPT4', 'GPT 4', 'GPT_4', 'GPT—4']) {
      expect(detect(spelling)).toMatchObject([{ entity: 'gpt-4', text: spelling }]);
    }
    for (const spelling of ['Llama 2', 'Llama2', 'Llama-2']) {
      expect(detect(spelling)).toMatchObject([{ entity: 'llama', text: spelling }]);
    }
    expect(detect('智谱 AI')).toMatchObject([{ entity: 'zhipu', text: '智谱 AI' }]);
  });

  it('does not make separators skippable everywhere', () => {
    expect(detect('a 100 metre race')).toEqual([]);
    expect(detect('A-100')).toEqual([]);
    expect(detect('A100')).toMatchObject([{ entity: 'a100' }]);
  });

  it('reports UTF-16 offsets into the original text', () => {
    const text = '😀 ＱＷＥＮ２ and Qwen';
    for (const m of detect(text)) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});

describe('boundaries', () => {
  const { detect } = createDetector(
    makeTable([
      { id: 'meta', aliases: [{ text: 'Meta', caseSensitive: true }] },
      { id: 'yi', type: 'model', aliases: [{ text: 'Yi', caseSensitive: true }] },
      { id: 'cuda', type: 'software', aliases: ['CUDA'] },
      { id: 'qwen', type: 'model', aliases: ['Qwen'] },
      { id: 'alibaba', aliases: ['阿里巴巴'] },
      { id: 'llama', type: 'model', aliases: ['Llama'] },
      { id: 'smic', aliases: ['SMIC'] },
    ]),
  );

  it('matches Latin aliases only as whole words', () => {
    expect(detect('Metadata, Yield, barracuda')).toEqual([]);
    expect(detect('meta_tags and Meta')).toMatchObject([{ entity: 'meta', text: 'Meta' }]);
  });

  it('treats neighbouring Han characters as boundaries', () => {
    expect(entitiesOf(detect, '阿里巴巴的Qwen模型')).toEqual(['alibaba', 'qwen']);
    expect(entitiesOf(detect, '基于Llama架构')).toEqual(['llama']);
  });

  it('lets a version follow a model name but not a company name', () => {
    expect(detect('Qwen2 is out')).toMatchObject([{ entity: 'qwen', text: 'Qwen' }]);
    expect(detect('SMIC2 fab')).toEqual([]);
  });

  it('ignores names inside URLs and e-mail addresses but not link text', () => {
    expect(detect('see https://github.com/QwenLM/Qwen and mail qwen@example.com')).toEqual([]);
    expect(detect('[Qwen](https://example.com/qwen)')).toMatchObject([{ entity: 'qwen', start: 1 }]);
    expect(detect('www.qwen.ai and Qwen.')).toMatchObject([{ entity: 'qwen', start: 16 }]);
    // An address further away than the run of address characters around the name does not count.
    expect(entitiesOf(detect, 'Qwen, see https://example.com')).toEqual(['qwen']);
    expect(entitiesOf(detect, `Qwen/${'a'.repeat(300)}@example.com`)).toEqual(['qwen']);
    expect(entitiesOf(detect, 'Qwen/abc@example.com')).toEqual([]);
  });
});

describe('longest match', () => {
  const { detect } = createDetector(realTable());

  it('prefers the longest alias and never overlaps', () => {
    expect(detect('GPT-3.5 and GPT-3')).toMatchObject([
      { entity: 'gpt-3-5', text: 'GPT-3.5' },
      { entity: 'gpt-3', text: 'GPT-3' },
    ]);
    expect(detect('SuperCLUE')).toMatchObject([{ entity: 'superclue', text: 'SuperCLUE' }]);
    expect(entitiesOf(detect, '华为昇腾910B')).toEqual(['ascend', 'huawei']);
    expect(detect('Qwen-72B-Chat')).toMatchObject([{ entity: 'qwen', text: 'Qwen-72B-Chat' }]);
  });

  it('marks both parts of a compound name', () => {
    expect(detect('Google Cloud')).toMatchObject([
      { entity: 'google', text: 'Google' },
      { entity: 'google-cloud', text: 'Cloud' },
    ]);
  });
});

describe('ambiguous aliases', () => {
  const table = makeTable([
    {
      id: 'claude',
      type: 'model',
      related: ['anthropic'],
      cues: ['chatbot', 'Sonnet'],
      negativeCues: ['painter'],
      aliases: [{ text: 'Claude', caseSensitive: true, needsContext: true }],
    },
    { id: 'anthropic', aliases: ['Anthropic'] },
    { id: 'gpt-4', type: 'model', aliases: ['GPT-4'] },
    {
      id: 'yuanbao',
      type: 'product',
      cues: ['腾讯'],
      negativeCues: ['金元宝'],
      aliases: [{ text: '元宝', needsContext: true }],
    },
    {
      id: 'ascend',
      type: 'chip',
      cues: ['chip'],
      aliases: [{ text: 'Ascend', caseSensitive: true, needsContext: true }],
    },
  ]);
  const { detect } = createDetector(table);

  it('needs evidence', () => {
    expect(detect('Claude said hello.')).toEqual([]);
    expect(detect('Ascend the stairs.')).toEqual([]);
    expect(detect('他买了元宝。')).toEqual([]);
  });

  it('accepts a version or size right after the name', () => {
    expect(entitiesOf(detect, 'Claude 3.5 is here')).toEqual(['claude']);
    expect(entitiesOf(detect, 'Ascend 910B')).toEqual(['ascend']);
    expect(detect('Claude 1840 was a year')).toEqual([]);
    // After a Han name only a version-like number counts, not a count of things.
    expect(entitiesOf(detect, '元宝2.0上线')).toEqual(['yuanbao']);
    expect(detect('他买了元宝2个')).toEqual([]);
  });

  it('accepts a cue nearby', () => {
    expect(entitiesOf(detect, 'We asked Claude; the chatbot answered.')).toEqual(['claude']);
    expect(entitiesOf(detect, '腾讯推出了元宝')).toEqual(['yuanbao']);
  });

  it('accepts a related entity elsewhere on the page', () => {
    const far = `Claude answered. ${'Filler text. '.repeat(40)} Anthropic makes it.`;
    expect(entitiesOf(detect, far)).toEqual(['anthropic', 'claude']);
  });

  it('accepts a name in a list next to a confirmed one of its kind', () => {
    expect(entitiesOf(detect, 'GPT-4、Claude和Gemini')).toEqual(['claude', 'gpt-4']);
    expect(entitiesOf(detect, 'GPT-4 and Claude')).toEqual(['claude', 'gpt-4']);
  });

  it('is case-sensitive where the alias says so', () => {
    expect(detect('prices ascend; ASCEND chip')).toEqual([]);
  });

  it('rules out a name followed by a capitalised surname, and hyphenated first names', () => {
    expect(detect('Claude Monet, the painter, met a chatbot.')).toEqual([]);
    expect(detect('Jean-Claude talked to the chatbot.')).toEqual([]);
    expect(entitiesOf(detect, 'Claude Sonnet is a chatbot.')).toEqual(['claude']);
    expect(entitiesOf(detect, 'Anthropic Releases Claude To Everyone')).toEqual(['anthropic', 'claude']);
  });

  it('rules out matches covered by a negative cue, whatever the evidence', () => {
    expect(detect('腾讯送了一个金元宝')).toEqual([]);
  });

  it('rules out matches with a negative cue nearby', () => {
    expect(detect('Claude the painter liked chatbot stories.')).toEqual([]);
  });

  it('rules out a Han alias right after a number', () => {
    expect(detect('腾讯游戏里的100元宝')).toEqual([]);
  });
});

describe('the real table', () => {
  const { detect } = createDetector(realTable());
  const cases: [string, string[]][] = [
    ["Huawei's Ascend 910B", ['ascend', 'huawei']],
    ['prices ascend', []],
    ['Claude Monet painted', []],
    ['Claude 3.5 Sonnet', ['claude']],
    ['a Gemini by birth', []],
    ['Gemini 1.5 Pro', ['gemini']],
    ['the llama farm', []],
    ['Llama 3 70B', ['llama']],
    ['a moonshot project', []],
    ["Moonshot AI's Kimi", ['kimi', 'moonshot-ai']],
    ['<meta> tags and metadata', []],
    ['Meta released Llama', ['llama', 'meta']],
    ['金元宝', []],
    ['腾讯元宝', ['tencent', 'yuanbao']],
    ['我们商量一下', []],
    ['商汤商量', ['sensechat', 'sensetime']],
    ['快意人生', []],
    ['盘古开天', []],
    ['华为盘古大模型', ['huawei', 'pangu-alpha']],
    ['字节码', []],
    ['32字节', []],
    ['字节跳动', ['bytedance']],
    ['Yield', []],
    ['Yi-34B', ['yi']],
    ['Li Yi', []],
    ['the BAT signal', []],
    ['BAT (Baidu, Alibaba, Tencent)', ['alibaba', 'baidu', 'bat', 'tencent']],
    ['a clue', []],
    ['CLUE benchmark', ['clue']],
    ['BIS (Bank for International Settlements)', []],
    ['BIS export rules on chips', ['bis']],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(entitiesOf(detect, text)).toEqual(expected);
  });
});
