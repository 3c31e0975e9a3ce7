// One pin on the desk: its fact as the cards show it, the sentence it was met in, the page it was
// pinned from, and its note and tags edited in place. A failed write says why, beside the field,
// and the fields go back to what is stored.
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import type { Lang } from '@/lib/kb/format';
import { pinCitation } from '@/lib/pins/export';
import { PIN_LIMITS, type Pin } from '@/lib/pins/schema';
import { FactItem } from '../facts/FactItem';
import { cards, kb } from '../sidepanel/kb';
import type { PinResult } from '../sidepanel/use-pins';
import { domId, parseTagInput, sameTags } from './desk-model';
import { EditStatus, TagsField } from './edit-fields';
import { pinFailure } from './failures';

export interface PinItemProps {
  pin: Pin;
  lang: Lang;
  readOnly: boolean;
  onUpdate(patch: { note?: string; tags?: string[] }): Promise<PinResult>;
  onStatus(message: string): void;
  onDelete(): void;
}

export function PinItem({ pin, lang, readOnly, onUpdate, onStatus, onDelete }: PinItemProps) {
  const fact = cards.fact(pin.factId);
  const [note, setNote] = useState(pin.note);
  const [tags, setTags] = useState(pin.tags.join(', '));
  const [error, setError] = useState('');
  const tagKey = pin.tags.join('\n');
  useEffect(() => setNote(pin.note), [pin.note]);
  useEffect(() => setTags(pin.tags.join(', ')), [tagKey]);
  if (!fact) return null;

  const save = async (patch: { note?: string; tags?: string[] }) => {
    const result = await onUpdate(patch);
    if (result.ok) {
      setError('');
      onStatus(t('pinsSaved'));
      return;
    }
    // Nothing was saved: show why, and show what is stored.
    setError(pinFailure(result, 'deskSaveFailed'));
    setNote(pin.note);
    setTags(pin.tags.join(', '));
  };
  const saveNote = () => {
    if (note !== pin.note) void save({ note });
  };
  const saveTags = () => {
    const next = parseTagInput(tags, PIN_LIMITS.tags, PIN_LIMITS.tag);
    if (!sameTags(next, pin.tags)) void save({ tags: next });
    else setTags(pin.tags.join(', '));
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(pinCitation(pin, kb, lang));
      onStatus(t('pinsCopied'));
    } catch {
      setError(t('pinsCopyFailed'));
    }
  };
  const when = new Date(pin.pinnedAt).toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en');
  const noteId = domId('note', pin.id);
  const hintId = domId('pin-hint', pin.id);
  const errorId = domId('pin-error', pin.id);
  const described = [hintId, error ? errorId : ''].filter(Boolean).join(' ');

  return (
    <FactItem
      fact={fact}
      lang={lang}
      names={cards.namesFor([fact])}
      section={kb.source.sections[fact.section]}
    >
      <div class="fl-pin-meta" data-pin={pin.id}>
        {pin.quote && (
          <blockquote class="fl-quote" aria-label={t('deskQuote')}>
            {pin.quote}
          </blockquote>
        )}
        <p class="fl-muted">
          {/^https?:\/\//i.test(pin.url) ? (
            <a href={pin.url} target="_blank" rel="noreferrer">
              {t('pinsFrom', pin.title || pin.url, when)}
            </a>
          ) : (
            t('pinsFrom', pin.title || 'Factlens', when)
          )}
        </p>
        <label for={noteId} class="fl-visually-hidden">
          {t('pinsNote')}
        </label>
        <textarea
          id={noteId}
          class="fl-note"
          rows={2}
          placeholder={t('pinsNotePlaceholder')}
          value={note}
          readOnly={readOnly}
          maxLength={PIN_LIMITS.note}
          aria-describedby={described}
          aria-invalid={error ? 'true' : undefined}
          onInput={(e) => setNote(e.currentTarget.value)}
          onBlur={saveNote}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && note !== pin.note) {
              e.preventDefault();
              setNote(pin.note);
            } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              saveNote();
            }
          }}
        />
        <TagsField
          value={tags}
          stored={pin.tags.join(', ')}
          readOnly={readOnly}
          describedBy={described}
          onInput={setTags}
          onSave={saveTags}
        />
        <EditStatus hintId={hintId} errorId={errorId} error={error} />
        <div class="fl-row">
          <button type="button" class="fl-btn fl-btn-small" onClick={() => void copy()}>
            {t('pinsCopyCitation')}
          </button>
          <button type="button" class="fl-btn fl-btn-small" disabled={readOnly} onClick={onDelete}>
            {t('pinsDelete')}
          </button>
        </div>
      </div>
    </FactItem>
  );
}
