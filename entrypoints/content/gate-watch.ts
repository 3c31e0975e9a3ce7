// The first stage of a page: its text through the mention gate alone, in idle slices, and the
// text the page adds or changes later. Most pages never pass it, and never load the marker (the
// detector, the card): the content script carries only this. The first text that passes, outside
// page furniture, or that is too long for one gate call, wakes the marker, which takes over the
// walk where it stopped (see WatchHandoff): the page's text is walked once, not once per stage.
import type { MentionGate } from '@/lib/detect/gate';
import { SKIP_ATTRIBUTES } from '@/lib/dom/text-nodes';
import { LONG_TEXT } from './long-text';
import { createSliceClock, idleOf } from './slice-clock';
import { createTextWalk, hasAddedAncestor, queueSubtree, revealedBy, type TextWalk } from './text-walk';
import { firstVisibleText } from './viewport-text';

/** The user-timing mark the marker sets after its first pass, set here when nothing woke it. */
export const MARKED_MARK = 'factlens:marked';

const SLICE_MS = 8;

/**
 * What a woken watch hands the marker: the text that woke it and what changed since (to scan
 * first), the walks where they stopped, and the shadow roots met. Until taken it keeps following
 * the page's changes into these (the marker's file may take a few milliseconds to load).
 */
export interface WatchHandoff {
  /**
   * Stops the watch's observer, after putting the changes it has not yet delivered into the
   * queue; from then on shadow roots the walks meet go to `onShadowRoot`. The caller must start
   * its own observer in the same task, so that no change falls between the two.
   */
  take(onShadowRoot: (shadow: ShadowRoot) => void): {
    dirty: Set<Text>;
    walks: TextWalk[];
    shadowRoots: ShadowRoot[];
  };
}

export interface GateWatchDeps {
  doc: Document;
  gate: MentionGate;
  /** Some text may hold a mention: the page needs the marker. Called once; the walk has paused. */
  onWake(handoff: WatchHandoff): void;
  /**
   * Whether every mention of a node would be page furniture (see furniture-check.ts): text that
   * passes the gate there wakes nothing. Made afresh after each batch of page changes.
   */
  createFurnitureCheck?: () => (node: Text) => boolean;
}

export interface GateWatch {
  /** Stops the watch, or lets go of a handoff that was not taken. */
  stop(): void;
}

export function watchThroughGate(deps: GateWatchDeps): GateWatch {
  const { doc, gate } = deps;
  const walks: TextWalk[] = [];
  const dirty = new Set<Text>();
  const queue = { dirty, walks };
  const shadowRoots = new Set<ShadowRoot>();
  let stopped = false;
  let scheduled = false;
  let woke = false;
  let reported = false;
  /** The walk of the whole page has begun (in the first slice). */
  let walking = false;
  // Where shadow roots go: the watch's own, then (after the handoff) the marker's.
  let onShadowRoot = (shadow: ShadowRoot) => {
    if (shadowRoots.has(shadow)) return;
    shadowRoots.add(shadow);
    observe(shadow);
    walks.push(createTextWalk(shadow, addShadowRoot));
  };
  const addShadowRoot = (shadow: ShadowRoot) => onShadowRoot(shadow);

  let furniture: ((node: Text) => boolean) | null = null;
  const onRecords = (records: MutationRecord[]) => {
    furniture = null;
    const added = new Set<Node>();
    for (const record of records) {
      if (record.type === 'characterData') {
        if (record.target.nodeType === 3) dirty.add(record.target as Text);
      } else if (record.type === 'attributes') {
        // A subtree the walk skipped (hidden by its markup) shows: walked as if added.
        const revealed = revealedBy(record);
        if (revealed) added.add(revealed);
      } else for (const node of record.addedNodes) added.add(node);
    }
    for (const node of added) if (!hasAddedAncestor(node, added)) queueSubtree(node, queue, addShadowRoot);
    if (dirty.size > 0 || walks.length > 0) schedule();
  };
  const observer = new MutationObserver(onRecords);
  const observe = (target: Node) =>
    observer.observe(target, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: [...SKIP_ATTRIBUTES],
      attributeOldValue: true,
    });

  const stop = () => {
    stopped = true;
    observer.disconnect();
    walks.length = 0;
    dirty.clear();
  };
  // A long node is never gated (in one call it would be a long task): the marker scans it in
  // windows.
  const passes = (text: string) => text.length >= LONG_TEXT || gate.test(text);
  /**
   * Wakes the marker for a node that passed, unless all its mentions would be furniture; the
   * marker scans it first, and the walk goes on after it.
   */
  const wakeFor = (node: Text) => {
    if (node.length < LONG_TEXT) {
      furniture ??= deps.createFurnitureCheck?.() ?? (() => false);
      if (furniture(node)) return;
    }
    woke = true;
    dirty.add(node);
  };

  const handoff: WatchHandoff = {
    take(next) {
      if (stopped) return { dirty: new Set(), walks: [], shadowRoots: [] };
      onRecords(observer.takeRecords());
      stopped = true;
      observer.disconnect();
      onShadowRoot = next;
      return { dirty, walks, shadowRoots: [...shadowRoots] };
    },
  };

  const slice = (idle?: IdleDeadline) => {
    scheduled = false;
    if (stopped || woke) return;
    if (!walking) {
      walking = true;
      // From what the reader sees (as the marker that takes this walk over would), found in a
      // slice since finding it may force a layout.
      const root = doc.body ?? doc.documentElement;
      if (root) walks.push(createTextWalk(root, addShadowRoot, firstVisibleText(doc)));
    }
    const end = performance.now() + Math.min(SLICE_MS, Math.max(3, idle?.timeRemaining() ?? 3));
    // The clock read every few nodes, as in the walks: a busy page can queue thousands.
    const clock = createSliceClock(end, () => woke);
    for (const node of dirty) {
      dirty.delete(node);
      // Text that changed or was added may have left the page since.
      if (node.isConnected && node.length > 1 && passes(node.data)) {
        wakeFor(node);
        if (woke) break;
      }
      if (clock.deadline()) break;
    }
    while (!woke && walks.length > 0 && performance.now() < end) {
      const walk = walks[0]!;
      const found = walk.find(passes, end);
      if (found) wakeFor(found);
      else if (walk.done()) walks.shift();
    }
    if (woke) deps.onWake(handoff);
    else if (walks.length > 0 || dirty.size > 0) schedule();
    else if (!reported) {
      reported = true;
      performance.mark(MARKED_MARK, { detail: { marks: 0 } });
    }
  };
  const idle = idleOf(doc.defaultView ?? window);
  const schedule = () => {
    // Woken, the watch only queues what changes until the marker takes over.
    if (scheduled || stopped || woke) return;
    scheduled = true;
    idle(slice);
  };

  observe(doc);
  schedule();
  return { stop };
}
