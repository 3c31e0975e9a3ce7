// An entity's page in the side panel: summary, every fact with its figures charted, the names it
// goes by, and related entries to follow.
import { type MessageKey, t } from '@/components/i18n';
import type { Lang } from '@/lib/kb/format';
import { FactList } from '../facts/FactList';
import { cards } from './kb';

export interface EntityPageProps {
  id: string;
  lang: Lang;
  pinnedFacts: ReadonlySet<string>;
  onPin(factId: string, entity: string): void;
  onOpenEntity(id: string): void;
  onBack(): void;
}

export function EntityPage({ id, lang, pinnedFacts, onPin, onOpenEntity, onBack }: EntityPageProps) {
  const data = cards.card(id);
  if (!data) return <p class="fl-empty-state">{t('entityNotFound')}</p>;
  const { entity, facts, related, names, source } = data;
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  return (
    <article class="fl-entity-page" aria-labelledby="entity-title">
      <button type="button" class="fl-btn fl-btn-link" onClick={onBack}>
        ← {t('back')}
      </button>
      <header>
        <span class="fl-type">{t(`type_${entity.type}` as MessageKey)}</span>
        <h2 id="entity-title" tabIndex={-1}>
          {entity.name[lang]}
          {entity.name[other] !== entity.name[lang] && (
            <span class="fl-name-other"> {entity.name[other]}</span>
          )}
        </h2>
      </header>
      <p>{entity.summary[lang]}</p>
      {entity.aliases.length > 1 && (
        <p class="fl-muted fl-aliases">
          {t('entityAliases')}: {entity.aliases.slice(0, 12).join(' · ')}
        </p>
      )}
      {related.length > 0 && (
        <nav class="fl-related" aria-label={t('entityRelated')}>
          {related.map((r) => (
            <button key={r.id} type="button" class="fl-chip" onClick={() => onOpenEntity(r.id)}>
              {r.name[lang]}
            </button>
          ))}
        </nav>
      )}
      <h3>{t('entityAllFacts', facts.length)}</h3>
      {facts.length === 0 ? (
        <p class="fl-muted">{t('noFacts')}</p>
      ) : (
        <FactList
          facts={facts}
          lang={lang}
          names={names}
          sections={source.sections}
          pinned={pinnedFacts}
          onPin={(factId) => onPin(factId, id)}
        />
      )}
    </article>
  );
}
