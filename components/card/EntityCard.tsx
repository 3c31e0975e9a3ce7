// The hover card: who or what the mention is, the facts we hold about it, and ways to go further.
// A non-modal dialog (it holds buttons), labelled by the entity's name.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import type { CardData } from '@/lib/kb/card';
import type { Lang } from '@/lib/kb/format';
import type { OwnCard } from '@/lib/messages/background';
import { FactList } from '../facts/FactList';
import { OwnSection, type SaveNote } from './OwnSection';
import { ownCss } from './own-css';
import { PrivateRoot } from './PrivateRoot';

/** Facts shown before "Show more": enough to be useful, few enough to stay a glance. */
export const CARD_FACTS = 3;

export interface EntityCardProps {
  data: CardData;
  lang: Lang;
  pinned: ReadonlySet<string>;
  /** Message after a failed pin, shown in a live region. */
  status?: string;
  canGoBack: boolean;
  onPin(factId: string): void;
  onOpenRelated(entityId: string): void;
  onBack(): void;
  onClose(): void;
  onOpenSidePanel(): void;
  onToggleLang(): void;
  /** The page's link at the mention (http or https only), when a tap opened the card instead. */
  link?: string | null;
  /** What only the reader knows (their notes, their entry): rendered in a closed shadow root. */
  own?: OwnCard;
  /** The sentence where the reader met the entity, kept with a new note. */
  quote?: string;
  onAddNote?: SaveNote;
  onUpdateNote?(id: string, text: string): Promise<string | null>;
}

export function EntityCard(props: EntityCardProps) {
  const { data, lang, pinned } = props;
  const { entity, facts, related, names, source } = data;
  const [expanded, setExpanded] = useState(false);
  const [adding, setAdding] = useState(false);
  const headingId = `fl-title-${entity.id}`;
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    setExpanded(false);
    setAdding(false);
  }, [entity.id]);
  const userEntry = props.own?.entry;
  const onAddNote = props.onAddNote;

  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const shown = expanded ? facts : facts.slice(0, CARD_FACTS);
  const secondName = entity.name[other] !== entity.name[lang] ? entity.name[other] : null;

  return (
    <div
      class="fl-card"
      role="dialog"
      aria-modal="false"
      aria-labelledby={headingId}
      lang={lang === 'zh' ? 'zh-CN' : 'en'}
    >
      <header class="fl-card-head">
        <div class="fl-card-title">
          <span class="fl-type">{t(`type_${entity.type}`)}</span>
          <h2 id={headingId} ref={titleRef} tabIndex={-1}>
            {entity.name[lang]}
            {secondName && <span class="fl-name-other"> {secondName}</span>}
          </h2>
        </div>
        <div class="fl-card-tools">
          {props.canGoBack && (
            <button type="button" class="fl-btn fl-btn-ghost" onClick={props.onBack} aria-label={t('back')}>
              ←
            </button>
          )}
          <button
            type="button"
            class="fl-btn fl-btn-ghost fl-lang"
            onClick={props.onToggleLang}
            aria-label={lang === 'zh' ? t('showInEnglish') : t('showInChinese')}
            title={lang === 'zh' ? t('showInEnglish') : t('showInChinese')}
          >
            {lang === 'zh' ? 'EN' : '中'}
          </button>
          <button type="button" class="fl-btn fl-btn-ghost" onClick={props.onClose} aria-label={t('close')}>
            ×
          </button>
        </div>
      </header>
      <div class="fl-card-body">
        {entity.summary[lang] && <p class="fl-summary">{entity.summary[lang]}</p>}
        {onAddNote && (
          <PrivateRoot css={ownCss}>
            <OwnSection
              own={props.own}
              lang={lang}
              adding={adding}
              quote={props.quote ?? ''}
              onAdd={async (text) => {
                const error = await onAddNote(text);
                if (!error) setAdding(false);
                return error;
              }}
              onCancelAdd={() => setAdding(false)}
              onUpdate={props.onUpdateNote ?? (async () => null)}
            />
          </PrivateRoot>
        )}
        {userEntry && shown.length === 0 ? null : shown.length > 0 ? (
          <FactList
            facts={shown}
            lang={lang}
            names={names}
            sections={source.sections}
            pinned={pinned}
            onPin={props.onPin}
          />
        ) : (
          <p class="fl-empty">{t('noFacts')}</p>
        )}
        {facts.length > CARD_FACTS && (
          <button type="button" class="fl-btn fl-btn-link" onClick={() => setExpanded(!expanded)}>
            {expanded ? t('fewerFacts') : t('moreFacts', facts.length - CARD_FACTS)}
          </button>
        )}
        {related.length > 0 && (
          <nav class="fl-related" aria-label={t('related')}>
            <span class="fl-related-label">{t('related')}</span>
            {related.map((r) => (
              <button
                key={r.id}
                type="button"
                class="fl-chip"
                onClick={() => props.onOpenRelated(r.id)}
                aria-label={t('openRelated', r.name[lang])}
              >
                {r.name[lang]}
              </button>
            ))}
          </nav>
        )}
        <p class="fl-status" role="status" aria-live="polite">
          {props.status ?? ''}
        </p>
      </div>
      <footer class="fl-card-foot">
        <span class="fl-source">
          {userEntry
            ? userEntry.packName
              ? t('ownFromPack', userEntry.packName)
              : t('userEntryNoFacts')
            : t('sourceLine', source.title[lang], source.author, source.date)}
        </span>
        {onAddNote && !adding && (
          <button
            type="button"
            class="fl-btn"
            onClick={() => setAdding(true)}
            aria-label={t('addNoteLabel', entity.name[lang])}
          >
            {t('addNote')}
          </button>
        )}
        {props.link && (
          <a class="fl-btn" href={props.link} rel="noopener noreferrer">
            {t('followLink')}
          </a>
        )}
        <button type="button" class="fl-btn fl-btn-primary" onClick={props.onOpenSidePanel}>
          {t('openInSidePanel')}
        </button>
      </footer>
    </div>
  );
}
