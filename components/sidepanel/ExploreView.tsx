// Explore: fuzzy search across the whole fact index in either language, using the search index
// prebuilt at build time; with no query, every entry by type. Works with no page open.
import { useMemo } from 'preact/hooks';
import { type MessageKey, t, tn } from '@/components/i18n';
import searchIndexJson from '@/generated/search-index.json';
import type { Lang } from '@/lib/kb/format';
import { ENTITY_TYPES } from '@/lib/kb/schema';
import { createSearch } from '@/lib/kb/search';
import { FactItem } from '../facts/FactItem';
import { cards, kb } from './kb';
import type { PinsApi } from './use-pins';

const search = createSearch(kb, searchIndexJson as never);
const RESULT_LIMIT = 30;

export interface ExploreViewProps {
  lang: Lang;
  query: string;
  onQuery(q: string): void;
  onOpenEntity(id: string): void;
  pins: PinsApi;
}

export function ExploreView({ lang, query, onQuery, onOpenEntity, pins }: ExploreViewProps) {
  const results = useMemo(() => (query.trim() ? search.search(query.trim(), RESULT_LIMIT) : []), [query]);
  const entities = results.flatMap((r) => (r.kind === 'entity' ? [r] : []));
  const facts = results.flatMap((r) => (r.kind === 'fact' ? [r] : []));
  const { source } = kb;

  return (
    <div class="fl-explore">
      <label class="fl-visually-hidden" for="explore-q">
        {t('exploreLabel')}
      </label>
      <input
        id="explore-q"
        class="fl-search"
        type="search"
        autoComplete="off"
        placeholder={t('explorePlaceholder')}
        value={query}
        onInput={(e) => onQuery(e.currentTarget.value)}
      />
      {query.trim() ? (
        <section aria-live="polite" aria-label={tn('exploreResults', results.length)}>
          {results.length === 0 && <p class="fl-empty-state">{t('exploreNoResults', query)}</p>}
          {entities.length > 0 && (
            <section aria-labelledby="res-entities">
              <h2 id="res-entities">{t('exploreEntities')}</h2>
              <ul class="fl-entity-list">
                {entities.map((r) => {
                  const e = r.entity;
                  return (
                    <li key={r.id}>
                      <button type="button" class="fl-entity-row" onClick={() => onOpenEntity(r.id)}>
                        <span class="fl-entity-name">{e.name[lang]}</span>
                        <span class="fl-type">{t(`type_${e.type}` as MessageKey)}</span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            </section>
          )}
          {facts.length > 0 && (
            <section aria-labelledby="res-facts">
              <h2 id="res-facts">{t('exploreFacts')}</h2>
              <ul class="fl-facts">
                {facts.map(({ fact }) => {
                  const main = fact.entities[0];
                  return (
                    <FactItem
                      key={fact.id}
                      fact={fact}
                      lang={lang}
                      names={cards.namesFor([fact])}
                      section={source.sections[fact.section]}
                      pinned={pins.pinnedFacts.has(fact.id)}
                      onPin={() => void pins.pinFromPanel(fact.id, main ?? '')}
                    >
                      {fact.entities.slice(0, 4).map((id) => (
                        <button key={id} type="button" class="fl-chip" onClick={() => onOpenEntity(id)}>
                          {cards.entity(id)?.name[lang] ?? id}
                        </button>
                      ))}
                    </FactItem>
                  );
                })}
              </ul>
            </section>
          )}
        </section>
      ) : (
        <Browse lang={lang} onOpenEntity={onOpenEntity} />
      )}
      <p class="fl-muted fl-source-note">
        {t('exploreSource', source.title[lang], source.author, source.publisher[lang], source.date)}
      </p>
    </div>
  );
}

function Browse({ lang, onOpenEntity }: { lang: Lang; onOpenEntity(id: string): void }) {
  return (
    <div class="fl-browse">
      <p class="fl-muted">{t('exploreBrowse', kb.entities.length)}</p>
      {ENTITY_TYPES.map((type) => {
        const items = kb.entities
          .filter((e) => e.type === type)
          .sort((a, b) => a.name[lang].localeCompare(b.name[lang], lang === 'zh' ? 'zh-CN' : 'en'));
        if (items.length === 0) return null;
        return (
          <section key={type} aria-labelledby={`browse-${type}`}>
            <h2 id={`browse-${type}`}>{t(`type_${type}` as MessageKey)}</h2>
            <div class="fl-chips">
              {items.map((e) => (
                <button key={e.id} type="button" class="fl-chip" onClick={() => onOpenEntity(e.id)}>
                  {e.name[lang]}
                </button>
              ))}
            </div>
          </section>
        );
      })}
    </div>
  );
}
