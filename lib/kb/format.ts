// Human-readable figures in either language: 4200000000 CNY is "CNY 4.2 billion" or "42亿元".
import type { Figure } from './schema';

export type Lang = 'en' | 'zh';

const ZH_UNITS: Record<string, string> = {
  models: '个模型',
  products: '款产品',
  companies: '家公司',
  startups: '家初创公司',
  papers: '篇论文',
  events: '起',
  deals: '起',
  institutions: '家机构',
  times: '倍',
  chips: '款芯片',
  researchers: '名研究人员',
};

/** Trims float noise: 4.2000000001 → "4.2". */
function num(value: number, lang: Lang): string {
  const rounded = Math.round(value * 1000) / 1000;
  return rounded.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 3 });
}

/** Large amounts in the units each language counts in: billions/millions vs 亿/万. */
function scaled(value: number, lang: Lang): string {
  const abs = Math.abs(value);
  if (lang === 'zh') {
    if (abs >= 1e8) return `${num(value / 1e8, lang)}亿`;
    if (abs >= 1e4 && value % 1e4 === 0) return `${num(value / 1e4, lang)}万`;
    return num(value, lang);
  }
  if (abs >= 1e9) return `${num(value / 1e9, lang)} billion`;
  if (abs >= 1e6) return `${num(value / 1e6, lang)} million`;
  return num(value, lang);
}

export function formatValue(value: number, unit: string, lang: Lang, approx = false): string {
  const about = approx ? (lang === 'zh' ? '约' : '~') : '';
  switch (unit) {
    case '%':
      return `${about}${num(value, lang)}%`;
    case 'CNY':
      return lang === 'zh' ? `${about}${scaled(value, lang)}元` : `${about}CNY ${scaled(value, lang)}`;
    case 'USD':
      return lang === 'zh' ? `${about}${scaled(value, lang)}美元` : `${about}$${scaled(value, lang)}`;
    case 'rank':
      return lang === 'zh' ? `第${num(value, lang)}名` : `#${num(value, lang)}`;
    case 'parameters':
      return lang === 'zh'
        ? `${about}${scaled(value, lang)}参数`
        : `${about}${scaled(value, lang)} parameters`;
    case 'characters':
      return lang === 'zh'
        ? `${about}${scaled(value, lang)}汉字`
        : `${about}${scaled(value, lang)} characters`;
    default: {
      const n = scaled(value, lang);
      if (lang === 'zh') return `${about}${n}${ZH_UNITS[unit] ?? ''}`;
      return `${about}${n}${/^[a-z][a-z -]*$/i.test(unit) ? ` ${unit}` : unit}`;
    }
  }
}

export function formatFigure(figure: Figure, lang: Lang): string {
  return formatValue(figure.value, figure.unit, lang, figure.approx);
}
