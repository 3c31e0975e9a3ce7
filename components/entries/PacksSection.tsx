// The options page's "Packs": the article's knowledge base (always on), the imported packs with a
// switch and a removal that asks first, importing a pack file with a report of what was taken and
// why anything was not, exporting the reader's own entries and notes, and deleting them with undo.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, tn } from '@/components/i18n';
import { kb } from '@/components/sidepanel/kb';
import { PACK_LIMITS, type PackProblem, writePack } from '@/lib/knowledge/pack';
import { type Note, OWN_PACK, type PackInfo, type UserEntity } from '@/lib/knowledge/schema';
import type { KnowledgeWriteResult } from '@/lib/messages/background';
import { Switch } from '../shared/Switch';
import type { KnowledgeApi } from '../shared/use-knowledge';
import { downloadText, packFileName } from './download';
import { useEntriesCss } from './EntryEditor';
import { failureText } from './editor-model';

type Lang = 'en' | 'zh';

/** The name an export carries; the reader's copy, as they would call it. */
export const EXPORT_NAME = 'My Factlens entries';

interface Removed {
  entities: UserEntity[];
  notes: Note[];
}

interface Report {
  summary: string;
  problems: PackProblem[];
}

const PROBLEMS_SHOWN = 200;

/** One problem of a pack as a line: "Error · entry my-chip · aliases[0]: …". */
export function problemLine(p: PackProblem): string {
  const where = `${t(`packsSeverity_${p.severity}`)} · ${t(`packsKind_${p.kind}`)} ${p.id}`;
  return `${where}${p.field ? ` · ${p.field}` : ''}: ${p.message}`;
}

const count = (r: unknown, key: 'entities' | 'notes') =>
  Number((r as Record<string, unknown> | undefined)?.[key] ?? 0) || 0;

/** What an import changed, in one line. */
export function importSummary(result: KnowledgeWriteResult & { ok: true }): string {
  const pack = result.pack as { name?: unknown } | undefined;
  const name = typeof pack?.name === 'string' && pack.name ? pack.name : t('packsUnnamed');
  return t(
    'packsImported',
    name,
    count(result.accepted, 'entities'),
    count(result.accepted, 'notes'),
    count(result.skipped, 'entities'),
    count(result.skipped, 'notes'),
  );
}

const megabytes = (bytes: number) => (bytes / 1_000_000).toFixed(1);

export function PacksSection({ knowledge, lang }: { knowledge: KnowledgeApi; lang: Lang }) {
  useEntriesCss();
  const { view, ask } = knowledge;
  const { state, readOnly } = view;
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [report, setReport] = useState<Report | null>(null);
  const [confirmRemove, setConfirmRemove] = useState<string | null>(null);
  const [confirmClear, setConfirmClear] = useState(false);
  const [undo, setUndo] = useState<Removed | null>(null);
  const [busy, setBusy] = useState(false);
  const [focus, setFocus] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const sectionRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!focus) return;
    const el = sectionRef.current?.querySelector<HTMLElement>(focus);
    if (el) {
      el.focus();
      setFocus(null);
    }
  });

  const ownEntities = state.entities.filter((e) => e.pack === OWN_PACK).length;
  const ownNotes = state.notes.filter((n) => n.pack === OWN_PACK).length;

  const begin = () => {
    setStatus('');
    setError('');
    setReport(null);
  };
  /** Runs one write; a failure is shown from its result and nothing else happens. */
  const write = async (
    request: Parameters<typeof ask>[0],
  ): Promise<(KnowledgeWriteResult & { ok: true }) | null> => {
    setBusy(true);
    try {
      const result = await ask(request);
      if (!result.ok) {
        setError(failureText(result));
        return null;
      }
      return result;
    } finally {
      setBusy(false);
    }
  };

  const setEnabled = async (pack: PackInfo, enabled: boolean) => {
    begin();
    const result = await write({ type: 'packs/set-enabled', id: pack.id, enabled });
    if (result) setStatus(t(enabled ? 'packsTurnedOn' : 'packsTurnedOff', pack.name));
  };

  const removePack = async (pack: PackInfo) => {
    begin();
    setConfirmRemove(null);
    const result = await write({ type: 'packs/remove', id: pack.id });
    if (result) setStatus(t('packsRemoved', pack.name));
    setFocus('[data-action="import-pack"]');
  };

  const onFile = async (file: File | undefined) => {
    if (fileInput.current) fileInput.current.value = '';
    if (!file) return;
    begin();
    setUndo(null);
    if (file.size > PACK_LIMITS.bytes) {
      // Refused by its size alone: a huge file is never read into memory.
      setError(t('packsTooBig', file.name, megabytes(file.size), PACK_LIMITS.bytes / 1_000_000));
      return;
    }
    setBusy(true);
    let text: string;
    try {
      text = await file.text();
    } catch {
      setBusy(false);
      setError(t('packsUnreadable', file.name));
      return;
    }
    setStatus(t('packsImporting', file.name));
    const result = await ask({ type: 'packs/import', text });
    setBusy(false);
    setStatus('');
    const problems = ((result as { problems?: unknown }).problems as PackProblem[] | undefined) ?? [];
    if (!result.ok) {
      // A pack problem comes with its reason; a storage failure with the store's.
      setError(
        problems.length ? t('packsImportFailed', result.message || failureText(result)) : failureText(result),
      );
      setReport(problems.length ? { summary: '', problems } : null);
      return;
    }
    setReport({ summary: importSummary(result), problems });
  };

  const exportOwn = () => {
    begin();
    downloadText(writePack(state, { name: EXPORT_NAME, author: '' }), packFileName());
    setStatus(t('packsExported', ownEntities, ownNotes));
  };

  const clearOwn = async () => {
    begin();
    setConfirmClear(false);
    const result = await write({ type: 'knowledge/clear' });
    if (!result) return setFocus('[data-action="clear-own"]');
    const removed = (result.removed as Removed | undefined) ?? { entities: [], notes: [] };
    setUndo(removed.entities.length || removed.notes.length ? removed : null);
    setStatus(t('packsCleared', removed.entities.length, removed.notes.length));
    setFocus('[data-action="undo-clear"]');
  };

  const restore = async () => {
    if (!undo) return;
    begin();
    const result = await write({ type: 'entities/restore', entities: undo.entities, notes: undo.notes });
    if (!result) return;
    setUndo(null);
    setStatus(t('packsRestored', count(result, 'entities'), count(result, 'notes')));
    setFocus('[data-action="clear-own"]');
  };

  const packCounts = (id: string) => ({
    entities: state.entities.filter((e) => e.pack === id).length,
    notes: state.notes.filter((n) => n.pack === id).length,
  });

  return (
    <section id="packs" ref={sectionRef} aria-labelledby="packs-h">
      <h2 id="packs-h">{t('packsHeading')}</h2>
      <p class="fl-muted">{t('packsIntro')}</p>
      <ul class="fl-pack-list">
        <li class="fl-pack-row" data-pack-id="built-in">
          <div class="fl-pack-row-head">
            <strong>{kb.source.title[lang]}</strong>
            <span class="fl-entry-badge">{t('packsBuiltIn')}</span>
          </div>
          <p class="fl-entry-meta">
            {tn('packsEntries', kb.entities.length)} · {tn('packsFacts', kb.facts.length)} ·{' '}
            {t('packsAlwaysOn')}
          </p>
        </li>
        {state.packs.map((pack) => {
          const counts = packCounts(pack.id);
          return (
            <li key={pack.id} class="fl-pack-row" data-pack-id={pack.id}>
              <div class="fl-pack-row-head">
                <strong>{pack.name}</strong>
                <span class="fl-entry-badge">{t('packsRevision', pack.revision)}</span>
              </div>
              <p class="fl-entry-meta">
                {pack.author ? `${t('packsBy', pack.author)} · ` : ''}
                {tn('packsEntries', counts.entities)} · {tn('packsNotes', counts.notes)}
              </p>
              <Switch
                checked={pack.enabled}
                label={t('packsUse', pack.name)}
                disabled={readOnly || busy}
                onChange={(enabled) => void setEnabled(pack, enabled)}
              />
              {confirmRemove === pack.id ? (
                <fieldset class="fl-row fl-confirm" aria-labelledby={`remove-q-${pack.id}`}>
                  <span id={`remove-q-${pack.id}`} role="alert">
                    {t('packsRemoveConfirm', pack.name, counts.entities, counts.notes)}
                  </span>
                  <button
                    type="button"
                    class="fl-btn fl-btn-small fl-btn-danger"
                    data-action="confirm-remove-pack"
                    disabled={busy}
                    onClick={() => void removePack(pack)}
                  >
                    {t('packsRemoveYes')}
                  </button>
                  <button
                    type="button"
                    class="fl-btn fl-btn-small"
                    onClick={() => {
                      setConfirmRemove(null);
                      setFocus(`[data-pack-id="${pack.id}"] [data-action="remove-pack"]`);
                    }}
                  >
                    {t('entryCancel')}
                  </button>
                </fieldset>
              ) : (
                <div>
                  <button
                    type="button"
                    class="fl-btn fl-btn-small"
                    data-action="remove-pack"
                    aria-label={t('packsRemoveNamed', pack.name)}
                    disabled={readOnly || busy}
                    onClick={() => {
                      setConfirmRemove(pack.id);
                      setFocus(`[data-pack-id="${pack.id}"] [data-action="confirm-remove-pack"]`);
                    }}
                  >
                    {t('packsRemove')}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <div class="fl-row">
        <button
          type="button"
          class="fl-btn"
          data-action="import-pack"
          disabled={readOnly || busy}
          onClick={() => fileInput.current?.click()}
        >
          {t('packsImport')}
        </button>
        <input
          ref={fileInput}
          id="pack-file"
          type="file"
          accept=".json,application/json"
          class="fl-visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="pack-file"
          onChange={(e) => void onFile(e.currentTarget.files?.[0])}
        />
        <button
          type="button"
          class="fl-btn"
          data-action="export-pack"
          disabled={ownEntities + ownNotes === 0}
          onClick={exportOwn}
        >
          {t('packsExport')}
        </button>
      </div>
      <div class="fl-entry-status" role="status">
        {status && <p>{status}</p>}
        {undo && (
          <button
            type="button"
            class="fl-btn fl-btn-small"
            data-action="undo-clear"
            disabled={readOnly || busy}
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
      {report && (report.summary || report.problems.length > 0) && (
        <div class="fl-pack-report" data-testid="pack-report">
          {report.summary && <p role="status">{report.summary}</p>}
          {report.problems.length > 0 && (
            <>
              <p>{tn('packsProblems', report.problems.length)}</p>
              <ul>
                {report.problems.slice(0, PROBLEMS_SHOWN).map((p, i) => (
                  <li
                    // Problems may repeat word for word; the list is replaced whole, never reordered.
                    key={i}
                    class={`fl-pack-problem-${p.severity}`}
                    data-severity={p.severity}
                  >
                    {problemLine(p)}
                  </li>
                ))}
              </ul>
              {report.problems.length > PROBLEMS_SHOWN && (
                <p class="fl-muted">{t('packsMoreProblems', report.problems.length - PROBLEMS_SHOWN)}</p>
              )}
            </>
          )}
        </div>
      )}
      <div class="fl-row fl-danger-zone">
        {confirmClear ? (
          <fieldset class="fl-row fl-confirm" aria-labelledby="clear-q">
            <span id="clear-q" role="alert">
              {t('packsClearConfirm', ownEntities, ownNotes)}
            </span>
            <button
              type="button"
              class="fl-btn fl-btn-small fl-btn-danger"
              data-action="confirm-clear-own"
              disabled={busy}
              onClick={() => void clearOwn()}
            >
              {t('packsClearYes')}
            </button>
            <button
              type="button"
              class="fl-btn fl-btn-small"
              onClick={() => {
                setConfirmClear(false);
                setFocus('[data-action="clear-own"]');
              }}
            >
              {t('entryCancel')}
            </button>
          </fieldset>
        ) : (
          <button
            type="button"
            class="fl-btn"
            data-action="clear-own"
            disabled={readOnly || busy || ownEntities + ownNotes === 0}
            onClick={() => {
              begin();
              setConfirmClear(true);
              setFocus('[data-action="confirm-clear-own"]');
            }}
          >
            {t('packsClear')}
          </button>
        )}
      </div>
    </section>
  );
}
