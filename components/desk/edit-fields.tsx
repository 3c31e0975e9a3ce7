// Fields a desk item edits in place, shared by pins and notes: the tags input (saved on Enter or
// on leaving, Esc puts back what is stored) and the hint and error that describe both fields.
import { t } from '@/components/i18n';

export function TagsField(props: {
  value: string;
  stored: string;
  readOnly: boolean;
  describedBy: string;
  class?: string;
  onInput(value: string): void;
  onSave(): void;
}) {
  return (
    <label class="fl-tags">
      <span class="fl-visually-hidden">{t('pinsTags')}</span>
      <input
        type="text"
        {...(props.class ? { class: props.class } : {})}
        placeholder={t('pinsTags')}
        value={props.value}
        readOnly={props.readOnly}
        aria-describedby={props.describedBy}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        onBlur={props.onSave}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            props.onSave();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            props.onInput(props.stored);
          }
        }}
      />
    </label>
  );
}

export function EditStatus(props: { hintId: string; errorId: string; error: string }) {
  return (
    <>
      <span id={props.hintId} class="fl-visually-hidden">
        {t('deskEditHint')}
      </span>
      {props.error && (
        <p id={props.errorId} class="fl-item-error" role="alert">
          {props.error}
        </p>
      )}
    </>
  );
}
