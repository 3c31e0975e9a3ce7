// The background: serves card data from the bundled fact index, is the single writer of pins,
// keeps per-tab mention counts for the badge and the side panel, and handles the toolbar,
// keyboard shortcuts and the context menu.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import kbJson from '@/generated/kb.json';
import { createCardIndex } from '@/lib/kb/card';
import type { CompiledKb } from '@/lib/kb/compiled';
import { builtInAliasIndex } from '@/lib/knowledge/guard';
import { EMPTY_KNOWLEDGE, type KnowledgeState } from '@/lib/knowledge/schema';
import {
  acceptsSender,
  type BackgroundRequest,
  type BackgroundResponses,
  type BackgroundType,
  parseBackgroundRequest,
  type RequestOf,
} from '@/lib/messages/background';
import { pageOf } from '@/lib/pins/schema';
import { createKnowledgeStore } from '@/utils/knowledge-store';
import { createPinStore } from '@/utils/pin-store';
import { migrateLegacySites } from '@/utils/settings';
import { registerCommands } from './commands';
import { registerContextMenu } from './context-menu';
import { forgetSteps, stepAcrossFrames } from './frame-steps';
import { openSidePanel } from './side-panel';
import { forgetTab, setFrameCounts, setTabEnabled, tabCounts, updateBadge } from './tab-counts';
import { ownCard, userCardData } from './user-cards';
import { createUserEngine } from './user-engine';

export default defineBackground(() => {
  const kb = kbJson as unknown as CompiledKb;
  const cards = createCardIndex(kb);
  const pins = createPinStore();
  const factIds = new Set(kb.facts.map((f) => f.id));
  // Cards ask which of their facts are pinned on every first hover: read the store once and
  // follow its changes rather than reading and validating every pin each time.
  let pinState = pins.read();
  pins.watch((state) => {
    pinState = Promise.resolve(state);
  });

  const entityById = new Map(kb.entities.map((e) => [e.id, e]));
  const knowledge = createKnowledgeStore({
    builtIn: { ids: new Set(entityById.keys()), aliases: builtInAliasIndex(kb.entities) },
    nameOf: (id) => entityById.get(id)?.name.en,
  });
  // Cards read the reader's notes on every first hover: kept in memory, following the store.
  let knowledgeState: Promise<KnowledgeState> = knowledge.read().then((view) => view.state);
  /** After a write, the next card reads the store itself, not the copy the watch has yet to renew. */
  const changed = async <R>(write: Promise<R>): Promise<R> => {
    const result = await write;
    knowledgeState = knowledge.read().then((view) => view.state);
    return result;
  };
  const engine = createUserEngine();
  // Pages read the detector from storage; keep this build's copy (with the reader's entries)
  // there. A failed write (storage full) costs nothing but speed: pages then ask here instead.
  const syncEngine = () =>
    knowledgeState.then((state) => engine.sync(state)).catch(() => engine.sync(EMPTY_KNOWLEDGE));
  void syncEngine();
  knowledge.watch((view) => {
    knowledgeState = Promise.resolve(view.state);
    void syncEngine();
  });
  // Site lists of earlier versions move out of the synced item (it has a size limit).
  void migrateLegacySites().catch(() => {});
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void syncEngine();
    // First run: the welcome page, with sentences to hover and where everything is.
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });

  type Sender = { tab?: { id?: number; url?: string }; frameId?: number };
  // One handler per request type, each typed by the answer the map in lib/messages promises.
  const handlers: {
    [K in BackgroundType]: (
      request: RequestOf<K>,
      sender: Sender,
    ) => BackgroundResponses[K] | Promise<BackgroundResponses[K]>;
  } = {
    async card(request) {
      const state = await knowledgeState;
      const data =
        cards.card(request.entity) ??
        userCardData(request.entity, state, {
          entity: (id) => {
            const e = entityById.get(id);
            return e ? { id: e.id, type: e.type, name: e.name } : undefined;
          },
          source: kb.source,
        });
      if (!data) return null;
      const page = request.url ? pageOf(request.url) : null;
      // Right after a change the watch may not have run yet: a card that says so reads afresh.
      if (request.fresh) pinState = pins.read();
      const { pins: all } = await pinState;
      const pinnedFacts = all.filter((p) => pageOf(p.url) === page).map((p) => p.factId);
      return { data, pinnedFacts, own: ownCard(request.entity, state) };
    },
    async detector() {
      // A page found no current copy (storage cleared, or it loaded before the write ended).
      void syncEngine();
      return engine.jsonFor(await knowledgeState.catch(() => EMPTY_KNOWLEDGE));
    },
    async 'page-counts'(request, sender) {
      // The content script reports whether its site is on: the background needs no permission
      // to read tab URLs, and the badge follows settings changes through the tabs themselves.
      const tabId = sender.tab?.id;
      if (tabId === undefined) return null;
      const frameId = sender.frameId ?? 0;
      await setFrameCounts(tabId, frameId, request.counts);
      if (frameId === 0) await setTabEnabled(tabId, request.enabled);
      await updateBadge(tabId);
      return true;
    },
    async pin(request) {
      if (!factIds.has(request.factId)) return { ok: false, error: 'invalid' };
      const result = await pins.add({
        factId: request.factId,
        entity: request.entity,
        url: request.url,
        title: request.title,
        ...(request.quote ? { quote: request.quote } : {}),
      });
      if (!result.ok) return { ok: false, error: result.error };
      pinState = pins.read(); // the next card of this page must show the pin at once
      return { ok: true, duplicate: result.duplicate };
    },
    // Opened in the listener itself: opening needs the user gesture still alive.
    'open-side-panel': (request, sender) =>
      openSidePanel(sender.tab?.id, request.entity ? { view: 'entity', id: request.entity } : undefined),
    step: (request) => stepAcrossFrames(request.tabId, request.entity),
    async 'tab-counts'(request) {
      const tabId = request.tabId ?? (await activeTab())?.id;
      return tabId === undefined ? {} : await tabCounts(tabId);
    },
    'pins/update': (request) => pins.update(request.id, { note: request.note, tags: request.tags }),
    'pins/remove': (request) => pins.remove(request.ids),
    'pins/restore': (request) => pins.restore(request.pins as never),
    'pins/clear': () => pins.clear(),
    'pins/import': (request) => pins.importPins(request.text, factIds),
    'notes/add': (request) => changed(knowledge.addNote(request)),
    'notes/update': (request) =>
      changed(knowledge.updateNote(request.id, { text: request.text, tags: request.tags })),
    'notes/remove': (request) => changed(knowledge.removeNotes(request.ids)),
    'notes/restore': (request) => changed(knowledge.restoreNotes(request.notes)),
    'entities/save': (request) => changed(knowledge.saveEntity(request.entity, request.previousId)),
    'entities/remove': (request) => changed(knowledge.removeEntities(request.ids)),
    'entities/restore': (request) => changed(knowledge.restoreEntities(request.entities, request.notes)),
    'packs/import': (request) => changed(knowledge.importPack(request.text)),
    'packs/set-enabled': (request) => changed(knowledge.setPackEnabled(request.id, request.enabled)),
    'packs/remove': (request) => changed(knowledge.removePack(request.id)),
    'knowledge/clear': () => changed(knowledge.clearOwn()),
  };

  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const request = parseBackgroundRequest(message);
    if (!request || !acceptsSender(request, sender, self)) return undefined;
    const handler = handlers[request.type] as (r: BackgroundRequest, s: Sender) => unknown;
    return Promise.resolve(handler(request, sender));
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    forgetSteps(tabId);
    void forgetTab(tabId);
  });
  // A new document in the tab: its frames will report afresh.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void forgetTab(tabId).then(() => updateBadge(tabId));
  });

  registerCommands(activeTab);
  registerContextMenu();
});

async function activeTab() {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}
