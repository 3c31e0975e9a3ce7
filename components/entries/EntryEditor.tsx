// The form for one of the reader's entries, new or edited, in the options page and the side panel.
// The guard checks every alias as the reader types: refused ones say why and hold Save back, one a
// built-in entry also uses asks which entry wins. Save asks the background; a failure is shown
// with the form kept as typed.
import Fuse from 'fuse.js';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type MessageKey, t, tn } from '@/components/i18n';
import { cards, kb } from '@/components/sidepanel/kb';
import { ENTITY_TYPES } from '@/lib/kb/vocab';
import { type AliasVerdict, builtInAliasIndex, checkAliases } from '@/lib/knowledge/guard';
import { KNOWLEDGE_LIMITS, type KnowledgeState, nameIn, type UserEntity } from '@/lib/knowledge/schema';
import type { KnowledgeWriteResult } from '@/lib/messages/background';
import { askKnowledge, type KnowledgeRequest } from '../shared/use-knowledge';
import {
  type AliasRow,
  draftAliases,
  type EntryForm,
  emptyForm,
  entityInput,
  failureText,
  formFromEntity,
  formProblems,
  MAX_ALIAS_ROWS,
  prefers,
  refused,
  togglePrefer,
  verdictsFor,
  verdictText,
} from './editor-model';
import entriesCss from './entries.css?inline';

const BUILT_IN_ALIASES = builtInAliasIndex(kb.entities);
const CSS_ID = 'fl-entries-css';

/** Adds the entries' styles to the page once (the options page and the side panel share them). */
export function useEntriesCss(): void {
  useLayoutEffect(() => {
    if (document.getElementById(CSS_ID)) return;
    const style = document.createElement('style');
    style.id = CSS_ID;
    style.textContent = entriesCss;
    document.head.append(style);
  }, []);
}

/** An entry's name, the reader's or a built-in one, in the wanted language; its id if unknown. */
export function entryName(id: string, entities: readonly UserEntity[], lang: 'en' | 'zh'): string {
  const own = entities.find((e) => e.id === id);
  if (own) return nameIn(own.name, lang) || id;
  return cards.entity(id)?.name[lang] ?? id;
}

/** Whether an id names an entry Factlens knows (a built-in one or the reader's). */
export function isKnownEntry(id: string, entities: readonly UserEntity[]): boolean {
  return cards.entity(id) !== undefined || entities.some((e) => e.id === id);
}

export interface EntryEditorProps {
  /** The entry being edited; absent for a new one. */
  entity?: UserEntity;
  /** A new entry's name, e.g. the text selected on a page. */
  initialName?: string;
  /** The reader's knowledge as stored: other entries for the guard and the related picker. */
  state: KnowledgeState;
  lang: 'en' | 'zh';
  readOnly?: boolean;
  /** The heading level where the editor sits. */
  level?: 2 | 3;
  onSaved(entity: UserEntity): void;
  onCancel(): void;
  /** The background by default; tests pass their own. */
  ask?: (request: KnowledgeRequest) => Promise<KnowledgeWriteResult>;
}

interface SaveFailure {
  text: string;
  verdicts: AliasVerdict[];
}

let rowKeys = 0;

export function EntryEditor(props: EntryEditorProps) {
  const { entity, state, lang, readOnly = false } = props;
  useEntriesCss();
  const uid = useId();
  const id = (part: string) => `${uid}-${part}`;
  const [form, setForm] = useState<EntryForm>(() =>
    entity ? formFromEntity(entity) : emptyForm(props.initialName ?? ''),
  );
  const [keys, setKeys] = useState<number[]>(() => form.aliases.map(() => ++rowKeys));
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const nameEnRef = useRef<HTMLInputElement>(null);
  const nameZhRef = useRef<HTMLInputElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    // The name the reader has to fill (or check) first.
    (form.nameZh && !form.nameEn ? nameZhRef : nameEnRef).current?.focus();
  }, []);
  useEffect(() => {
    if (focusRow === null) return;
    const row = formRef.current?.querySelector<HTMLInputElement>(
      `[data-alias-row="${focusRow}"] input[name="alias"]`,
    );
    (row ?? addRef.current)?.focus();
    setFocusRow(null);
  }, [focusRow]);

  const verdicts = useMemo(
    () =>
      checkAliases(
        { id: entity?.id ?? '', aliases: draftAliases(form) },
        { builtIn: BUILT_IN_ALIASES, others: state.entities },
      ),
    [form.nameEn, form.nameZh, form.aliases, state.entities, entity?.id],
  );
  const blocking = refused(verdicts);
  const problems = formProblems(form);
  const nameOf = (other: string) => entryName(other, state.entities, lang);
  const editing = entity !== undefined;
  const title = editing ? t('entryEditTitle', nameIn(entity.name, lang)) : t('entryNew');

  const set = <K extends keyof EntryForm>(key: K, value: EntryForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const setRow = (index: number, patch: Partial<AliasRow>) =>
    setForm((f) => ({ ...f, aliases: f.aliases.map((a, i) => (i === index ? { ...a, ...patch } : a)) }));
  const addRow = () => {
    if (form.aliases.length >= MAX_ALIAS_ROWS) return;
    setForm((f) => ({ ...f, aliases: [...f.aliases, { text: '', caseSensitive: false }] }));
    setKeys((k) => [...k, ++rowKeys]);
    setFocusRow(form.aliases.length);
  };
  const removeRow = (index: number) => {
    setForm((f) => ({ ...f, aliases: f.aliases.filter((_, i) => i !== index) }));
    setKeys((k) => k.filter((_, i) => i !== index));
    // Focus stays in the list: the row that moved up, else the one before, else "Add an alias".
    const left = form.aliases.length - 1;
    setFocusRow(left === 0 ? -1 : Math.min(index, left - 1));
  };
  const onPrefer = (alias: string, mine: boolean) => set('prefer', togglePrefer(form.prefer, alias, mine));

  const submit = async (e: Event) => {
    e.preventDefault();
    if (saving || readOnly) return;
    setTried(true);
    if (problems.length > 0) {
      nameEnRef.current?.focus();
      return;
    }
    if (blocking.length > 0) return;
    setSaving(true);
    setFailure(null);
    const ask = props.ask ?? askKnowledge;
    const result = await ask({
      type: 'entities/save',
      entity: entityInput(form, entity?.id),
      ...(entity ? { previousId: entity.id } : {}),
    });
    setSaving(false);
    if (!result.ok) {
      setFailure({ text: failureText(result), verdicts: result.verdicts ?? [] });
      return;
    }
    const saved = result.entity as UserEntity | undefined;
    if (!saved) {
      setFailure({ text: t('knowFailed_storage'), verdicts: [] });
      return;
    }
    props.onSaved(saved);
  };

  const nameError = tried && problems.includes('no-name');
  const Heading = props.level === 2 ? 'h2' : 'h3';
  const describe = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

  return (
    <form
      ref={formRef}
      class="fl-entry-editor"
      aria-labelledby={id('title')}
      data-testid="entry-editor"
      data-editing={editing ? entity.id : undefined}
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <Heading id={id('title')} class="fl-entry-title">
        {title}
      </Heading>
      <div class="fl-entry-names">
        <NameField
          inputRef={nameEnRef}
          id={id('name-en')}
          name="nameEn"
          label={t('entryNameEn')}
          lang="en"
          value={form.nameEn}
          invalid={nameError || refused(verdictsFor(form.nameEn, verdicts)).length > 0}
          describedBy={describe(id('names-hint'), nameError && id('name-error'), id('name-en-verdicts'))}
          onInput={(v) => set('nameEn', v)}
        />
        <NameField
          inputRef={nameZhRef}
          id={id('name-zh')}
          name="nameZh"
          label={t('entryNameZh')}
          lang="zh-CN"
          value={form.nameZh}
          invalid={nameError || refused(verdictsFor(form.nameZh, verdicts)).length > 0}
          describedBy={describe(id('names-hint'), nameError && id('name-error'), id('name-zh-verdicts'))}
          onInput={(v) => set('nameZh', v)}
        />
      </div>
      <p id={id('names-hint')} class="fl-muted fl-entry-hint">
        {t('entryNamesHint')}
      </p>
      {nameError && (
        <p id={id('name-error')} class="fl-entry-field-error">
          {t('entryErrorNoName')}
        </p>
      )}
      <Verdicts
        id={id('name-en-verdicts')}
        radioName={id('prefer-name-en')}
        verdicts={verdictsFor(form.nameEn, verdicts)}
        prefer={form.prefer}
        nameOf={nameOf}
        onPrefer={onPrefer}
      />
      <Verdicts
        id={id('name-zh-verdicts')}
        radioName={id('prefer-name-zh')}
        verdicts={
          // A name written the same in both fields is one alias: its verdict is shown once.
          form.nameZh.trim().toLowerCase() === form.nameEn.trim().toLowerCase()
            ? []
            : verdictsFor(form.nameZh, verdicts)
        }
        prefer={form.prefer}
        nameOf={nameOf}
        onPrefer={onPrefer}
      />

      <fieldset class="fl-entry-aliases" aria-describedby={id('aliases-hint')}>
        <legend>{t('entryAliases')}</legend>
        <p id={id('aliases-hint')} class="fl-muted fl-entry-hint">
          {t('entryAliasesHint')}
        </p>
        {form.aliases.length > 0 && (
          <ol class="fl-entry-alias-list">
            {form.aliases.map((row, i) => {
              const rowVerdicts = verdictsFor(row.text, verdicts);
              const n = i + 1;
              return (
                <li key={keys[i]} class="fl-entry-alias" data-alias-row={i}>
                  <div class="fl-entry-alias-line">
                    <label class="fl-visually-hidden" for={id(`alias-${i}`)}>
                      {t('entryAlias', n)}
                    </label>
                    <input
                      id={id(`alias-${i}`)}
                      name="alias"
                      type="text"
                      autoComplete="off"
                      spellcheck={false}
                      maxLength={KNOWLEDGE_LIMITS.alias}
                      value={row.text}
                      placeholder={t('entryAliasPlaceholder')}
                      aria-invalid={refused(rowVerdicts).length > 0 ? 'true' : 'false'}
                      aria-describedby={id(`alias-${i}-verdicts`)}
                      onInput={(e) => setRow(i, { text: e.currentTarget.value })}
                    />
                    <label class="fl-check fl-entry-exact">
                      <input
                        type="checkbox"
                        name="aliasExact"
                        checked={row.caseSensitive}
                        onChange={(e) => setRow(i, { caseSensitive: e.currentTarget.checked })}
                      />
                      {t('entryAliasExact')}
                      <span class="fl-visually-hidden"> ({t('entryAlias', n)})</span>
                    </label>
                    <button
                      type="button"
                      class="fl-btn fl-btn-small"
                      aria-label={t('entryAliasRemove', row.text.trim() || String(n))}
                      onClick={() => removeRow(i)}
                    >
                      {t('entryAliasRemoveShort')}
                    </button>
                  </div>
                  <Verdicts
                    id={id(`alias-${i}-verdicts`)}
                    radioName={id(`prefer-alias-${i}`)}
                    verdicts={rowVerdicts}
                    prefer={form.prefer}
                    nameOf={nameOf}
                    onPrefer={onPrefer}
                  />
                </li>
              );
            })}
          </ol>
        )}
        <div>
          <button
            ref={addRef}
            type="button"
            class="fl-btn fl-btn-small"
            disabled={form.aliases.length >= MAX_ALIAS_ROWS}
            onClick={addRow}
          >
            {t('entryAliasAdd')}
          </button>
        </div>
      </fieldset>

      <div class="fl-entry-field">
        <label for={id('type')}>{t('entryType')}</label>
        <select
          id={id('type')}
          name="type"
          value={form.type}
          onChange={(e) => set('type', e.currentTarget.value as EntryForm['type'])}
        >
          {[...ENTITY_TYPES]
            .map((type) => ({ type, label: t(`type_${type}` as MessageKey) }))
            .sort((a, b) => a.label.localeCompare(b.label, lang === 'zh' ? 'zh-CN' : 'en'))
            .map(({ type, label }) => (
              <option key={type} value={type}>
                {label}
              </option>
            ))}
        </select>
      </div>

      <div class="fl-entry-field">
        <label for={id('summary-en')}>{t('entrySummaryEn')}</label>
        <textarea
          id={id('summary-en')}
          name="summaryEn"
          lang="en"
          rows={3}
          maxLength={KNOWLEDGE_LIMITS.summary}
          value={form.summaryEn}
          aria-describedby={id('summary-hint')}
          onInput={(e) => set('summaryEn', e.currentTarget.value)}
        />
      </div>
      <div class="fl-entry-field">
        <label for={id('summary-zh')}>{t('entrySummaryZh')}</label>
        <textarea
          id={id('summary-zh')}
          name="summaryZh"
          lang="zh-CN"
          rows={3}
          maxLength={KNOWLEDGE_LIMITS.summary}
          value={form.summaryZh}
          aria-describedby={id('summary-hint')}
          onInput={(e) => set('summaryZh', e.currentTarget.value)}
        />
      </div>
      <p id={id('summary-hint')} class="fl-muted fl-entry-hint">
        {t('entrySummaryHint')}
      </p>

      <RelatedPicker
        id={id('related')}
        value={form.related}
        self={entity?.id}
        state={state}
        lang={lang}
        onChange={(related) => set('related', related)}
      />

      <div class="fl-entry-field">
        <label class="fl-check">
          <input
            type="checkbox"
            name="lookupOnly"
            checked={form.lookupOnly}
            aria-describedby={id('lookup-hint')}
            onChange={(e) => set('lookupOnly', e.currentTarget.checked)}
          />
          {t('entryLookupOnly')}
        </label>
        <p id={id('lookup-hint')} class="fl-muted fl-entry-hint">
          {t('entryLookupOnlyHint')}
        </p>
      </div>

      <p id={id('blocked')} class="fl-entry-blocked fl-live" role="status">
        {blocking.length > 0 ? tn('entryBlocked', blocking.length) : ''}
      </p>
      <div id={id('failure')} class="fl-entry-failure fl-live" role="alert">
        {failure && (
          <>
            <p>{failure.text}</p>
            {failure.verdicts.length > 0 && (
              <ul>
                {failure.verdicts.map((v) => (
                  <li key={`${v.alias}-${v.problem}`}>{verdictText(v, nameOf)}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
      {readOnly && <p class="fl-muted">{t('knowReadOnly')}</p>}
      <div class="fl-row fl-entry-actions">
        <button
          type="submit"
          class="fl-btn fl-btn-primary"
          disabled={saving || readOnly || blocking.length > 0}
          aria-describedby={describe(blocking.length > 0 && id('blocked'), failure !== null && id('failure'))}
        >
          {saving ? t('entrySaving') : t('entrySave')}
        </button>
        <button type="button" class="fl-btn" onClick={props.onCancel}>
          {t('entryCancel')}
        </button>
      </div>
    </form>
  );
}

function NameField(props: {
  inputRef: { current: HTMLInputElement | null };
  id: string;
  name: string;
  label: string;
  lang: string;
  value: string;
  invalid: boolean;
  describedBy: string | undefined;
  onInput(value: string): void;
}) {
  return (
    <div class="fl-entry-field">
      <label for={props.id}>{props.label}</label>
      <input
        ref={props.inputRef}
        id={props.id}
        name={props.name}
        type="text"
        lang={props.lang}
        autoComplete="off"
        maxLength={KNOWLEDGE_LIMITS.name}
        value={props.value}
        aria-invalid={props.invalid ? 'true' : 'false'}
        aria-describedby={props.describedBy}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </div>
  );
}

/** The guard's verdicts about one field, and the choice of winner where a built-in entry clashes. */
function Verdicts(props: {
  id: string;
  radioName: string;
  verdicts: AliasVerdict[];
  prefer: readonly string[];
  nameOf(id: string): string;
  onPrefer(alias: string, mine: boolean): void;
}) {
  return (
    <div id={props.id} class="fl-entry-verdicts fl-live" aria-live="polite">
      {props.verdicts.map((v, i) => {
        const mine = prefers(props.prefer, v.alias);
        const name = `${props.radioName}-${i}`;
        return (
          <div
            key={`${v.problem}-${v.alias}`}
            class={`fl-entry-verdict fl-entry-verdict-${v.level}`}
            data-level={v.level}
            data-problem={v.problem}
          >
            <p>{verdictText(v, props.nameOf)}</p>
            {v.problem === 'builtin-conflict' && (
              <fieldset class="fl-entry-prefer">
                <legend class="fl-visually-hidden">{t('entryConflictChoice', v.alias)}</legend>
                <label class="fl-radio">
                  <input
                    type="radio"
                    name={name}
                    value="built-in"
                    checked={!mine}
                    onChange={() => props.onPrefer(v.alias, false)}
                  />
                  {t('entryBuiltInWins')}
                </label>
                <label class="fl-radio">
                  <input
                    type="radio"
                    name={name}
                    value="mine"
                    checked={mine}
                    onChange={() => props.onPrefer(v.alias, true)}
                  />
                  {t('entryMineWins')}
                </label>
              </fieldset>
            )}
          </div>
        );
      })}
    </div>
  );
}

interface Candidate {
  id: string;
  names: string[];
  aliases: string[];
  own: boolean;
}

const SUGGESTIONS = 8;

/** Related entries: chips, and a combobox that suggests built-in entries and the reader's own. */
function RelatedPicker(props: {
  id: string;
  value: string[];
  self: string | undefined;
  state: KnowledgeState;
  lang: 'en' | 'zh';
  onChange(related: string[]): void;
}) {
  const { id, value, state, lang } = props;
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const fuse = useMemo(() => {
    const candidates: Candidate[] = [
      ...state.entities
        .filter((e) => e.id !== props.self)
        .map((e) => ({
          id: e.id,
          names: [e.name.en, e.name.zh].filter((n): n is string => Boolean(n)),
          aliases: e.aliases.map((a) => a.text),
          own: true,
        })),
      ...kb.entities.map((e) => ({
        id: e.id,
        names: [e.name.en, e.name.zh],
        aliases: e.aliases,
        own: false,
      })),
    ];
    return new Fuse(candidates, {
      keys: [
        { name: 'names', weight: 2 },
        { name: 'aliases', weight: 1 },
      ],
      threshold: 0.3,
      ignoreLocation: true,
    });
  }, [state.entities, props.self]);
  const q = query.trim();
  const results = useMemo(
    () =>
      q
        ? fuse
            .search(q, { limit: SUGGESTIONS + value.length })
            .map((r) => r.item)
            .filter((c) => !value.includes(c.id))
            .slice(0, SUGGESTIONS)
        : [],
    [q, fuse, value],
  );
  const full = value.length >= KNOWLEDGE_LIMITS.related;
  const shown = open && q !== '' && !full;
  const activeIndex = Math.min(active, Math.max(results.length - 1, 0));

  const choose = (c: Candidate | undefined) => {
    if (!c) return;
    props.onChange([...value, c.id]);
    setQuery('');
    setOpen(false);
    setActive(0);
    inputRef.current?.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) return setOpen(true);
      const n = results.length;
      if (n) setActive((activeIndex + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (e.key === 'Enter') {
      // Enter picks a suggestion; it never submits the entry from here.
      e.preventDefault();
      if (shown) choose(results[activeIndex]);
    } else if (e.key === 'Escape' && shown) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <div class="fl-entry-field fl-entry-related">
      <span id={`${id}-label`} class="fl-entry-label">
        {t('entryRelated')}
      </span>
      {value.length > 0 && (
        <ul class="fl-entry-chips" aria-labelledby={`${id}-label`}>
          {value.map((r) => {
            const name = entryName(r, state.entities, lang);
            return (
              <li key={r} class="fl-entry-chip" data-related={r}>
                <span>{name}</span>
                <button
                  type="button"
                  class="fl-btn fl-btn-ghost fl-btn-small"
                  aria-label={t('entryRelatedRemove', name)}
                  onClick={() => {
                    props.onChange(value.filter((x) => x !== r));
                    inputRef.current?.focus();
                  }}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <label for={id} class="fl-visually-hidden">
        {t('entryRelatedSearch')}
      </label>
      <div class="fl-entry-combo">
        <input
          ref={inputRef}
          id={id}
          name="relatedSearch"
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={shown && results.length > 0 ? 'true' : 'false'}
          aria-controls={`${id}-list`}
          aria-activedescendant={shown && results.length > 0 ? `${id}-opt-${activeIndex}` : undefined}
          aria-describedby={`${id}-status`}
          placeholder={t('entryRelatedPlaceholder')}
          disabled={full}
          value={query}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            setOpen(true);
            setActive(0);
          }}
          onKeyDown={onKey}
          onBlur={() => setOpen(false)}
          onFocus={() => setOpen(true)}
        />
        <div
          id={`${id}-list`}
          role="listbox"
          class="fl-entry-suggestions"
          aria-label={t('entryRelatedSearch')}
          hidden={!shown || results.length === 0}
        >
          {shown &&
            results.map((c, i) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox's input handles the keys (WAI-ARIA combobox pattern)
              <div
                key={c.id}
                id={`${id}-opt-${i}`}
                role="option"
                tabIndex={-1}
                aria-selected={i === activeIndex ? 'true' : 'false'}
                class="fl-entry-suggestion"
                data-entity-id={c.id}
                // Keeps the focus in the input, so the click lands before its blur closes the list.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(c)}
              >
                <span>{entryName(c.id, state.entities, lang)}</span>
                <span class="fl-muted">{c.own ? t('entryOwnLabel') : t('entryBuiltInLabel')}</span>
              </div>
            ))}
        </div>
      </div>
      <p id={`${id}-status`} class="fl-muted fl-entry-hint fl-live" aria-live="polite">
        {full
          ? t('entryRelatedFull', KNOWLEDGE_LIMITS.related)
          : shown && results.length === 0
            ? t('entryRelatedNone', q)
            : ''}
      </p>
    </div>
  );
}

export { entriesCss };
