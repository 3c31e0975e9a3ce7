// The first stage of a page: its text through the mention gate alone, in idle slices, and the
// text the page adds or changes later. Most pages never pass it, and never load the marker (its
// furniture rules, the detector, the card): the content script carries only this. The first text
// that passes, or that is too long for one gate call, wakes the marker, which walks the page anew.
import type { MentionGate } from '@/lib/detect/gate';
import { SKIP_ATTRIBUTES } from '@/lib/dom/text-nodes';
import { LONG_TEXT } from './long-text';
import { createSliceClock, idleOf } from './slice-clock';
import { createTextWalk, hasAddedAncestor, queueSubtree, revealedBy, type TextWalk } from './text-walk';

/** The user-timing mark the marker sets after its first pass, set here when nothing woke it. */
export const MARKED_MARK = 'factlens:marked';

const SLICE_MS = 8;

export interface GateWatchDeps {
  doc: Document;
  gate: MentionGate;
  /** Some text may hold a mention: the page needs the marker. Called once; the watch has stopped. */
  onWake(): void;
}

export interface GateWatch {
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

  const observer = new MutationObserver((records) => {
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
  });
  const observe = (target: Node) =>
    observer.observe(target, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: [...SKIP_ATTRIBUTES],
      attributeOldValue: true,
    });
  const addShadowRoot = (shadow: ShadowRoot) => {
    if (shadowRoots.has(shadow)) return;
    shadowRoots.add(shadow);
    observe(shadow);
    walks.push(createTextWalk(shadow, addShadowRoot));
  };

  const stop = () => {
    stopped = true;
    observer.disconnect();
    walks.length = 0;
    dirty.clear();
  };
  const visit = (node: Text) => {
    if (woke || !node.isConnected) return;
    const text = node.data;
    if (text.length < 2) return;
    // A long node is never gated (in one call it would be a long task): the marker scans it in
    // windows.
    if (text.length >= LONG_TEXT || gate.test(text)) woke = true;
  };

  const slice = (idle?: IdleDeadline) => {
    scheduled = false;
    if (stopped) return;
    const budget = Math.min(SLICE_MS, Math.max(3, idle?.timeRemaining() ?? 3));
    const clock = createSliceClock(performance.now() + budget, () => woke);
    const scan = (node: Text) => {
      clock.scanned(node.length);
      visit(node);
    };
    for (const node of dirty) {
      dirty.delete(node);
      scan(node);
      if (clock.deadline()) break;
    }
    while (walks.length > 0 && !clock.deadline()) {
      if (walks[0]!.step(scan, clock.deadline)) walks.shift();
    }
    if (woke) {
      stop();
      deps.onWake();
    } else if (walks.length > 0 || dirty.size > 0) schedule();
    else if (!reported) {
      reported = true;
      performance.mark(MARKED_MARK, { detail: { marks: 0 } });
    }
  };
  const idle = idleOf(doc.defaultView ?? window);
  const schedule = () => {
    if (scheduled || stopped) return;
    scheduled = true;
    idle(slice);
  };

  observe(doc);
  const root = doc.body ?? doc.documentElement;
  if (root) walks.push(createTextWalk(root, addShadowRoot));
  schedule();
  return { stop };
}
