// The options page's "Your entries": every entry the reader has (their own and the imported
// packs'), edited in place, deleted with an undo. The list is the live reader's, so it always shows
// what is stored.
import { useEffect, useRef, useState } from 'preact/hooks';
import { type MessageKey, t, tn } from '@/components/i18n';
import { type Note, nameIn, type UserEntity } from '@/lib/knowledge/schema';
import type { KnowledgeApi } from '../shared/use-knowledge';
import { EntryEditor, useEntriesCss } from './EntryEditor';
import { failureText, sourceLabel } from './editor-model';

type Lang = 'en' | 'zh';

interface Removed {
  entities: UserEntity[];
  notes: Note[];
}

const byName = (lang: Lang) => (a: UserEntity, b: UserEntity) =>
  nameIn(a.name, lang).localeCompare(nameIn(b.name, lang), lang === 'zh' ? 'zh-CN' : 'en') ||
  (a.id < b.id ? -1 : 1);

export function EntriesSection({ knowledge, lang }: { knowledge: KnowledgeApi; lang: Lang }) {
  useEntriesCss();
  const { view, loaded, ask } = knowledge;
  const { state, readOnly } = view;
  const [editing, setEditing] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [undo, setUndo] = useState<Removed | null>(null);
  /** A selector to focus once the list has been drawn again (after a save, a delete, an undo). */
  const [focus, setFocus] = useState<string | null>(null);
  const sectionRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!focus) return;
    const el = sectionRef.current?.querySelector<HTMLElement>(focus);
    if (el) {
      el.focus();
      setFocus(null);
    }
  });

  const entries = [...state.entities].sort(byName(lang));
  const noteCount = (id: string) => state.notes.filter((n) => n.entity === id).length;

  const done = (text: string) => {
    setError('');
    setStatus(text);
  };
  const failed = (text: string) => {
    setStatus('');
    setError(text);
  };

  const remove = async (entity: UserEntity) => {
    const name = nameIn(entity.name, lang);
    const result = await ask({ type: 'entities/remove', ids: [entity.id] });
    if (!result.ok) return failed(failureText(result));
    const removed = (result.removed as Removed | undefined) ?? { entities: [], notes: [] };
    setUndo(removed.entities.length ? removed : null);
    if (editing === entity.id) setEditing(null);
    done(
      removed.notes.length
        ? tn('entriesDeletedWithNotes', removed.notes.length, name)
        : t('entriesDeleted', name),
    );
    setFocus(removed.entities.length ? '[data-action="undo-entry"]' : '[data-action="new-entry"]');
  };

  const restore = async () => {
    if (!undo) return;
    const result = await ask({ type: 'entities/restore', entities: undo.entities, notes: undo.notes });
    if (!result.ok) return failed(failureText(result));
    const first = undo.entities[0];
    setUndo(null);
    done(t('entriesRestored'));
    setFocus(first ? `[data-entry-id="${first.id}"] [data-action="edit"]` : '[data-action="new-entry"]');
  };

  const saved = (entity: UserEntity) => {
    setEditing(null);
    setUndo(null);
    done(t('entriesSaved', nameIn(entity.name, lang)));
    setFocus(`[data-entry-id="${entity.id}"] [data-action="edit"]`);
  };

  return (
    <section id="entries" ref={sectionRef} aria-labelledby="entries-h" aria-busy={loaded ? 'false' : 'true'}>
      <h2 id="entries-h">{t('entriesHeading')}</h2>
      <p class="fl-muted">{t('entriesIntro')}</p>
      {readOnly && (
        <p class="fl-error" role="alert">
          {t('knowReadOnly')}
          {view.readOnlyReason ? ` (${view.readOnlyReason})` : ''}
        </p>
      )}
      {view.problems.length > 0 && (
        <div class="fl-error" role="alert">
          <p>{t('knowProblems')}</p>
          <ul>
            {view.problems.slice(0, 10).map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {editing === 'new' ? (
        <EntryEditor
          state={state}
          lang={lang}
          readOnly={readOnly}
          onSaved={saved}
          onCancel={() => {
            setEditing(null);
            setFocus('[data-action="new-entry"]');
          }}
        />
      ) : (
        <div>
          <button
            type="button"
            class="fl-btn fl-btn-primary"
            data-action="new-entry"
            disabled={readOnly}
            onClick={() => {
              setEditing('new');
              setStatus('');
              setError('');
            }}
          >
            {t('entryNew')}
          </button>
        </div>
      )}
      <div class="fl-entry-status" role="status">
        {status && <p>{status}</p>}
        {undo && (
          <button
            type="button"
            class="fl-btn fl-btn-small"
            data-action="undo-entry"
            disabled={readOnly}
            onClick={() => void restore()}
          >
            {t('entriesUndo')}
          </button>
        )}
      </div>
      {error && (
        <p class="fl-error" role="alert">
          {error}
        </p>
      )}
      {loaded && entries.length === 0 ? (
        <p class="fl-muted" data-testid="entries-empty">
          {t('entriesEmpty')}
        </p>
      ) : (
        <ul class="fl-entry-list" aria-label={tn('entriesListLabel', entries.length)}>
          {entries.map((entity) =>
            editing === entity.id ? (
              <li key={entity.id} data-entry-id={entity.id} data-pack={entity.pack}>
                <EntryEditor
                  entity={entity}
                  state={state}
                  lang={lang}
                  readOnly={readOnly}
                  onSaved={saved}
                  onCancel={() => {
                    setEditing(null);
                    setFocus(`[data-entry-id="${entity.id}"] [data-action="edit"]`);
                  }}
                />
              </li>
            ) : (
              <EntryRow
                key={entity.id}
                entity={entity}
                lang={lang}
                notes={noteCount(entity.id)}
                source={sourceLabel(entity.pack, state.packs)}
                readOnly={readOnly}
                onEdit={() => {
                  setEditing(entity.id);
                  setStatus('');
                  setError('');
                }}
                onDelete={() => void remove(entity)}
              />
            ),
          )}
        </ul>
      )}
      <div class="fl-privacy" id="page-can-see">
        <h3>{t('privacyHeading')}</h3>
        <p>{t('privacyText')}</p>
      </div>
    </section>
  );
}

function EntryRow(props: {
  entity: UserEntity;
  lang: Lang;
  notes: number;
  source: string;
  readOnly: boolean;
  onEdit(): void;
  onDelete(): void;
}) {
  const { entity, lang } = props;
  const name = nameIn(entity.name, lang);
  const other = nameIn(entity.name, lang === 'zh' ? 'en' : 'zh');
  return (
    <li class="fl-entry-row" data-entry-id={entity.id} data-pack={entity.pack}>
      <div class="fl-entry-row-head">
        <span>
          <span class="fl-entry-row-name">{name}</span>
          {other !== name && <span class="fl-muted"> {other}</span>}
        </span>
        <span class="fl-entry-badge">{t(`type_${entity.type}` as MessageKey)}</span>
      </div>
      <p class="fl-entry-meta">
        <span data-field="source">{props.source}</span>
        {entity.lookupOnly && <span> · {t('entryLookupOnlyShort')}</span>}
        {props.notes > 0 && <span> · {tn('entriesNotes', props.notes)}</span>}
      </p>
      {entity.aliases.length > 0 && (
        <p class="fl-entry-meta" data-field="aliases">
          {t('entriesAliases')}: {entity.aliases.map((a) => a.text).join(' · ')}
        </p>
      )}
      <div class="fl-row">
        <button
          type="button"
          class="fl-btn fl-btn-small"
          data-action="edit"
          aria-label={t('entriesEditNamed', name)}
          disabled={props.readOnly}
          onClick={props.onEdit}
        >
          {t('entriesEdit')}
        </button>
        <button
          type="button"
          class="fl-btn fl-btn-small"
          data-action="delete"
          aria-label={t('entriesDeleteNamed', name)}
          disabled={props.readOnly}
          onClick={props.onDelete}
        >
          {t('entriesDelete')}
        </button>
      </div>
    </li>
  );
}
