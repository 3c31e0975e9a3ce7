import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { formatFigure } from '../kb/format';
import type { Note } from '../knowledge/schema';
import {
  CSV_COLUMNS,
  csvField,
  deskToCsv,
  deskToJson,
  deskToMarkdown,
  type ExportItem,
  pinCitation,
  pinCitations,
  pinsToCsv,
  pinsToJson,
  pinsToMarkdown,
} from './export';
import { testFactIds, testKb } from './fixtures/kb';
import { exportedNotes, parseImport } from './import';
import { byNewest, type Pin, pinId } from './schema';

function pin(over: Partial<Pin> & { factId: string }): Pin {
  const url = over.url ?? 'https://example.com/page';
  return {
    id: pinId(over.factId, url),
    entity: 'gpt-4',
    url,
    title: 'Example page',
    pinnedAt: Date.UTC(2024, 10, 5, 14, 3),
    note: '',
    tags: [],
    quote: '',
    ...over,
  };
}

const pins: Pin[] = [
  pin({
    factId: 'test-funding-figure',
    entity: 'deepseek',
    note: 'Line one\n# not a heading\n- not a list',
    tags: ['money', 'china'],
  }),
  pin({
    factId: 'test-opinion',
    entity: 'gpt-4',
    title: '[click](javascript:alert(1)) <b>',
    url: 'https://example.com/o?a=1&b=2',
  }),
  pin({ factId: 'test-reported', entity: 'gpt-4', url: 'about:factlens', title: 'Factlens' }),
  pin({
    factId: 'test-opinion',
    entity: 'deepseek',
    url: 'https://example.com/other',
    pinnedAt: Date.UTC(2024, 0, 1),
  }),
  pin({ factId: 'retired-fact', entity: 'gone-entity' }),
];

/** RFC 4180 reader, to check that what we write reads back field for field. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('JSON', () => {
  it('round-trips through import exactly', () => {
    const known = new Set([...testFactIds, 'retired-fact']);
    const text = pinsToJson(pins, new Date('2025-01-02T03:04:05.000Z'));
    const file = JSON.parse(text);
    expect(file).toMatchObject({
      format: 'factlens-pins',
      version: 3,
      exportedAt: '2025-01-02T03:04:05.000Z',
      notes: [],
    });
    const back = parseImport(text, known);
    expect(back).toEqual({ ok: true, pins, rejected: [] });
  });

  it('writes only the fields of a pin', () => {
    const extra = { ...pins[0]!, secret: 'x' } as Pin;
    expect(pinsToJson([extra])).not.toContain('secret');
  });
});

describe('CSV', () => {
  it('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
  });

  it('guards against formula injection', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvField(`${start}1+1`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    expect(csvField('1+1=2')).toBe('1+1=2');
  });

  it('writes a header and one row per pin that read back field for field', () => {
    const hostile = pin({
      factId: 'test-event',
      note: '=cmd|" /C calc"!A0, and "quotes"\r\nnext line',
      tags: ['+tag', 'b'],
      title: '@title, with comma',
    });
    const text = pinsToCsv([pins[0]!, hostile, pins[4]!], testKb);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    const rows = readCsv(text);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(4);
    const row = (r: string[]) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i]]));
    expect(row(rows[1]!)).toEqual({
      kind: 'pin',
      date: '2024-11-05T14:03:00.000Z',
      entity_id: 'deepseek',
      entity_en: 'DeepSeek',
      entity_zh: '深度求索',
      fact_id: 'test-funding-figure',
      fact_en: testKb.facts[0]!.text.en,
      fact_zh: testKb.facts[0]!.text.zh,
      section: '6. Funding and resources',
      fact_kind: 'figure',
      note: 'Line one\n# not a heading\n- not a list',
      quote: '',
      tags: 'money;china',
      page_title: 'Example page',
      page_url: 'https://example.com/page',
    });
    const h = row(rows[2]!);
    expect(h.note).toBe(`'${hostile.note}`);
    expect(h.tags).toBe("'+tag;b");
    expect(h.page_title).toBe("'@title, with comma");
    const retired = row(rows[3]!);
    expect([retired.entity_en, retired.fact_en, retired.fact_kind]).toEqual(['gone-entity', '', '']);
  });
});

describe('Markdown', () => {
  const md = pinsToMarkdown(pins, testKb, new Date('2025-01-02T03:04:05.000Z'));

  it('groups pins under their entity, named in both languages, in the order given', () => {
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual(['## DeepSeek / 深度求索', '## GPT-4', '## gone-entity', '## Sources']);
    const deepseek = md.slice(md.indexOf('## DeepSeek'), md.indexOf('## GPT-4'));
    expect(deepseek.match(/^- \*\*/gm)).toHaveLength(2);
    expect(md).toContain('Exported 2025-01-02 03:04 UTC · 5 pins');
  });

  it('writes each fact in both languages with figures, kind, section, page, time, note and tags', () => {
    const fig = testKb.facts[0]!.figures![0]!;
    expect(md).toContain(`Funding: ${formatFigure(fig, 'en')} (China, 2023) vs CNY 1 billion (US)`);
    expect(md).toContain(`融资额:${formatFigure(fig, 'zh')}(中国,2023),对比 10亿元(美国)`);
    expect(md).toContain('测试事实:某公司融资,"很大"。');
    expect(md).toContain('  - Kind: Figure / 数据');
    expect(md).toContain("  - Kind: **The author's opinion (not a fact) / 作者观点(非事实)**");
    expect(md).toContain('  - Kind: Reported by SuperCLUE / 据SuperCLUE报道');
    expect(md).toContain('  - Section: 6. Funding and resources / 六、资金与资源');
    expect(md).toContain('  - Pinned from: [Example page](<https://example.com/page>)');
    expect(md).toContain('  - Pinned: 2024-11-05 14:03 UTC');
    expect(md).toContain('    > Line one\n    > \\# not a heading\n    > \\- not a list');
    expect(md).toContain('  - Tags: money, china');
    expect(md).toContain('Fact no longer in the Factlens knowledge base** (id retired-fact)');
  });

  it('escapes page titles and links only web pages', () => {
    expect(md).toContain('[\\[click\\](javascript:alert(1)) \\<b\\>](<https://example.com/o?a=1&b=2>)');
    expect(md).not.toMatch(/(?<!\\)\]\(javascript:/);
    expect(md).toContain('  - Pinned from: Factlens (about:factlens)');
  });

  it('ends with the sources, citing the article', () => {
    const sources = md.slice(md.indexOf('## Sources'));
    const s = testKb.source;
    for (const part of [
      s.author,
      s.title.en,
      s.title.zh,
      s.publisher.en,
      s.publisher.zh,
      s.via!.en,
      s.date,
    ]) {
      expect(sources).toContain(part);
    }
    expect(sources).toContain('9 October 2024');
    expect(sources).toContain('attributed by the article to: SuperCLUE');
  });
});

describe('citation', () => {
  it('cites the fact, the article, the section and the page in English', () => {
    const text = pinCitation(pins[0]!, testKb, 'en');
    expect(text).toBe(
      `“${testKb.facts[0]!.text.en}” — VC Popcorn, “${testKb.source.title.en}”, VC Popcorn (WeChat account), via Huxiu, 9 October 2024, section “6. Funding and resources”. Pinned from Example page https://example.com/page, 5 November 2024.`,
    );
    expect(text).not.toContain('\n');
  });

  it('and in Chinese', () => {
    expect(pinCitation(pins[0]!, testKb, 'zh')).toBe(
      `“${testKb.facts[0]!.text.zh}”——VC Popcorn,《大国竞争之中美AI(一)》,爆米花独角兽(微信公众号),经虎嗅转载,2024年10月9日,“六、资金与资源”部分。收藏自 Example page https://example.com/page,2024年11月5日。`,
    );
  });

  it("marks the author's opinions and reported claims", () => {
    const both = pinCitations(pins[1]!, testKb);
    expect(both.en).toContain("” (the author's opinion) — ");
    expect(both.zh).toContain('”(作者观点)——');
    expect(pinCitation(pins[2]!, testKb, 'en')).toContain('(as reported by SuperCLUE)');
    expect(pinCitation(pins[2]!, testKb, 'en')).toMatch(/Pinned from Factlens, 5 November 2024\.$/);
  });

  it('still cites a pin whose fact has left the index', () => {
    expect(pinCitation(pins[4]!, testKb, 'en')).toMatch(
      /^\(fact retired-fact, no longer in the Factlens knowledge base\) — VC Popcorn/,
    );
  });
});

it('exports keep the order they are given (newest first from the store)', () => {
  const sorted = [...pins].sort(byNewest);
  const csv = readCsv(pinsToCsv(sorted, testKb)).slice(1);
  expect(csv.map((r) => r[1])).toEqual(sorted.map((p) => new Date(p.pinnedAt).toISOString()));
});

// --- Quotes and notes -------------------------------------------------------------------------

const quoted = pin({
  factId: 'test-opinion',
  entity: 'deepseek',
  url: 'https://example.com/q',
  title: 'Quoted page',
  note: 'my note',
  tags: ['gap'],
  quote: 'DeepSeek says # the gap is *narrowing*.',
});

function note(over: Partial<Note> & { id: string }): Note {
  return {
    entity: 'deepseek',
    text: 'A note',
    url: '',
    title: '',
    quote: '',
    tags: [],
    createdAt: Date.UTC(2024, 10, 6, 9, 0),
    updatedAt: Date.UTC(2024, 10, 6, 9, 0),
    pack: 'mine',
    ...over,
  };
}

const written = note({
  id: 'n-1',
  text: 'Line one\n\n# two\n- three',
  url: 'https://example.com/n',
  title: 'Note page',
  quote: 'A quoted <b>sentence</b>.',
  tags: ['x', 'y'],
  updatedAt: Date.UTC(2024, 10, 7, 9, 0),
});
const own = note({ id: 'n-2', entity: 'my-chip', text: 'About my chip, with a comma' });
const items: ExportItem[] = [
  { kind: 'pin', pin: quoted },
  { kind: 'note', note: written },
  { kind: 'note', note: own },
];
const nameOf = (id: string) => (id === 'my-chip' ? { en: 'My Chip', zh: '我的芯片' } : undefined);
const at = new Date('2025-01-02T03:04:05.000Z');

describe('Markdown with quotes and notes', () => {
  const md = deskToMarkdown(items, testKb, { now: at, nameOf });

  it("writes a pin's quote as a blockquote followed by the link to the page", () => {
    expect(md).toContain(
      [
        '  - Section: 7. Conclusion / 七、总结',
        '  > DeepSeek says # the gap is \\*narrowing\\*.',
        '  - Pinned from: [Quoted page](<https://example.com/q>)',
        '  - Pinned: 2024-11-05 14:03 UTC',
      ].join('\n'),
    );
    // A pin without a quote reads as before.
    expect(pinsToMarkdown([pins[0]!], testKb, at)).not.toMatch(/^ {2}> /m);
  });

  it('writes every note under its entity, with its text, quote, page, time and tags', () => {
    expect(md).toBe(
      [
        '# Factlens pins and notes',
        '',
        'Exported 2025-01-02 03:04 UTC · 1 pin · 2 notes',
        '',
        '## DeepSeek / 深度求索',
        '',
        '- **Test opinion: the gap is narrowing.**  ',
        '  测试观点:差距正在缩小。',
        "  - Kind: **The author's opinion (not a fact) / 作者观点(非事实)**",
        '  - Section: 7. Conclusion / 七、总结',
        '  > DeepSeek says # the gap is \\*narrowing\\*.',
        '  - Pinned from: [Quoted page](<https://example.com/q>)',
        '  - Pinned: 2024-11-05 14:03 UTC',
        '  - Note:',
        '    > my note',
        '  - Tags: gap',
        '',
        '- **Note:** Line one',
        '',
        '  \\# two  ',
        '  \\- three',
        '  > A quoted \\<b\\>sentence\\</b\\>.',
        '  - From: [Note page](<https://example.com/n>)',
        '  - Written: 2024-11-06 09:00 UTC (edited 2024-11-07 09:00 UTC)',
        '  - Tags: x, y',
        '',
        '## My Chip / 我的芯片',
        '',
        '- **Note:** About my chip, with a comma',
        '  - Written: 2024-11-06 09:00 UTC',
        '',
        ...md.slice(md.indexOf('## Sources')).trimEnd().split('\n'),
        '',
      ].join('\n'),
    );
    expect(md.indexOf('## Sources')).toBeGreaterThan(md.indexOf('## My Chip'));
  });

  it('renders the quotes as blockquotes and the notes as list items', () => {
    const html = marked.parse(md, { async: false });
    expect(html).toContain('<blockquote>\n<p>DeepSeek says # the gap is *narrowing*.</p>\n</blockquote>');
    expect(html).toContain('<blockquote>\n<p>A quoted &lt;b&gt;sentence&lt;/b&gt;.</p>\n</blockquote>');
    expect(html).toContain('<a href="https://example.com/n">Note page</a>');
    expect(html).not.toContain('<h1>two</h1>');
    expect(html).not.toContain('<b>');
  });

  it('a desk of notes only has no sources and counts notes only', () => {
    expect(deskToMarkdown([{ kind: 'note', note: own }], testKb, { now: at })).toBe(
      [
        '# Factlens pins and notes',
        '',
        'Exported 2025-01-02 03:04 UTC · 1 note',
        '',
        '## my-chip',
        '',
        '- **Note:** About my chip, with a comma',
        '  - Written: 2024-11-06 09:00 UTC',
        '',
      ].join('\n'),
    );
  });
});

describe('CSV with quotes and notes', () => {
  it('writes a kind column, the quote, and note rows with the fact columns empty', () => {
    expect(deskToCsv(items, testKb, { nameOf })).toBe(
      [
        'kind,date,entity_id,entity_en,entity_zh,fact_id,fact_en,fact_zh,section,fact_kind,note,quote,tags,page_title,page_url',
        'pin,2024-11-05T14:03:00.000Z,deepseek,DeepSeek,深度求索,test-opinion,Test opinion: the gap is narrowing.,测试观点:差距正在缩小。,7. Conclusion,opinion,my note,DeepSeek says # the gap is *narrowing*.,gap,Quoted page,https://example.com/q',
        'note,2024-11-06T09:00:00.000Z,deepseek,DeepSeek,深度求索,,,,,,"Line one\n\n# two\n- three",A quoted <b>sentence</b>.,x;y,Note page,https://example.com/n',
        'note,2024-11-06T09:00:00.000Z,my-chip,My Chip,我的芯片,,,,,,"About my chip, with a comma",,,,',
        '',
      ].join('\r\n'),
    );
  });

  it('guards a quote against formula injection too', () => {
    const hostile = { ...quoted, quote: '=HYPERLINK("http://evil")' };
    const [, row] = readCsv(pinsToCsv([hostile], testKb));
    expect(row?.[CSV_COLUMNS.indexOf('quote')]).toBe('\'=HYPERLINK("http://evil")');
  });
});

describe('JSON with quotes and notes', () => {
  it('writes { format, version, exportedAt, pins, notes } with each field in a fixed order', () => {
    const text = deskToJson(items, at);
    const file = JSON.parse(text);
    expect(Object.keys(file)).toEqual(['format', 'version', 'exportedAt', 'pins', 'notes']);
    expect(file.pins).toEqual([
      {
        id: quoted.id,
        factId: 'test-opinion',
        entity: 'deepseek',
        url: 'https://example.com/q',
        title: 'Quoted page',
        pinnedAt: quoted.pinnedAt,
        note: 'my note',
        tags: ['gap'],
        quote: 'DeepSeek says # the gap is *narrowing*.',
      },
    ]);
    expect(file.notes).toEqual([written, own]);
    expect(Object.keys(file.notes[0])).toEqual([
      'id',
      'entity',
      'text',
      'url',
      'title',
      'quote',
      'tags',
      'createdAt',
      'updatedAt',
      'pack',
    ]);
  });

  it('imports back: the pins with their quotes, the notes for the knowledge store', () => {
    const text = deskToJson(items, at);
    expect(parseImport(text, testFactIds)).toEqual({ ok: true, pins: [quoted], rejected: [] });
    expect(exportedNotes(text)).toEqual([written, own]);
  });

  it('still imports a file exported before this version (no quotes, no notes)', () => {
    const old = JSON.stringify({
      format: 'factlens-pins',
      version: 2,
      exportedAt: '2024-12-01T00:00:00.000Z',
      pins: [
        {
          id: pins[0]!.id,
          factId: pins[0]!.factId,
          entity: pins[0]!.entity,
          url: pins[0]!.url,
          title: pins[0]!.title,
          pinnedAt: pins[0]!.pinnedAt,
          note: pins[0]!.note,
          tags: pins[0]!.tags,
        },
      ],
    });
    expect(parseImport(old, testFactIds)).toEqual({ ok: true, pins: [pins[0]], rejected: [] });
    expect(exportedNotes(old)).toEqual([]);
  });
});
