// One note on the desk: the entry it is about, its text and tags edited in place, the sentence it
// was written beside, and the page. A failed write says why, beside the field, and the fields go
// back to what is stored.
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import type { Lang } from '@/lib/kb/format';
import { KNOWLEDGE_LIMITS } from '@/lib/knowledge/limits';
import type { Note } from '@/lib/knowledge/schema';
import type { KnowledgeWriteResult } from '@/lib/messages/background';
import { failureText } from '../entries/editor-model';
import { domId, parseTagInput, sameTags } from './desk-model';
import { EditStatus, TagsField } from './edit-fields';

export interface NoteItemProps {
  note: Note;
  lang: Lang;
  /** The entry's name in the desk's language (built-in or the reader's own). */
  entityName: string;
  readOnly: boolean;
  onUpdate(patch: { text?: string; tags?: string[] }): Promise<KnowledgeWriteResult>;
  onStatus(message: string): void;
  onDelete(): void;
  onOpenEntity(id: string): void;
}

export function NoteItem(props: NoteItemProps) {
  const { note, lang, entityName, readOnly, onUpdate, onStatus } = props;
  const [text, setText] = useState(note.text);
  const [tags, setTags] = useState(note.tags.join(', '));
  const [error, setError] = useState('');
  const tagKey = note.tags.join('\n');
  useEffect(() => setText(note.text), [note.text]);
  useEffect(() => setTags(note.tags.join(', ')), [tagKey]);

  const showStored = () => {
    setText(note.text);
    setTags(note.tags.join(', '));
  };
  const save = async (patch: { text?: string; tags?: string[] }) => {
    const result = await onUpdate(patch);
    if (result.ok) {
      setError('');
      onStatus(t('pinsSaved'));
      return;
    }
    // Nothing was saved: show why, and show what is stored.
    setError(failureText(result));
    showStored();
  };
  const saveText = () => {
    if (text === note.text) return;
    if (!text.trim()) {
      setError(t('noteEmpty'));
      setText(note.text);
      return;
    }
    void save({ text });
  };
  const saveTags = () => {
    const next = parseTagInput(tags, KNOWLEDGE_LIMITS.tags, KNOWLEDGE_LIMITS.tag);
    if (!sameTags(next, note.tags)) void save({ tags: next });
    else setTags(note.tags.join(', '));
  };

  const locale = lang === 'zh' ? 'zh-CN' : 'en';
  const when = new Date(note.createdAt).toLocaleDateString(locale);
  const textId = domId('note-text', note.id);
  const hintId = domId('note-hint', note.id);
  const errorId = domId('note-error', note.id);
  const described = [hintId, error ? errorId : ''].filter(Boolean).join(' ');
  const web = /^https?:\/\//i.test(note.url);

  return (
    <li class="fl-desk-note" data-note={note.id} data-entity={note.entity}>
      <div class="fl-fact-head">
        <span class="fl-kind fl-kind-note">{t('noteKind')}</span>
        <button
          type="button"
          class="fl-btn fl-btn-link fl-note-entity"
          onClick={() => props.onOpenEntity(note.entity)}
        >
          {entityName}
        </button>
      </div>
      <label for={textId} class="fl-visually-hidden">
        {t('noteText', entityName)}
      </label>
      <textarea
        id={textId}
        class="fl-note-edit"
        rows={3}
        value={text}
        readOnly={readOnly}
        maxLength={KNOWLEDGE_LIMITS.note}
        aria-describedby={described}
        aria-invalid={error ? 'true' : undefined}
        onInput={(e) => setText(e.currentTarget.value)}
        onBlur={saveText}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && text !== note.text) {
            e.preventDefault();
            setText(note.text);
          } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            saveText();
          }
        }}
      />
      <TagsField
        value={tags}
        stored={note.tags.join(', ')}
        readOnly={readOnly}
        describedBy={described}
        class="fl-note-tags"
        onInput={setTags}
        onSave={saveTags}
      />
      <EditStatus hintId={hintId} errorId={errorId} error={error} />
      {note.quote && (
        <blockquote class="fl-quote" aria-label={t('deskQuote')}>
          {note.quote}
        </blockquote>
      )}
      <p class="fl-muted fl-note-source">
        {web ? (
          <a href={note.url} target="_blank" rel="noreferrer">
            {t('noteFrom', note.title || note.url, when)}
          </a>
        ) : note.url ? (
          t('noteFrom', note.title || note.url, when)
        ) : (
          t('noteWrittenOn', when)
        )}
      </p>
      <div class="fl-row">
        <button type="button" class="fl-btn fl-btn-small" disabled={readOnly} onClick={props.onDelete}>
          {t('pinsDelete')}
        </button>
      </div>
    </li>
  );
}
