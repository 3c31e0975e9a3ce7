// A small knowledge base for unit tests of validate, compile and search, written for the tests
// (paraphrased, bilingual) so they run without data/ or the shared material.
import type { Detection, Entity, Fact, Source } from './schema';
import type { RawData } from './validate';

export const fixtureSource: Source = {
  title: { en: 'Test article', zh: '测试文章' },
  author: 'Tester',
  publisher: { en: 'Test Press', zh: '测试出版社' },
  date: '2024-10-09',
  sections: {
    intro: { en: 'Introduction', zh: '引言' },
    models: { en: '1. Model capability', zh: '一、模型能力' },
    research: { en: '2. Academic research', zh: '二、学术研究' },
    talent: { en: '3. AI talent', zh: '三、人工智能人才储备' },
    compute: { en: '4. Computing power', zh: '四、计算能力' },
    tools: { en: '5. Developer tools', zh: '五、开发工具' },
    funding: { en: '6. Funding and resources', zh: '六、资金与资源' },
    summary: { en: '7. Conclusion', zh: '七、总结' },
  },
};

const entity = (
  id: string,
  type: Entity['type'],
  en: string,
  zh: string,
  summaryEn: string,
  summaryZh: string,
  related: string[] = [],
  keywords?: string[],
): Entity => ({
  id,
  type,
  name: { en, zh },
  summary: { en: summaryEn, zh: summaryZh },
  related,
  ...(keywords ? { keywords } : {}),
});

export const fixtureEntities: Entity[] = [
  entity('huawei', 'company', 'Huawei', '华为', 'Chinese telecoms and chip maker.', '中国通信与芯片企业。', [
    'ascend',
    'mindspore',
  ]),
  entity(
    'ascend',
    'chip',
    'Huawei Ascend',
    '昇腾',
    'Huawei’s line of AI accelerators.',
    '华为的AI加速芯片系列。',
    ['huawei'],
  ),
  entity(
    'mindspore',
    'framework',
    'MindSpore',
    '昇思MindSpore',
    'Huawei’s open-source deep-learning framework.',
    '华为开源的深度学习框架。',
    ['huawei'],
  ),
  entity('nvidia', 'company', 'NVIDIA', '英伟达', 'US maker of GPUs.', '美国GPU厂商。'),
  entity(
    'us-export-controls',
    'policy',
    'U.S. chip export controls',
    '美国芯片出口管制',
    'US limits on selling advanced chips to China.',
    '美国限制向中国出售先进芯片的措施。',
    ['nvidia'],
    ['chip ban', 'sanctions', '芯片禁令'],
  ),
  entity(
    'bis',
    'regulator',
    'Bureau of Industry and Security',
    '工业与安全局',
    'The US agency that administers chip export rules.',
    '负责执行芯片出口规则的美国机构。',
    ['us-export-controls'],
    ['export controls', 'chip ban'],
  ),
  entity('moonshot-ai', 'company', 'Moonshot AI', '月之暗面', 'Beijing AI start-up.', '北京的AI初创公司。', [
    'kimi',
  ]),
  entity(
    'kimi',
    'product',
    'Kimi',
    'Kimi',
    'Moonshot AI’s chatbot with a long context.',
    '月之暗面推出的长上下文聊天助手。',
    ['moonshot-ai'],
  ),
  entity(
    'superclue',
    'benchmark',
    'SuperCLUE',
    'SuperCLUE',
    'A benchmark for Chinese-language models.',
    '评测中文大模型的基准。',
  ),
  entity(
    'baichuan',
    'company',
    'Baichuan Intelligence',
    '百川智能',
    'Chinese LLM start-up.',
    '中国大模型创业公司。',
    ['baichuan2'],
  ),
  entity(
    'baichuan2',
    'model',
    'Baichuan2',
    'Baichuan2',
    'Open model series by Baichuan.',
    '百川智能的开源模型。',
    ['baichuan'],
  ),
  entity(
    'macropolo',
    'think-tank',
    'MacroPolo',
    'MacroPolo',
    'Think tank studying AI talent.',
    '研究AI人才的智库。',
  ),
  entity(
    'ai-law-blue-book',
    'report',
    '2024 World AI Rule of Law Blue Book',
    '2024世界人工智能法治蓝皮书',
    'Report with AI investment statistics.',
    '包含AI投资统计的报告。',
  ),
  entity(
    'gpt-4',
    'model',
    'GPT-4',
    'GPT-4',
    'OpenAI’s flagship model in 2024.',
    'OpenAI在2024年的旗舰模型。',
  ),
];

export const fixtureDetection: Record<string, Detection> = {
  huawei: { aliases: ['Huawei', '华为'] },
  ascend: { aliases: [{ text: 'Ascend', caseSensitive: true, needsContext: true }, '昇腾', 'Ascend 910'] },
  mindspore: { aliases: ['MindSpore', '昇思'] },
  nvidia: { aliases: ['NVIDIA', '英伟达'] },
  'us-export-controls': { aliases: ['export controls', '出口管制'], cues: ['chip'] },
  bis: { aliases: [{ text: 'BIS', caseSensitive: true, needsContext: true }, '工业与安全局'] },
  'moonshot-ai': { aliases: ['Moonshot AI', '月之暗面'] },
  kimi: { aliases: [{ text: 'Kimi', needsContext: true }] },
  superclue: { aliases: ['SuperCLUE'] },
  baichuan: { aliases: ['Baichuan Intelligence', '百川智能'] },
  baichuan2: { aliases: ['Baichuan2', 'Baichuan 2'] },
  macropolo: { aliases: ['MacroPolo'] },
  'ai-law-blue-book': { aliases: ['世界人工智能法治蓝皮书'] },
  'gpt-4': { aliases: ['GPT-4'] },
};

const fact = (
  id: string,
  section: Fact['section'],
  kind: Fact['kind'],
  entities: string[],
  en: string,
  zh: string,
  extra: Partial<Fact> = {},
): Fact => ({ id, section, kind, entities, text: { en, zh }, ...extra });

/** Facts per section file, deliberately not in reading order across files. */
export const fixtureFacts: Record<string, Fact[]> = {
  funding: [
    fact(
      'funding-2023-deals',
      'funding',
      'reported',
      ['ai-law-blue-book'],
      'In 2023 China’s AI sector saw 815 investment deals worth CNY 263.1 billion in total.',
      '2023年中国AI领域共有815起投融资,合计2631亿元。',
      {
        source: 'ai-law-blue-book',
        figures: [
          { value: 815, unit: 'deals', measure: { en: 'AI deals', zh: 'AI投融资事件' }, period: '2023' },
        ],
      },
    ),
    fact(
      'funding-monthly-deals',
      'funding',
      'figure',
      ['ai-law-blue-book'],
      'In 2024 there were about 40 AI funding deals a month, against 68 a month the year before.',
      '2024年每月约40起AI融资,去年则是每月68起。',
    ),
  ],
  compute: [
    fact(
      'compute-export-controls',
      'compute',
      'event',
      ['us-export-controls', 'nvidia'],
      'From October 2022 the US imposed export controls that limit China’s access to advanced chips.',
      '自2022年10月起,美国以出口管制限制中国获取先进芯片。',
    ),
    fact(
      'compute-nvidia-dependence',
      'compute',
      'figure',
      ['nvidia'],
      'Of 20 Chinese LLMs studied, 17 ran on NVIDIA chips and only 3 on domestic chips.',
      '在研究的20个中国大模型里,17个依赖英伟达芯片,只有3个采用国产芯片。',
    ),
    fact(
      'compute-ascend',
      'compute',
      'event',
      ['huawei', 'ascend'],
      'Huawei trains large models on its own cloud built on Ascend chips.',
      '华为依托自家云服务和昇腾芯片训练大模型。',
      { keywords: ['Ascend cloud', 'Ascend chips', 'Ascend 910'] },
    ),
  ],
  talent: [
    fact(
      'talent-top-researchers',
      'talent',
      'reported',
      ['macropolo'],
      'MacroPolo found that 47% of the world’s top AI researchers in 2022 came from China, up from 29% in 2019.',
      '据MacroPolo统计,2022年全球顶尖AI研究人员中有47%来自中国,2019年为29%。',
      { source: 'macropolo' },
    ),
    fact(
      'talent-stay-in-us',
      'talent',
      'figure',
      ['macropolo'],
      'Most Chinese-born AI PhDs stay in the US after graduating.',
      '多数中国出身的AI博士毕业后留在美国。',
    ),
  ],
  models: [
    fact(
      'models-superclue',
      'models',
      'reported',
      ['superclue', 'gpt-4'],
      'On SuperCLUE in June 2024 GPT-4 still ranked first among the models tested.',
      '2024年6月的SuperCLUE评测中,GPT-4仍居首位。',
      { source: 'superclue' },
    ),
    fact(
      'models-kimi-context',
      'models',
      'event',
      ['kimi', 'moonshot-ai'],
      'In February 2024 Moonshot AI upgraded Kimi to take up to 2 million Chinese characters of context.',
      '2024年2月,月之暗面升级Kimi,上下文可容纳200万汉字。',
    ),
    fact(
      'models-baichuan2',
      'models',
      'opinion',
      ['baichuan2', 'baichuan'],
      'Baichuan Intelligence’s open Baichuan2 did better than comparable US open models.',
      '百川智能开源的Baichuan2表现好于同类美国开源模型。',
    ),
  ],
  tools: [
    fact(
      'tools-mindspore',
      'tools',
      'event',
      ['mindspore', 'huawei'],
      'Huawei offers MindSpore as a home-grown alternative to PyTorch and TensorFlow, aiming to pair it tightly with its own chips.',
      '华为推出MindSpore,作为PyTorch和TensorFlow的国产替代;它在开源社区中不断壮大,并被用来训练多个中文大模型,长远目标是与自家芯片实现软硬协同。',
    ),
  ],
};

const FILE_NUMBER: Record<string, string> = {
  models: '01',
  talent: '03',
  compute: '04',
  tools: '05',
  funding: '06',
};

/** The fixture as the files data/ would hold, for validateData. */
export function fixtureRaw(): RawData {
  return {
    source: { path: 'data/source.json', text: JSON.stringify(fixtureSource) },
    entities: [
      { path: 'data/entities/a.json', text: JSON.stringify({ entities: fixtureEntities.slice(0, 8) }) },
      { path: 'data/entities/b.json', text: JSON.stringify({ entities: fixtureEntities.slice(8) }) },
    ],
    detection: [{ path: 'data/detection/all.json', text: JSON.stringify(fixtureDetection) }],
    // Funding first, so compile has to restore reading order.
    facts: Object.entries(fixtureFacts).map(([section, facts]) => ({
      path: `data/facts/${FILE_NUMBER[section]}-${section}.json`,
      text: JSON.stringify({ section, facts }),
    })),
  };
}
