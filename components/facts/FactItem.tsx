// One fact as the card and the side panel show it: its text in the chosen language, whether it
// is a reported claim or the author's opinion, its figures (charted where two values compare),
// where in the article it comes from, and a Pin button.
import type { ComponentChildren } from 'preact';
import { t } from '@/components/i18n';
import type { EntityRef } from '@/lib/kb/card';
import { formatFigure, type Lang } from '@/lib/kb/format';
import type { Bilingual, Fact } from '@/lib/kb/schema';
import { FigureChart } from '../charts/FigureChart';

export interface FactItemProps {
  fact: Fact;
  lang: Lang;
  names: Record<string, EntityRef>;
  section: Bilingual;
  pinned?: boolean;
  onPin?: () => void;
  /** Extra controls (the side panel's note editor, delete…). */
  children?: ComponentChildren;
}

export function FactKind({
  fact,
  lang,
  names,
}: {
  fact: Fact;
  lang: Lang;
  names: Record<string, EntityRef>;
}) {
  if (fact.kind === 'opinion') {
    return (
      <span class="fl-kind fl-kind-opinion" title={t('opinionNote')}>
        {t('kind_opinion')}
      </span>
    );
  }
  if (fact.kind === 'reported' && fact.source) {
    const source = names[fact.source]?.name[lang] ?? fact.source;
    return <span class="fl-kind fl-kind-reported">{t('reportedBy', source)}</span>;
  }
  return <span class="fl-kind">{t(`kind_${fact.kind}`)}</span>;
}

export function FactItem({ fact, lang, names, section, pinned, onPin, children }: FactItemProps) {
  const charted = fact.figures?.filter((f) => f.compare) ?? [];
  const plain = fact.figures?.filter((f) => !f.compare) ?? [];
  return (
    <li class={`fl-fact${fact.kind === 'opinion' ? ' fl-fact-opinion' : ''}`} data-fact={fact.id}>
      <div class="fl-fact-head">
        <FactKind fact={fact} lang={lang} names={names} />
        <span class="fl-section">{section[lang]}</span>
      </div>
      <p class="fl-fact-text" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
        {fact.text[lang]}
      </p>
      {plain.length > 0 && (
        <ul class="fl-figures" aria-label={t('kind_figure')}>
          {plain.map((figure, i) => (
            <li key={i} class="fl-figure">
              <strong>{formatFigure(figure, lang)}</strong>
              <span>
                {[figure.measure[lang], figure.subject?.[lang], figure.period].filter(Boolean).join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      )}
      {charted.map((figure, i) => (
        <FigureChart key={i} figure={figure} lang={lang} />
      ))}
      {(onPin || children) && (
        <div class="fl-fact-actions">
          {onPin && (
            <button
              type="button"
              class="fl-btn fl-btn-small fl-pin"
              aria-pressed={pinned ? 'true' : 'false'}
              aria-label={pinned ? t('pinned') : t('pinFact')}
              onClick={onPin}
            >
              {pinned ? `★ ${t('pinned')}` : `☆ ${t('pin')}`}
            </button>
          )}
          {children}
        </div>
      )}
    </li>
  );
}
