// An entity's page in the side panel: summary, every fact with its figures charted, the names it
// goes by, related entries to follow, and the reader's notes about it. One of the reader's own
// entries gets its own page: their description, aliases, related entries, notes and an editor.
import { useEffect, useRef, useState } from 'preact/hooks';
import { type MessageKey, t } from '@/components/i18n';
import type { Lang } from '@/lib/kb/format';
import { type KnowledgeState, type Note, nameIn, type UserEntity } from '@/lib/knowledge/schema';
import { EntryEditor, entryName, isKnownEntry, useEntriesCss } from '../entries/EntryEditor';
import { sourceLabel } from '../entries/editor-model';
import { FactList } from '../facts/FactList';
import type { KnowledgeApi } from '../shared/use-knowledge';
import { cards } from './kb';

export interface EntityPageProps {
  id: string;
  lang: Lang;
  knowledge: KnowledgeApi;
  /** The entry as this panel just saved it, until the store's change arrives. */
  saved?: UserEntity | null;
  onSaved?(entity: UserEntity): void;
  pinnedFacts: ReadonlySet<string>;
  onPin(factId: string, entity: string): void;
  onOpenEntity(id: string): void;
  onBack(): void;
}

/** The newer of the stored entry and the one just saved. */
function latest(
  stored: UserEntity | undefined,
  saved: UserEntity | null | undefined,
): UserEntity | undefined {
  if (!stored) return saved ?? undefined;
  if (!saved) return stored;
  return saved.updatedAt > stored.updatedAt ? saved : stored;
}

export function EntityPage(props: EntityPageProps) {
  const { id, lang, knowledge, pinnedFacts, onPin, onOpenEntity, onBack } = props;
  useEntriesCss();
  const { state } = knowledge.view;
  const notes = state.notes.filter((n) => n.entity === id);
  const own = latest(
    state.entities.find((e) => e.id === id),
    props.saved,
  );
  if (own) {
    return (
      <UserEntityPage
        entity={own}
        state={state}
        readOnly={knowledge.view.readOnly}
        notes={notes}
        lang={lang}
        focusTitle={props.saved?.id === id}
        onSaved={(e) => props.onSaved?.(e)}
        onOpenEntity={onOpenEntity}
        onBack={onBack}
      />
    );
  }
  const data = cards.card(id);
  if (!data) {
    return (
      <p class="fl-empty-state" aria-busy={knowledge.loaded ? 'false' : 'true'}>
        {knowledge.loaded ? t('entityNotFound') : ''}
      </p>
    );
  }
  const { entity, facts, related, names, source } = data;
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  return (
    <article class="fl-entity-page" aria-labelledby="entity-title" data-entity-id={id}>
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
      <NoteList notes={notes} lang={lang} />
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

function UserEntityPage(props: {
  entity: UserEntity;
  state: KnowledgeState;
  readOnly: boolean;
  notes: Note[];
  lang: Lang;
  focusTitle: boolean;
  onSaved(entity: UserEntity): void;
  onOpenEntity(id: string): void;
  onBack(): void;
}) {
  const { entity, state, lang, notes, onOpenEntity } = props;
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState('');
  const title = useRef<HTMLHeadingElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const [focus, setFocus] = useState<'title' | 'edit' | null>(props.focusTitle ? 'title' : null);
  useEffect(() => {
    if (editing || !focus) return;
    (focus === 'title' ? title : editButton).current?.focus();
    setFocus(null);
  }, [focus, editing]);

  if (editing) {
    return (
      <article class="fl-entity-page" data-entity-id={entity.id} data-own="true">
        <EntryEditor
          entity={entity}
          state={state}
          lang={lang}
          readOnly={props.readOnly}
          level={2}
          onSaved={(saved) => {
            props.onSaved(saved);
            setEditing(false);
            setStatus(t('mineEntrySaved'));
            setFocus('title');
          }}
          onCancel={() => {
            setEditing(false);
            setFocus('edit');
          }}
        />
      </article>
    );
  }

  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const name = nameIn(entity.name, lang);
  const otherName = nameIn(entity.name, other);
  const summary = entity.summary[lang] ?? entity.summary[other];
  return (
    <article class="fl-entity-page" aria-labelledby="entity-title" data-entity-id={entity.id} data-own="true">
      <button type="button" class="fl-btn fl-btn-link" onClick={props.onBack}>
        ← {t('back')}
      </button>
      <header>
        <span class="fl-type">{t(`type_${entity.type}` as MessageKey)}</span>{' '}
        <span class="fl-own-label" data-field="source">
          {sourceLabel(entity.pack, state.packs)}
        </span>
        <h2 id="entity-title" tabIndex={-1} ref={title}>
          {name}
          {otherName !== name && <span class="fl-name-other"> {otherName}</span>}
        </h2>
      </header>
      {summary ? (
        <>
          <p data-field="summary">{summary}</p>
          <p class="fl-muted fl-aliases">{t('mineEntryPrivate')}</p>
        </>
      ) : (
        <p class="fl-muted">{t('mineEntryNoSummary')}</p>
      )}
      {entity.lookupOnly && <p class="fl-muted">{t('mineEntryLookupOnly')}</p>}
      {entity.aliases.length > 0 && (
        <p class="fl-muted fl-aliases" data-field="aliases">
          {t('entityAliases')}: {entity.aliases.map((a) => a.text).join(' · ')}
        </p>
      )}
      {entity.related.length > 0 && (
        <nav class="fl-related" aria-label={t('entityRelated')}>
          {entity.related.map((r) =>
            isKnownEntry(r, state.entities) ? (
              <button key={r} type="button" class="fl-chip" onClick={() => onOpenEntity(r)}>
                {entryName(r, state.entities, lang)}
              </button>
            ) : (
              <span key={r} class="fl-chip fl-muted">
                {r}
              </span>
            ),
          )}
        </nav>
      )}
      <div class="fl-row">
        <button
          ref={editButton}
          type="button"
          class="fl-btn fl-btn-small"
          data-action="edit-entry"
          disabled={props.readOnly}
          onClick={() => {
            setStatus('');
            setEditing(true);
          }}
        >
          {t('mineEntryEdit')}
        </button>
        <span role="status" class="fl-muted">
          {status}
        </span>
      </div>
      <NoteList notes={notes} lang={lang} />
    </article>
  );
}

const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

/** The reader's notes about an entity, newest first: what they wrote, the quote, the page. */
function NoteList({ notes, lang }: { notes: readonly Note[]; lang: Lang }) {
  if (notes.length === 0) return null;
  const locale = lang === 'zh' ? 'zh-CN' : 'en';
  return (
    <section class="fl-own-notes-section" aria-labelledby="own-notes-h">
      <h3 id="own-notes-h">{t('mineNotesHeading', notes.length)}</h3>
      <ul class="fl-own-notes">
        {notes.map((note) => (
          <li key={note.id} class="fl-own-note" data-note-id={note.id}>
            <p>{note.text}</p>
            {note.quote && <blockquote>{note.quote}</blockquote>}
            <p class="fl-muted">
              {isWebUrl(note.url) && (
                <>
                  <a href={note.url} target="_blank" rel="noreferrer">
                    {t('mineNoteFrom', note.title || note.url)}
                  </a>
                  {' · '}
                </>
              )}
              {t('mineNoteWritten', new Date(note.createdAt).toLocaleDateString(locale))}
            </p>
            {note.tags.length > 0 && <p class="fl-muted">{note.tags.map((tag) => `#${tag}`).join(' ')}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
