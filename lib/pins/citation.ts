// A one-paragraph plain-text citation of a pinned fact, in English or Chinese: the fact, then
// the article it comes from, its section, and the page it was pinned from.
import type { CompiledKb } from '../kb/compiled';
import type { Lang } from '../kb/format';
import { entityName, isWebUrl, kbLookup, longDate, sectionName } from './context';
import type { Pin } from './schema';

export function pinCitation(pin: Pin, kb: CompiledKb, lang: Lang): string {
  const lookup = kbLookup(kb);
  const fact = lookup.fact(pin.factId);
  const { source } = lookup;
  const zh = lang === 'zh';
  const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

  let quote: string;
  if (!fact)
    quote = zh
      ? `(事实 ${pin.factId} 已不在 Factlens 知识库中)`
      : `(fact ${pin.factId}, no longer in the Factlens knowledge base)`;
  else {
    quote = zh ? `“${oneLine(fact.text.zh)}”` : `“${oneLine(fact.text.en)}”`;
    const by = fact.source ? entityName(lookup, fact.source)[lang] : '';
    if (fact.kind === 'opinion') quote += zh ? '(作者观点)' : " (the author's opinion)";
    else if (fact.kind === 'reported' && by) quote += zh ? `(据${by}报道)` : ` (as reported by ${by})`;
  }

  const title = oneLine(pin.title);
  const page = isWebUrl(pin.url) ? [title, pin.url].filter(Boolean).join(' ') : title || 'Factlens';
  const pinned = longDate(pin.pinnedAt, lang);
  const section = fact ? sectionName(source, fact)[lang] : '';

  if (zh) {
    const via = source.via ? `,经${source.via.zh}转载` : '';
    const inSection = section ? `,“${section}”部分` : '';
    return `${quote}——${source.author},《${source.title.zh}》,${source.publisher.zh}${via},${longDate(source.date, 'zh')}${inSection}。收藏自 ${page},${pinned}。`;
  }
  const via = source.via ? `, via ${source.via.en}` : '';
  const inSection = section ? `, section “${section}”` : '';
  return `${quote} — ${source.author}, “${source.title.en}”, ${source.publisher.en}${via}, ${longDate(source.date, 'en')}${inSection}. Pinned from ${page}, ${pinned}.`;
}

export function pinCitations(pin: Pin, kb: CompiledKb): Record<Lang, string> {
  return { en: pinCitation(pin, kb, 'en'), zh: pinCitation(pin, kb, 'zh') };
}
