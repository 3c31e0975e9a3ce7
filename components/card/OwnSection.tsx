// The reader's own knowledge in a card: their description of their own entry, their notes about
// the entity (the latest with its quote and page, the rest one click away, each editable in
// place) and the note being written. Rendered inside the card's closed shadow root.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, tn } from '@/components/i18n';
import type { Lang } from '@/lib/kb/format';
import type { Note } from '@/lib/knowledge/schema';
import type { OwnCard } from '@/lib/messages/background';

/** A save answers null when it landed, else the message to show (the form keeps what was typed). */
export type SaveNote = (text: string) => Promise<string | null>;

export interface OwnSectionProps {
  own: OwnCard | undefined;
  lang: Lang;
  /** Writing a new note: the sentence it will keep, from the page. */
  adding: boolean;
  quote: string;
  onAdd: SaveNote;
  onCancelAdd(): void;
  onUpdate(id: string, text: string): Promise<string | null>;
}

const webLink = (url: string) => /^https?:\/\//i.test(url);

function dateOf(ms: number, lang: Lang): string {
  return new Date(ms).toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en', { dateStyle: 'medium' });
}

function NoteEditor(props: {
  label: string;
  initial: string;
  quote?: string;
  onSave: SaveNote;
  onCancel(): void;
}) {
  const [text, setText] = useState(props.initial);
  const [status, setStatus] = useState('');
  const [saving, setSaving] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => area.current?.focus(), []);
  const save = async () => {
    if (!text.trim() || saving) return;
    setSaving(true);
    const error = await props.onSave(text.trim());
    setSaving(false);
    setStatus(error ?? '');
  };
  return (
    <div class="fl-note-edit">
      <label>
        {props.label}
        <textarea
          ref={area}
          value={text}
          maxLength={5000}
          onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
            if (e.key === 'Escape') {
              // Esc leaves the editor, not the card.
              e.preventDefault();
              e.stopPropagation();
              props.onCancel();
            }
          }}
        />
      </label>
      {props.quote && <blockquote class="fl-quote">{props.quote}</blockquote>}
      <div class="fl-own-actions">
        <button
          type="button"
          class="fl-btn fl-btn-primary fl-btn-small"
          onClick={() => void save()}
          disabled={!text.trim() || saving}
        >
          {t('noteSave')}
        </button>
        <button type="button" class="fl-btn fl-btn-small" onClick={props.onCancel}>
          {t('noteCancel')}
        </button>
      </div>
      <p class="fl-own-status" role="alert">
        {status}
      </p>
    </div>
  );
}

function NoteView(props: { note: Note; lang: Lang; onUpdate: OwnSectionProps['onUpdate'] }) {
  const { note, lang } = props;
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <li class="fl-note">
        <NoteEditor
          label={t('noteEditLabel')}
          initial={note.text}
          onSave={async (text) => {
            const error = await props.onUpdate(note.id, text);
            if (!error) setEditing(false);
            return error;
          }}
          onCancel={() => setEditing(false)}
        />
      </li>
    );
  }
  return (
    <li class="fl-note">
      <p class="fl-note-text">{note.text}</p>
      {note.quote && <blockquote class="fl-quote">{note.quote}</blockquote>}
      <div class="fl-note-meta">
        <span>{dateOf(note.createdAt, lang)}</span>
        {note.url && webLink(note.url) && (
          <a href={note.url} rel="noopener noreferrer" target="_blank">
            {note.title || note.url}
          </a>
        )}
        {note.tags.map((tag) => (
          <span key={tag} class="fl-tag">
            {tag}
          </span>
        ))}
        <button
          type="button"
          class="fl-btn fl-btn-link"
          onClick={() => setEditing(true)}
          aria-label={t('noteEditOne', note.text.slice(0, 40))}
        >
          {t('noteEdit')}
        </button>
      </div>
    </li>
  );
}

export function OwnSection(props: OwnSectionProps) {
  const { own, lang } = props;
  const [all, setAll] = useState(false);
  const notes = own?.notes ?? [];
  const entry = own?.entry;
  const summary = entry ? (entry.summary[lang] ?? entry.summary[lang === 'zh' ? 'en' : 'zh']) : undefined;
  if (!entry && notes.length === 0 && !props.adding) return null;
  const shown = all ? notes : notes.slice(0, 1);
  return (
    <section class="fl-own" aria-label={t('ownSectionLabel')}>
      {entry && (
        <>
          <span class="fl-own-label">
            {entry.packName ? t('ownFromPack', entry.packName) : t('ownYourEntry')}
          </span>
          {summary && <p class="fl-own-summary">{summary}</p>}
        </>
      )}
      {props.adding && (
        <NoteEditor
          label={t('noteNewLabel')}
          initial=""
          quote={props.quote}
          onSave={props.onAdd}
          onCancel={props.onCancelAdd}
        />
      )}
      {notes.length > 0 && (
        <>
          <span class="fl-own-label">{tn('ownNotes', notes.length, notes.length)}</span>
          <ul class="fl-notes">
            {shown.map((note) => (
              <NoteView key={note.id} note={note} lang={lang} onUpdate={props.onUpdate} />
            ))}
          </ul>
          {notes.length > 1 && (
            <button type="button" class="fl-btn fl-btn-link" onClick={() => setAll(!all)} aria-expanded={all}>
              {all ? t('ownNotesFewer') : tn('ownNotesAll', notes.length, notes.length)}
            </button>
          )}
        </>
      )}
    </section>
  );
}
