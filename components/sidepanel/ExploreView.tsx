// Explore: fuzzy search across the whole fact index in either language, using the search index
// prebuilt at build time, and across the reader's own entries; with no query, every entry by type.
// Works with no page open. "New entry" opens the entry editor here.
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { type MessageKey, t, tn } from '@/components/i18n';
import searchIndexJson from '@/generated/search-index.json';
import type { Lang } from '@/lib/kb/format';
import { ENTITY_TYPES } from '@/lib/kb/schema';
import { createSearch } from '@/lib/kb/search';
import { nameIn, type UserEntity } from '@/lib/knowledge/schema';
import { EntryEditor, useEntriesCss } from '../entries/EntryEditor';
import { sourceLabel } from '../entries/editor-model';
import { createOwnSearch, mergeByScore } from '../entries/own-search';
import { FactItem } from '../facts/FactItem';
import type { KnowledgeApi } from '../shared/use-knowledge';
import { cards, kb } from './kb';
import type { PinsApi } from './use-pins';

const search = createSearch(kb, searchIndexJson as never);
const RESULT_LIMIT = 30;

/** The entry editor open in Explore, with the name it starts from; `at` tells two openings apart. */
export interface NewEntryRequest {
  text: string;
  at: number;
}

export interface ExploreViewProps {
  lang: Lang;
  query: string;
  onQuery(q: string): void;
  onOpenEntity(id: string): void;
  pins: PinsApi;
  knowledge: KnowledgeApi;
  newEntry: NewEntryRequest | null;
  onNewEntry(request: NewEntryRequest | null): void;
  onEntrySaved(entity: UserEntity): void;
}

export function ExploreView(props: ExploreViewProps) {
  const { lang, query, onQuery, onOpenEntity, pins, knowledge, newEntry } = props;
  useEntriesCss();
  const { state, readOnly } = knowledge.view;
  const newButton = useRef<HTMLButtonElement>(null);
  const ownSearch = useMemo(() => createOwnSearch(state.entities), [state.entities]);
  const results = useMemo(() => (query.trim() ? search.search(query.trim(), RESULT_LIMIT) : []), [query]);
  const own = useMemo(() => ownSearch.search(query, RESULT_LIMIT), [ownSearch, query]);
  const entities = mergeByScore(
    own,
    results.flatMap((r) => (r.kind === 'entity' ? [r] : [])),
  );
  const facts = results.flatMap((r) => (r.kind === 'fact' ? [r] : []));
  const total = results.length + own.length;
  const { source } = kb;
  // Back from the editor (Cancel), the focus returns to the button that opened it.
  const wasEditing = useRef(false);
  useEffect(() => {
    if (wasEditing.current && !newEntry) newButton.current?.focus();
    wasEditing.current = newEntry !== null;
  }, [newEntry]);

  if (newEntry) {
    return (
      <div class="fl-explore">
        <EntryEditor
          key={newEntry.at}
          initialName={newEntry.text}
          state={state}
          lang={lang}
          readOnly={readOnly}
          level={2}
          onSaved={props.onEntrySaved}
          onCancel={() => props.onNewEntry(null)}
        />
      </div>
    );
  }

  return (
    <div class="fl-explore">
      <div class="fl-explore-tools">
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
        <button
          ref={newButton}
          type="button"
          class="fl-btn"
          data-action="new-entry"
          disabled={readOnly}
          onClick={() => props.onNewEntry({ text: '', at: Date.now() })}
        >
          {t('entryNew')}
        </button>
      </div>
      {query.trim() ? (
        <section aria-live="polite" aria-label={tn('exploreResults', total)}>
          {total === 0 && <p class="fl-empty-state">{t('exploreNoResults', query)}</p>}
          {entities.length > 0 && (
            <section aria-labelledby="res-entities">
              <h2 id="res-entities">{t('exploreEntities')}</h2>
              <ul class="fl-entity-list">
                {entities.map((r) =>
                  r.kind === 'own' ? (
                    <li key={`own-${r.id}`}>
                      <button
                        type="button"
                        class="fl-entity-row"
                        data-entity-id={r.id}
                        data-own="true"
                        onClick={() => onOpenEntity(r.id)}
                      >
                        <span class="fl-entity-name">{nameIn(r.entity.name, lang)}</span>
                        <span class="fl-row-end">
                          <span class="fl-own-label">{sourceLabel(r.entity.pack, state.packs)}</span>
                          <span class="fl-type">{t(`type_${r.entity.type}` as MessageKey)}</span>
                        </span>
                      </button>
                    </li>
                  ) : (
                    <li key={r.id}>
                      <button
                        type="button"
                        class="fl-entity-row"
                        data-entity-id={r.id}
                        onClick={() => onOpenEntity(r.id)}
                      >
                        <span class="fl-entity-name">{r.entity.name[lang]}</span>
                        <span class="fl-type">{t(`type_${r.entity.type}` as MessageKey)}</span>
                      </button>
                    </li>
                  ),
                )}
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
        <Browse lang={lang} own={state.entities} onOpenEntity={onOpenEntity} />
      )}
      <p class="fl-muted fl-source-note">
        {t('exploreSource', source.title[lang], source.author, source.publisher[lang], source.date)}
      </p>
    </div>
  );
}

function Browse({
  lang,
  own,
  onOpenEntity,
}: {
  lang: Lang;
  own: readonly UserEntity[];
  onOpenEntity(id: string): void;
}) {
  const mine = [...own].sort((a, b) =>
    nameIn(a.name, lang).localeCompare(nameIn(b.name, lang), lang === 'zh' ? 'zh-CN' : 'en'),
  );
  return (
    <div class="fl-browse">
      {mine.length > 0 && (
        <section aria-labelledby="browse-own">
          <h2 id="browse-own">{t('mineEntriesHeading')}</h2>
          <div class="fl-chips">
            {mine.map((e) => (
              <button
                key={e.id}
                type="button"
                class="fl-chip"
                data-entity-id={e.id}
                data-own="true"
                onClick={() => onOpenEntity(e.id)}
              >
                {nameIn(e.name, lang)}
              </button>
            ))}
          </div>
        </section>
      )}
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
