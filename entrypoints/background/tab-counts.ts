// Mention counts per tab, summed over the tab's frames, and the toolbar badge that shows them.
// Mirrored to session storage because Chrome stops idle service workers and their memory with them.
import { browser } from 'wxt/browser';
import { ACCENT } from '@/components/accent';

type FrameCounts = Record<string, number>;
/** Counts per frame id, plus whether the top frame's site is switched on. */
interface TabFrames {
  frames: Record<string, FrameCounts>;
  enabled: boolean;
}

const SESSION_KEY = 'tabCounts';
let tabs: Record<string, TabFrames> = {};
const loaded = (async () => {
  try {
    const stored = (await browser.storage.session.get(SESSION_KEY))[SESSION_KEY];
    if (stored && typeof stored === 'object') tabs = stored as Record<string, TabFrames>;
  } catch {
    // No session storage (old browser): counts live in memory only.
  }
})();

let saveTimer: ReturnType<typeof setTimeout> | undefined;
function save() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    browser.storage.session?.set({ [SESSION_KEY]: tabs }).catch(() => {});
  }, 250);
}

function tabState(tabId: number): TabFrames {
  const state = tabs[tabId];
  if (state && typeof state === 'object' && state.frames) return state;
  const fresh = { frames: {}, enabled: true };
  tabs[tabId] = fresh;
  return fresh;
}

export async function setFrameCounts(tabId: number, frameId: number, counts: FrameCounts): Promise<void> {
  await loaded;
  const { frames } = tabState(tabId);
  if (Object.keys(counts).length === 0) delete frames[frameId];
  else frames[frameId] = counts;
  save();
}

export async function setTabEnabled(tabId: number, enabled: boolean): Promise<void> {
  await loaded;
  tabState(tabId).enabled = enabled;
  save();
}

/** A closed tab, or a navigation that replaced the top document and its frames. */
export async function forgetTab(tabId: number): Promise<void> {
  await loaded;
  delete tabs[tabId];
  save();
}

export async function tabCounts(tabId: number): Promise<FrameCounts> {
  await loaded;
  const total: FrameCounts = {};
  for (const frame of Object.values(tabs[tabId]?.frames ?? {})) {
    for (const [id, n] of Object.entries(frame)) total[id] = (total[id] ?? 0) + n;
  }
  return total;
}

/** The tab's frames that hold mentions (of `entity`, if given), the top frame first. */
export async function framesWith(tabId: number, entity?: string): Promise<number[]> {
  await loaded;
  const frames = Object.entries(tabs[tabId]?.frames ?? {})
    .filter(([, counts]) => (entity ? (counts[entity] ?? 0) > 0 : Object.keys(counts).length > 0))
    .map(([id]) => Number(id))
    .sort((a, b) => a - b);
  return frames.includes(0) ? frames : [0, ...frames];
}

export async function updateBadge(tabId: number): Promise<void> {
  await loaded;
  const enabled = tabs[tabId]?.enabled ?? true;
  const total = Object.values(await tabCounts(tabId)).reduce((a, b) => a + b, 0);
  const text = !enabled ? 'off' : total > 999 ? '999+' : total > 0 ? String(total) : '';
  try {
    // The Firefox build is MV2, where the toolbar button is browserAction.
    const action =
      browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
    await action.setBadgeText({ tabId, text });
    await action.setBadgeBackgroundColor({ tabId, color: enabled ? ACCENT.light : '#6b7280' });
  } catch {
    // The tab closed meanwhile.
  }
}
