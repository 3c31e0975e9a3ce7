// The desk: the reader's pins and notes in one list, newest first or grouped by entry, with notes
// and tags edited in place, fuzzy search over both, filters by kind, tag and entry, export of what
// is shown, import, and delete with undo. Every failed write says so (role="alert").
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t, tn } from '@/components/i18n';
import type { Lang } from '@/lib/kb/format';
import { type Note, nameIn } from '@/lib/knowledge/schema';
import { deskToCsv, deskToJson, deskToMarkdown } from '@/lib/pins/export';
import { exportedNotes } from '@/lib/pins/import';
import type { Pin } from '@/utils/pin-store';
import {
  countKinds,
  createDeskSearch,
  DESK_KINDS,
  type DeskItem,
  type DeskKind,
  deskEntities,
  deskTags,
  filterDesk,
  groupByEntity,
  mergeDesk,
  toExportItems,
} from '../desk/desk-model';
import { pinFailure } from '../desk/failures';
import { NoteItem } from '../desk/NoteItem';
import { PinItem } from '../desk/PinItem';
import { failureText } from '../entries/editor-model';
import { pinErrorText } from '../shared/pin-error';
import { useKnowledge } from '../shared/use-knowledge';
import { cards, kb } from './kb';
import type { PinsApi } from './use-pins';

type Order = 'newest' | 'entity';
type Undo = { pins: Pin[]; notes: Note[] };

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
  const knowledge = useKnowledge();
  const { notes, entities } = knowledge.view.state;
  const notesReadOnly = knowledge.view.readOnly;
  const [query, setQuery] = useState('');
  const [order, setOrder] = useState<Order>('newest');
  const [kind, setKind] = useState<DeskKind>('all');
  const [filter, setFilter] = useState('');
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [undo, setUndo] = useState<Undo | null>(null);
  const [confirmClear, setConfirmClear] = useState(false);
  const [report, setReport] = useState<string[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const undoTimer = useRef(0);
  const focusUndo = useRef(false);

  /** The name of an entry: built-in, else the reader's own (or an imported pack's), else its id. */
  const names = useMemo(() => {
    const own = new Map(entities.map((e) => [e.id, e.name]));
    return {
      in: (id: string, l: Lang) => {
        const builtIn = cards.entity(id);
        if (builtIn) return builtIn.name[l];
        const mine = own.get(id);
        return (mine && nameIn(mine, l)) || id;
      },
      both: (id: string) => {
        const builtIn = cards.entity(id);
        if (builtIn) return builtIn.name;
        const mine = own.get(id);
        return mine ? { en: nameIn(mine, 'en') || id, zh: nameIn(mine, 'zh') || id } : undefined;
      },
    };
  }, [entities]);

  const items = useMemo(() => mergeDesk(state.pins, notes), [state.pins, notes]);
  const search = useMemo(
    () =>
      createDeskSearch(items, (item) => {
        const both = names.both(item.entity);
        const base = {
          names: both ? `${both.en} ${both.zh}` : item.entity,
          tags: item.tags.join(' '),
        };
        if (item.kind === 'pin') {
          const fact = cards.fact(item.pin.factId);
          return {
            ...base,
            fact: fact ? `${fact.text.en} ${fact.text.zh}` : '',
            text: item.pin.note,
            quote: item.pin.quote,
            title: item.pin.title,
          };
        }
        return { ...base, fact: '', text: item.note.text, quote: item.note.quote, title: item.note.title };
      }),
    [items, names],
  );

  const tags = useMemo(() => deskTags(items), [items]);
  const entityIds = useMemo(() => deskEntities(items), [items]);
  const totals = useMemo(() => countKinds(items), [items]);

  const visible = useMemo(
    () =>
      filterDesk(
        items,
        {
          query,
          kind,
          ...(filter.startsWith('tag:') ? { tag: filter.slice(4) } : {}),
          ...(filter.startsWith('entity:') ? { entity: filter.slice(7) } : {}),
        },
        search,
      ),
    [items, query, kind, filter, search],
  );

  useEffect(() => () => clearTimeout(undoTimer.current), []);
  useEffect(() => {
    if (undo && focusUndo.current) undoButton.current?.focus();
    focusUndo.current = false;
  }, [undo]);

  const succeed = (message: string) => {
    setError('');
    setStatus(message);
  };
  const fail = (message: string) => {
    setStatus('');
    setError(message);
  };

  const offerUndo = (removed: Undo, message: string) => {
    focusUndo.current = true;
    setUndo(removed);
    succeed(message);
    clearTimeout(undoTimer.current);
    undoTimer.current = window.setTimeout(() => setUndo(null), 10_000);
  };

  const removePin = async (id: string) => {
    const result = await pins.remove([id]);
    if (!result.ok) return fail(t('deskDeleteFailed', pinFailure(result)));
    const removed = (result.removed as Pin[] | undefined) ?? [];
    offerUndo({ pins: removed, notes: [] }, tn('pinsDeleted', removed.length));
  };

  const removeNote = async (id: string) => {
    const result = await knowledge.ask({ type: 'notes/remove', ids: [id] });
    if (!result.ok) return fail(t('deskDeleteFailed', failureText(result)));
    const removed = (result.removed as Note[] | undefined) ?? [];
    offerUndo({ pins: [], notes: removed }, tn('notesDeleted', removed.length));
  };

  const clearAll = async () => {
    setConfirmClear(false);
    const result = await pins.clear();
    if (!result.ok) return fail(t('deskClearFailed', pinFailure(result)));
    const removed = (result.removed as Pin[] | undefined) ?? [];
    offerUndo({ pins: removed, notes: [] }, tn('pinsDeleted', removed.length));
  };

  const restore = async () => {
    if (!undo) return;
    const { pins: lostPins, notes: lostNotes } = undo;
    setUndo(null);
    const failures: string[] = [];
    if (lostPins.length) {
      const result = await pins.restore(lostPins);
      if (!result.ok) failures.push(pinFailure(result));
    }
    if (lostNotes.length) {
      const result = await knowledge.ask({ type: 'notes/restore', notes: lostNotes });
      if (!result.ok) failures.push(failureText(result));
    }
    if (failures.length) fail(t('deskRestoreFailed', failures.join(' ')));
    else succeed(t('pinsRestored'));
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
  const exportItems = () => toExportItems(visible);

  const onImportFile = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text();
    const result = await pins.importText(text);
    if (fileInput.current) fileInput.current.value = '';
    if (!result.ok) {
      setReport([]);
      return fail(t('pinsImportFailed', result.message ?? pinErrorText(result.error)));
    }
    const rejected = (result.rejected as { index: number; reason: string }[] | undefined) ?? [];
    setReport(rejected.map((r) => `#${r.index + 1}: ${r.reason}`));
    const done = t('pinsImportDone', Number(result.added ?? 0), Number(result.merged ?? 0));
    // A desk export carries notes too: they go back to the knowledge store, which keeps each
    // one it does not have and whose entry this browser knows.
    const fileNotes = exportedNotes(text);
    if (!fileNotes.length) return succeed(done);
    const back = await knowledge.ask({ type: 'notes/restore', notes: fileNotes });
    if (!back.ok) {
      setStatus(done);
      setError(t('notesImportFailed', failureText(back)));
      return;
    }
    const added = Number(back.added ?? 0);
    const refused = Array.isArray(back.rejected) ? back.rejected.length : 0;
    succeed(`${done} ${t('notesImported', added, Math.max(0, fileNotes.length - added - refused))}`);
    if (refused) {
      const lines = (back.rejected as { index?: number; reason?: string }[]).map(
        (r) => `${t('noteKind')} #${Number(r.index ?? 0) + 1}: ${r.reason ?? ''}`,
      );
      setReport((list) => [...list, ...lines]);
    }
  };

  const groups =
    order === 'entity'
      ? groupByEntity(visible).map((g) => ({ id: g.entity, items: g.items }))
      : [{ id: '', items: visible }];

  const renderItem = (item: DeskItem) =>
    item.kind === 'pin' ? (
      <PinItem
        key={item.key}
        pin={item.pin}
        lang={lang}
        readOnly={state.readOnly}
        onUpdate={(patch) => pins.update(item.pin.id, patch)}
        onStatus={succeed}
        onDelete={() => void removePin(item.pin.id)}
      />
    ) : (
      <NoteItem
        key={item.key}
        note={item.note}
        lang={lang}
        entityName={names.in(item.note.entity, lang)}
        readOnly={notesReadOnly}
        onUpdate={(patch) => knowledge.ask({ type: 'notes/update', id: item.note.id, ...patch })}
        onStatus={succeed}
        onDelete={() => void removeNote(item.note.id)}
        onOpenEntity={onOpenEntity}
      />
    );

  return (
    <div class="fl-pins fl-desk">
      {state.readOnly && (
        <p class="fl-banner" role="alert">
          {t('pinsReadOnly')}
        </p>
      )}
      {notesReadOnly && knowledge.loaded && (
        <p class="fl-banner" role="alert">
          {t('notesReadOnly')}
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
        <fieldset class="fl-row fl-fieldset fl-desk-kinds">
          <legend class="fl-muted">{t('deskKind')}:</legend>
          {DESK_KINDS.map((k) => (
            <label key={k} class="fl-desk-kind">
              <input
                type="radio"
                name="desk-kind"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              <span>{t(`deskKind_${k}`)}</span>
            </label>
          ))}
        </fieldset>
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
            <select class="fl-desk-filter" value={filter} onChange={(e) => setFilter(e.currentTarget.value)}>
              <option value="">{t('pinsFilterAll')}</option>
              {tags.map((tag) => (
                <option key={`tag:${tag}`} value={`tag:${tag}`}>
                  {t('pinsFilterTag', tag)}
                </option>
              ))}
              {entityIds.map((id) => (
                <option key={`entity:${id}`} value={`entity:${id}`}>
                  {t('pinsFilterEntity', names.in(id, lang))}
                </option>
              ))}
            </select>
          </label>
        </div>
        <fieldset class="fl-row fl-fieldset fl-desk-export">
          <legend class="fl-muted">{t('pinsExport')}:</legend>
          <button
            type="button"
            class="fl-btn fl-btn-small"
            data-export="md"
            disabled={visible.length === 0}
            onClick={() =>
              download(deskToMarkdown(exportItems(), kb, { nameOf: names.both }), 'text/markdown', 'md')
            }
          >
            {t('pinsExportMarkdown')}
          </button>
          <button
            type="button"
            class="fl-btn fl-btn-small"
            data-export="csv"
            disabled={visible.length === 0}
            onClick={() => download(deskToCsv(exportItems(), kb, { nameOf: names.both }), 'text/csv', 'csv')}
          >
            {t('pinsExportCsv')}
          </button>
          <button
            type="button"
            class="fl-btn fl-btn-small"
            data-export="json"
            disabled={visible.length === 0}
            onClick={() => download(deskToJson(exportItems()), 'application/json', 'json')}
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
        {undo && (undo.pins.length > 0 || undo.notes.length > 0) && (
          <button ref={undoButton} type="button" class="fl-btn fl-btn-small" onClick={() => void restore()}>
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
      {error && (
        <p class="fl-banner fl-desk-error" role="alert">
          {error}
        </p>
      )}
      {items.length === 0 ? (
        <p class="fl-empty-state">{t('pinsEmpty')}</p>
      ) : (
        <>
          <p class="fl-muted fl-desk-count">{tn('deskCount', items.length, visible.length)}</p>
          {visible.length === 0 && <p class="fl-empty-state">{t('deskNoMatch')}</p>}
          {groups.map((group) => (
            <section key={group.id || 'all'} aria-label={group.id ? names.in(group.id, lang) : undefined}>
              {group.id && (
                <h2>
                  <button type="button" class="fl-btn fl-btn-link" onClick={() => onOpenEntity(group.id)}>
                    {names.in(group.id, lang)}
                  </button>
                </h2>
              )}
              <ul class="fl-facts">{group.items.map(renderItem)}</ul>
            </section>
          ))}
          {totals.pins > 0 && (
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
          )}
        </>
      )}
    </div>
  );
}
