// Pinned: the reader's collected facts, newest first or grouped by entry, with notes and tags
// edited in place, fuzzy search, filters, export and import, and delete with undo.
import Fuse from 'fuse.js';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t, tn } from '@/components/i18n';
import type { Lang } from '@/lib/kb/format';
import { pinCitation, pinsToCsv, pinsToJson, pinsToMarkdown } from '@/lib/pins/export';
import type { Pin } from '@/utils/pin-store';
import { FactItem } from '../facts/FactItem';
import { pinErrorText } from '../shared/pin-error';
import { cards, kb } from './kb';
import type { PinResult, PinsApi } from './use-pins';

type Order = 'newest' | 'entity';

function errorText(result: PinResult): string {
  return result.ok ? '' : pinErrorText(result.error);
}

export function PinsView({
  lang,
  pins,
  onOpenEntity,
}: {
  lang: Lang;
  pins: PinsApi;
  onOpenEntity(id: string): void;
}) {
  const { state } = pins;
  const [query, setQuery] = useState('');
  const [order, setOrder] = useState<Order>('newest');
  const [filter, setFilter] = useState('');
  const [status, setStatus] = useState('');
  const [undo, setUndo] = useState<Pin[] | null>(null);
  const [confirmClear, setConfirmClear] = useState(false);
  const [report, setReport] = useState<string[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const undoTimer = useRef(0);

  const fuse = useMemo(
    () =>
      new Fuse(
        state.pins.map((pin) => {
          const fact = cards.fact(pin.factId);
          const entity = cards.entity(pin.entity);
          return {
            pin,
            en: fact?.text.en ?? '',
            zh: fact?.text.zh ?? '',
            names: entity ? `${entity.name.en} ${entity.name.zh}` : pin.entity,
            note: pin.note,
            tags: pin.tags.join(' '),
            title: pin.title,
          };
        }),
        { keys: ['names', 'en', 'zh', 'note', 'tags', 'title'], ignoreLocation: true, threshold: 0.35 },
      ),
    [state.pins],
  );

  const tags = useMemo(() => [...new Set(state.pins.flatMap((p) => p.tags))].sort(), [state.pins]);
  const entityIds = useMemo(() => [...new Set(state.pins.map((p) => p.entity))], [state.pins]);

  const visible = useMemo(() => {
    let list = query.trim() ? fuse.search(query.trim()).map((r) => r.item.pin) : [...state.pins];
    if (filter.startsWith('tag:')) list = list.filter((p) => p.tags.includes(filter.slice(4)));
    if (filter.startsWith('entity:')) list = list.filter((p) => p.entity === filter.slice(7));
    if (!query.trim()) list.sort((a, b) => b.pinnedAt - a.pinnedAt);
    return list;
  }, [state.pins, query, filter, fuse]);

  useEffect(() => () => clearTimeout(undoTimer.current), []);

  const remove = async (ids: string[]) => {
    const result = await pins.remove(ids);
    if (!result.ok) return setStatus(t('pinFailed', errorText(result)));
    const removed = (result.removed as Pin[] | undefined) ?? [];
    setUndo(removed);
    setStatus(tn('pinsDeleted', removed.length));
    clearTimeout(undoTimer.current);
    undoTimer.current = window.setTimeout(() => setUndo(null), 10_000);
  };

  const clearAll = async () => {
    setConfirmClear(false);
    const result = await pins.clear();
    if (!result.ok) return setStatus(t('pinFailed', errorText(result)));
    const removed = (result.removed as Pin[] | undefined) ?? [];
    setUndo(removed);
    setStatus(tn('pinsDeleted', removed.length));
  };

  const restore = async () => {
    if (!undo) return;
    const result = await pins.restore(undo);
    setUndo(null);
    setStatus(result.ok ? t('pinsRestored') : t('pinFailed', errorText(result)));
  };

  const download = (content: string, type: string, ext: string) => {
    const stamp = new Date().toISOString().slice(0, 10);
    // A BOM lets spreadsheet apps read the CSV's Chinese text as UTF-8.
    const body = ext === 'csv' ? `\uFEFF${content}` : content;
    const url = URL.createObjectURL(new Blob([body], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `factlens-pins-${stamp}.${ext}`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const onImportFile = async (file: File | undefined) => {
    if (!file) return;
    const result = await pins.importText(await file.text());
    if (fileInput.current) fileInput.current.value = '';
    if (!result.ok) {
      setReport([]);
      return setStatus(t('pinsImportFailed', result.message ?? errorText(result)));
    }
    const rejected = (result.rejected as { index: number; reason: string }[] | undefined) ?? [];
    setStatus(t('pinsImportDone', Number(result.added ?? 0), Number(result.merged ?? 0)));
    setReport(rejected.map((r) => `#${r.index + 1}: ${r.reason}`));
  };

  const groups =
    order === 'entity'
      ? entityIds
          .map((id) => ({ id, items: visible.filter((p) => p.entity === id) }))
          .filter((g) => g.items.length > 0)
      : [{ id: '', items: visible }];

  return (
    <div class="fl-pins">
      {state.readOnly && (
        <p class="fl-banner" role="alert">
          {t('pinsReadOnly')}
        </p>
      )}
      {state.problems.length > 0 && (
        <div class="fl-banner" role="alert">
          <p>{t('pinsProblems')}</p>
          <ul>
            {state.problems.slice(0, 10).map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <div class="fl-pins-tools">
        <label class="fl-visually-hidden" for="pins-q">
          {t('pinsSearch')}
        </label>
        <input
          id="pins-q"
          class="fl-search"
          type="search"
          placeholder={t('pinsSearch')}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
        <div class="fl-row">
          <label>
            <span class="fl-visually-hidden">{t('pinsOrder')}</span>
            <select value={order} onChange={(e) => setOrder(e.currentTarget.value as Order)}>
              <option value="newest">{t('pinsSortNewest')}</option>
              <option value="entity">{t('pinsSortEntity')}</option>
            </select>
          </label>
          <label>
            <span class="fl-visually-hidden">{t('pinsFilter')}</span>
            <select value={filter} onChange={(e) => setFilter(e.currentTarget.value)}>
              <option value="">{t('pinsFilterAll')}</option>
              {tags.map((tag) => (
                <option key={tag} value={`tag:${tag}`}>
                  {t('pinsFilterTag', tag)}
                </option>
              ))}
              {entityIds.map((id) => (
                <option key={id} value={`entity:${id}`}>
                  {t('pinsFilterEntity', cards.entity(id)?.name[lang] ?? id)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <fieldset class="fl-row fl-fieldset">
          <legend class="fl-muted">{t('pinsExport')}:</legend>
          <button
            type="button"
            class="fl-btn fl-btn-small"
            disabled={state.pins.length === 0}
            onClick={() => download(pinsToMarkdown(visible, kb), 'text/markdown', 'md')}
          >
            {t('pinsExportMarkdown')}
          </button>
          <button
            type="button"
            class="fl-btn fl-btn-small"
            disabled={state.pins.length === 0}
            onClick={() => download(pinsToCsv(visible, kb), 'text/csv', 'csv')}
          >
            {t('pinsExportCsv')}
          </button>
          <button
            type="button"
            class="fl-btn fl-btn-small"
            disabled={state.pins.length === 0}
            onClick={() => download(pinsToJson(state.pins), 'application/json', 'json')}
          >
            {t('pinsExportJson')}
          </button>
          <button
            type="button"
            class="fl-btn fl-btn-small"
            disabled={state.readOnly}
            onClick={() => fileInput.current?.click()}
          >
            {t('pinsImport')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            class="fl-visually-hidden"
            tabIndex={-1}
            aria-hidden="true"
            data-testid="import-file"
            onChange={(e) => void onImportFile(e.currentTarget.files?.[0])}
          />
        </fieldset>
      </div>
      <div class="fl-status-line" role="status" aria-live="polite">
        {status && <span>{status}</span>}
        {undo && undo.length > 0 && (
          <button type="button" class="fl-btn fl-btn-small" onClick={() => void restore()}>
            {t('pinsUndo')}
          </button>
        )}
        {report.length > 0 && (
          <div class="fl-report">
            <p>{tn('pinsImportRejected', report.length)}</p>
            <ul>
              {report.slice(0, 50).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {state.pins.length === 0 ? (
        <p class="fl-empty-state">{t('pinsEmpty')}</p>
      ) : (
        <>
          <p class="fl-muted">{tn('pinsCount', state.pins.length, visible.length)}</p>
          {groups.map((group) => (
            <section
              key={group.id || 'all'}
              aria-label={group.id ? cards.entity(group.id)?.name[lang] : undefined}
            >
              {group.id && (
                <h2>
                  <button type="button" class="fl-btn fl-btn-link" onClick={() => onOpenEntity(group.id)}>
                    {cards.entity(group.id)?.name[lang] ?? group.id}
                  </button>
                </h2>
              )}
              <ul class="fl-facts">
                {group.items.map((pin) => (
                  <PinItem
                    key={pin.id}
                    pin={pin}
                    lang={lang}
                    readOnly={state.readOnly}
                    pins={pins}
                    onStatus={setStatus}
                    onDelete={() => void remove([pin.id])}
                  />
                ))}
              </ul>
            </section>
          ))}
          <div class="fl-row fl-danger-zone">
            {confirmClear ? (
              <>
                <span role="alert">{tn('pinsClearConfirm', state.pins.length)}</span>
                <button
                  type="button"
                  class="fl-btn fl-btn-small fl-btn-danger"
                  onClick={() => void clearAll()}
                >
                  {t('pinsClearYes')}
                </button>
                <button type="button" class="fl-btn fl-btn-small" onClick={() => setConfirmClear(false)}>
                  {t('pinsCancel')}
                </button>
              </>
            ) : (
              <button
                type="button"
                class="fl-btn fl-btn-small"
                disabled={state.readOnly}
                onClick={() => setConfirmClear(true)}
              >
                {t('pinsClear')}
              </button>
            )}
          </div>
        </>
      )}
    </div>
  );
}

function PinItem(props: {
  pin: Pin;
  lang: Lang;
  readOnly: boolean;
  pins: PinsApi;
  onStatus(message: string): void;
  onDelete(): void;
}) {
  const { pin, lang, pins, onStatus } = props;
  const fact = cards.fact(pin.factId);
  const [note, setNote] = useState(pin.note);
  const [tags, setTags] = useState(pin.tags.join(', '));
  useEffect(() => setNote(pin.note), [pin.note]);
  useEffect(() => setTags(pin.tags.join(', ')), [pin.tags.join(',')]);
  if (!fact) return null;

  const save = async (patch: { note?: string; tags?: string[] }) => {
    const result = await pins.update(pin.id, patch);
    onStatus(result.ok ? t('pinsSaved') : t('pinFailed', errorText(result)));
  };
  const parsedTags = () =>
    [
      ...new Set(
        tags
          .split(/[,,]/)
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ]
      .slice(0, 20)
      .map((s) => s.slice(0, 40));
  const copy = async () => {
    await navigator.clipboard.writeText(pinCitation(pin, kb, lang));
    onStatus(t('pinsCopied'));
  };
  const when = new Date(pin.pinnedAt).toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en');
  const noteId = `note-${pin.id.replace(/\W/g, '_')}`;

  return (
    <FactItem
      fact={fact}
      lang={lang}
      names={cards.namesFor([fact])}
      section={kb.source.sections[fact.section]}
    >
      <div class="fl-pin-meta">
        <p class="fl-muted">
          {pin.url.startsWith('http') ? (
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
          readOnly={props.readOnly}
          maxLength={5000}
          onInput={(e) => setNote(e.currentTarget.value)}
          onBlur={() => note !== pin.note && void save({ note })}
        />
        <label class="fl-tags">
          <span class="fl-visually-hidden">{t('pinsTags')}</span>
          <input
            type="text"
            placeholder={t('pinsTags')}
            value={tags}
            readOnly={props.readOnly}
            onInput={(e) => setTags(e.currentTarget.value)}
            onBlur={() => {
              const next = parsedTags();
              if (next.join(',') !== pin.tags.join(',')) void save({ tags: next });
            }}
          />
        </label>
        <div class="fl-row">
          <button type="button" class="fl-btn fl-btn-small" onClick={() => void copy()}>
            {t('pinsCopyCitation')}
          </button>
          <button
            type="button"
            class="fl-btn fl-btn-small"
            disabled={props.readOnly}
            onClick={props.onDelete}
          >
            {t('pinsDelete')}
          </button>
        </div>
      </div>
    </FactItem>
  );
}
