import { describe, expect, it } from 'vitest';
import {
  createArticleNumbers,
  createCopyFinder,
  factNumberProblems,
  quantitiesInText,
  stringsOf,
} from './article';
import { missingIds } from './ids';
import { parseEntitySpec } from './spec';

// A made-up "article" for the tests; the real one stays in ../shared.
const ARTICLE =
  '截至2024年3月,某机构统计显示,测试国家的监管部门已经批准了至少117款生成式产品。百度投资42亿元人民币(约5.892亿美元)。' +
  '前十名中仅占一席,另一国占据一半,包括前五名中的四席。GPT-4仍居首位,Qwen 1.5位列第二。占比19.2%。';

describe('createCopyFinder', () => {
  const find = createCopyFinder(ARTICLE);

  it('finds a copied run of 12 or more Chinese characters, extended to its full length', () => {
    expect(find('据说测试国家的监管部门已经批准了很多')).toEqual(['测试国家的监管部门已经批准了']);
    expect(find('报道:前十名中仅占一席,而')).toEqual([]);
    // Not across the comma: "显示" ends one run of the article and "测试" starts the next.
    expect(find('机构统计显示测试国家的监管部门已经批准了至少')).toEqual([
      '测试国家的监管部门已经批准了至少',
    ]);
  });

  it('ignores runs shorter than 12 and runs that straddle punctuation', () => {
    expect(find('国家的监管部门已经批准')).toEqual([]); // 11 characters
    expect(find('某机构统计显示,测试国家已经')).toEqual([]);
  });

  it('reports separate copied runs separately', () => {
    const copied = createCopyFinder('甲乙丙丁戊己庚辛壬癸子丑寅卯,天地玄黄宇宙洪荒日月盈昃辰宿')(
      '甲乙丙丁戊己庚辛壬癸子丑与天地玄黄宇宙洪荒日月盈昃',
    );
    expect(copied).toEqual(['甲乙丙丁戊己庚辛壬癸子丑', '天地玄黄宇宙洪荒日月盈昃']);
  });
});

describe('stringsOf', () => {
  it('lists every string with its path', () => {
    expect(stringsOf({ text: { en: 'a', zh: '乙' }, figures: [{ unit: 'x', value: 1 }] })).toEqual([
      { path: 'text.en', text: 'a' },
      { path: 'text.zh', text: '乙' },
      { path: 'figures[0].unit', text: 'x' },
    ]);
  });
});

describe('factNumberProblems', () => {
  const names = ['Qwen', 'GPT-4'];
  const article = createArticleNumbers(ARTICLE, names);

  it('accepts numbers written either way, with 亿 ↔ billion and year-months', () => {
    const fact = {
      text: {
        en: 'By March 2024 at least 117 products were approved; Baidu invested CNY 4.2 billion ($589.2 million), 19.2%.',
        zh: '截至2024年3月至少批准117款产品;百度投入42亿元(约5.892亿美元),占19.2%,前十名中占一席。',
      },
      figures: [
        { value: 4_200_000_000, unit: 'CNY', measure: { en: 'a', zh: 'b' }, compare: { value: 589_200_000 } },
        { value: 19.2, unit: '%', measure: { en: 'a', zh: 'b' } },
      ],
    };
    expect(factNumberProblems(fact, article, names)).toEqual([]);
  });

  it('does not count version numbers of names', () => {
    const fact = { text: { en: 'GPT-4 led and Qwen 1.5 came second.', zh: 'GPT-4领先,Qwen 1.5位列第二。' } };
    expect(factNumberProblems(fact, article, names)).toEqual([]);
  });

  it('reports each number the article does not state, with its field', () => {
    const fact = {
      text: { en: 'About 118 products by April 2024, 19%.', zh: '截至2024年3月共43亿元,占三成。' },
      figures: [{ value: 43, unit: '%', measure: { en: 'a', zh: 'b' }, compare: { value: 19.2 } }],
    };
    expect(factNumberProblems(fact, article, names)).toEqual([
      { field: 'text.en', message: '"118" (number 118) is not in the article' },
      { field: 'text.en', message: '"April 2024" (month 2024-04) is not in the article' },
      { field: 'text.en', message: '"19%" (19%) is not in the article' },
      { field: 'text.zh', message: '"43亿" (number 4300000000) is not in the article' },
      { field: 'text.zh', message: '"三成" (30%) is not in the article' },
      { field: 'figures[0].value', message: '43% (unit %) is not in the article' },
    ]);
  });
});

describe('quantitiesInText', () => {
  it('lists digit quantities but not dates, names or Chinese numerals', () => {
    const fact = {
      text: { en: 'In March 2024, GPT-4 and 117 products; 47%.', zh: '2024年3月,前十名中一席' },
    };
    expect(quantitiesInText(fact, ['GPT-4']).map((m) => m.raw)).toEqual(['117', '47%']);
    expect(quantitiesInText({ text: { en: 'In 2023 nothing.', zh: '2023年无事。' } }, [])).toEqual([]);
  });
});

describe('parseEntitySpec', () => {
  it('reads id, type and both names by column name', () => {
    const tsv = 'id\ttype\tname_en\tname_zh\tnotes\nkimi\tproduct\tKimi\tKimi\tx\n\nbat\tgroup\tBAT\tBAT\t\n';
    expect(parseEntitySpec(tsv)).toEqual([
      { id: 'kimi', type: 'product', nameEn: 'Kimi', nameZh: 'Kimi' },
      { id: 'bat', type: 'group', nameEn: 'BAT', nameZh: 'BAT' },
    ]);
    expect(() => parseEntitySpec('id\tkind\n')).toThrow(/type/);
  });
});

describe('missingIds', () => {
  it('reports ids that disappeared, not ids that were added', () => {
    const snapshot = { entities: ['a', 'b'], facts: ['f1'] };
    expect(missingIds(snapshot, { entities: ['a', 'b', 'c'], facts: ['f1', 'f2'] })).toEqual([]);
    expect(missingIds(snapshot, { entities: ['a'], facts: [] })).toEqual([
      'entity b disappeared',
      'fact f1 disappeared',
    ]);
  });
});
