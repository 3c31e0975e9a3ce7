// Finds mentions in a page's text and paints them with the CSS Custom Highlight API: the page's
// DOM is never changed. Work runs in idle-time slices of a few milliseconds, the visible part of
// the page first; a MutationObserver feeds added or changed text back into the same queue.
import type { MentionGate } from '@/lib/detect/gate';
import type { Mention, MentionFilter, PageScanner } from '@/lib/detect/types';
import { createBlockSizer } from '@/lib/dom/block-size';
import { SKIP_ATTRIBUTES } from '@/lib/dom/text-nodes';
import { MARKED_MARK, type WatchHandoff } from './gate-watch';
import {
  ACTIVE_HIGHLIGHT,
  ACTIVE_PLAIN_HIGHLIGHT,
  MARK_HIGHLIGHT,
  MARK_PLAIN_HIGHLIGHT,
} from './highlight-style';
import {
  adaptWindow,
  FIRST_WINDOW,
  isSegment,
  LONG_TEXT,
  type LongScan,
  mentionsOf,
  nextWindow,
  nodeOf,
  type ScanKey,
  type Segment,
  shift,
  windowFilter,
  windowOf,
} from './long-text';
import { createSliceClock, type Idle, idleOf } from './slice-clock';
import { createTextWalk, hasAddedAncestor, queueSubtree, revealedBy, type TextWalk } from './text-walk';
import { firstVisibleText } from './viewport-text';

/** Stands in until the detector is built: knows nothing, counts nothing. */
export const EMPTY_SCANNER: PageScanner<ScanKey> = {
  add: () => [],
  remove: () => {},
  takePromoted: () => [],
  counts: () => new Map(),
};

/** A painted mention: the text node it lives in, its offsets there, and its range. */
export interface Mark {
  node: Text;
  mention: Mention;
  range: StaticRange;
  /** In a very large block of text: painted and shown active without a text decoration. */
  plain: boolean;
}

export interface MarkerOptions {
  firstMentionOnly: boolean;
  hiddenTypes: ReadonlySet<string>;
}

/** Enough marks to cover any real article; beyond it pages stay fast and counts stay complete. */
export const MAX_MARKS = 2500;
/** Work per idle slice: what the idle period allows, within these bounds (no task near 50 ms). */
const MIN_SLICE_MS = 3;
const MAX_SLICE_MS = 12;
/** Slice budget while windows of a long text node remain. */
const LONG_SLICE_MS = 16;

export interface PageMarkerDeps {
  doc: Document;
  /**
   * Builds the detector; called once, in the first idle slice (with a gate: when some text first
   * passes it), so start-up adds no long task; it may have to be read first. Null means it could
   * not be built: the marker then does nothing more and says so once.
   */
  createScanner: () => PageScanner<ScanKey> | null | Promise<PageScanner<ScanKey> | null>;
  /**
   * Which texts could hold a mention at all. With it, text the gate stops is done without the
   * detector, which most pages then never need.
   */
  gate?: MentionGate | null;
  /** The detector could not be built (a damaged copy): called once. */
  onScannerFailed?: () => void;
  entityType: (entity: string) => string | undefined;
  /**
   * Entities looked up on hover or tap only (the reader's private entries): found and hoverable,
   * never painted, since the page can read every painted range through CSS.highlights.
   */
  unmarked?: (entity: string) => boolean;
  /** Called (throttled by the caller if needed) whenever the confirmed counts change. */
  onCountsChanged: () => void;
  /** Called once, at the first mention found (painted or looked up on hover only): it is hoverable. */
  onFirstMark?: () => void;
  /**
   * Called once, just before the first mark is painted: until then the page has none of our
   * highlights or styles, so a page whose only mentions are looked up on hover learns nothing.
   */
  onFirstPaint?: () => void;
  /** Called once per batch of page mutations (the content script re-checks its host element). */
  onMutationBatch?: () => void;
  /** The ::highlight() rules, also needed inside open shadow roots, which document rules don't reach. */
  highlightCss: () => string;
  /**
   * Rules for which mentions of a text node count (page furniture does not), made afresh after
   * each batch of page changes, since they remember what they judged of the page's elements.
   */
  createFilter?: () => MentionFilter<Text>;
  /**
   * Whether the filter would drop every mention of a node, whatever they are (menus, share bars,
   * footers): asked, before the detector exists, of text that passes the gate. Made afresh after
   * each batch of page changes, like the filter.
   */
  createFurnitureCheck?: () => (node: Text) => boolean;
}

export class PageMarker {
  private readonly marksByNode = new Map<Text, Mark[]>();
  /** Confirmed mentions per node, whether painted or not (caps, filters). */
  private readonly mentionsByNode = new Map<Text, Mention[]>();
  /** Text nodes whose mentions sit in invisible elements; rechecked when the page changes. */
  private readonly invisible = new Set<Text>();
  private readonly shadowRoots = new Set<ShadowRoot>();
  private readonly walks: TextWalk[] = [];
  private readonly dirty = new Set<Text>();
  /** What mutations queue (see queueSubtree): the same set and list as above. */
  private readonly queue = { dirty: this.dirty, walks: this.walks };
  /** Long text nodes scanned a window per slice (see long-text.ts), and those still going. */
  private readonly long = new Map<Text, LongScan>();
  private readonly continuing = new Set<Text>();
  /** Windows of long nodes whose ambiguous mentions new evidence confirmed: rescanned alone. */
  private readonly promotedWindows = new Set<Segment>();
  private readonly highlight = new Highlight();
  private readonly active = new Highlight();
  /** Marks in very large blocks of text, and the active one there (see highlight-style.ts). */
  private readonly plainHighlight = new Highlight();
  private readonly plainActive = new Highlight();
  /** Which text sits in a very large block: made afresh after each batch of page changes. */
  private blockSizer = createBlockSizer();
  private plainUsed = false;
  private readonly observer: MutationObserver;
  private options: MarkerOptions = { firstMentionOnly: false, hiddenTypes: new Set() };
  private painted = 0;
  /** A mention was found (see onFirstMark), and one was painted (see onFirstPaint). */
  private marked = false;
  private paintedOnce = false;
  /** The current slice should end now (see paint). */
  private yieldNow = false;
  /** A mark was painted or shown active: our highlights are registered, shadow roots styled. */
  private shown = false;
  private readonly shownEntities = new Set<string>();
  private scheduled = false;
  private scanner: PageScanner<ScanKey> = EMPTY_SCANNER;
  private filter: MentionFilter<Text> | null = null;
  /** Before the detector: whether all of a node's mentions would be page furniture (see deps). */
  private wholeFurniture: ((node: Text) => boolean) | null = null;
  /** The current filter, keyed as the scanner is: made once, not per text node scanned. */
  private readonly nodeFilter: MentionFilter<ScanKey> = (key, mentions) => {
    this.filter ??= this.composeFilter();
    return this.filter(nodeOf(key), mentions);
  };
  /** The first slice starts the page walk, from the text at the top of the viewport. */
  private walkFromViewport = false;
  /** The detector is being read: no slices until it is here. */
  private loadingScanner = false;
  private reportedDone = false;
  /** The detector could not be built: no more slices, no retry. */
  private failed = false;
  private stopped = true;
  private flashTimer = 0;
  private readonly idle: Idle;

  constructor(private readonly deps: PageMarkerDeps) {
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.idle = idleOf(deps.doc.defaultView ?? window);
  }

  /**
   * Starts marking: from the text at the top of the viewport, or, given the gate watch's handoff,
   * where that watch stopped (what it walked held nothing the gate lets through).
   */
  start(options: MarkerOptions, handoff?: WatchHandoff | null): void {
    this.options = options;
    this.stopped = false;
    const { doc } = this.deps;
    if (handoff) {
      // Taken and observed in one task: no change of the page falls between the two observers.
      const taken = handoff.take((s) => this.addShadowRoot(s));
      for (const node of taken.dirty) this.dirty.add(node);
      this.walks.push(...taken.walks);
      for (const shadow of taken.shadowRoots) {
        this.shadowRoots.add(shadow);
        this.observe(shadow);
      }
    } else this.walkFromViewport = true;
    this.observe(doc);
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    this.observer.disconnect();
    this.walks.length = 0;
    this.dirty.clear();
    for (const node of [...this.long.keys()]) this.forgetLong(node);
    this.continuing.clear();
    for (const [name, highlight] of this.registrations(true)) {
      highlight.clear();
      if (CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
    }
    for (const node of this.marksByNode.keys()) this.scanner.remove(node);
    for (const node of this.invisible) this.scanner.remove(node);
    this.marksByNode.clear();
    this.mentionsByNode.clear();
    this.invisible.clear();
    this.painted = 0;
    this.shownEntities.clear();
    this.deps.onCountsChanged();
  }

  /** Applies new display options without rescanning: marks are rebuilt from known mentions. */
  setOptions(options: MarkerOptions): void {
    this.options = options;
    this.repaint();
  }

  /** Made on the first shadow root met: most pages have none. */
  private sheet: CSSStyleSheet | null = null;
  private shadowSheet(): CSSStyleSheet {
    if (!this.sheet) {
      this.sheet = new CSSStyleSheet();
      this.sheet.replaceSync(this.deps.highlightCss());
    }
    return this.sheet;
  }

  /** The mark style changed: the sheet shared by every shadow root follows. */
  refreshShadowCss(): void {
    this.sheet?.replaceSync(this.deps.highlightCss());
  }

  /** Open shadow roots seen so far, for caretPositionFromPoint's shadowRoots option. */
  knownShadowRoots(): ShadowRoot[] {
    return [...this.shadowRoots];
  }

  marksIn(node: Text): readonly Mark[] {
    return this.marksByNode.get(node) ?? [];
  }

  /** All painted marks in document order. */
  orderedMarks(): Mark[] {
    const marks = [...this.marksByNode.values()].flat();
    return marks.sort((a, b) =>
      a.node === b.node
        ? a.mention.start - b.mention.start
        : a.node.compareDocumentPosition(b.node) & Node.DOCUMENT_POSITION_FOLLOWING
          ? -1
          : 1,
    );
  }

  /** Shows one mark as active (hovered, focused or revealed); null clears it. */
  setActive(mark: Mark | null, flashMs = 0): void {
    this.registerHighlights();
    this.active.clear();
    this.plainActive.clear();
    clearTimeout(this.flashTimer);
    if (!mark) return;
    this.show();
    const active = mark.plain ? this.plainActive : this.active;
    active.add(mark.range);
    if (flashMs > 0) this.flashTimer = window.setTimeout(() => active.clear(), flashMs);
  }

  counts(): Map<string, number> {
    return this.scanner.counts();
  }

  /** Puts our highlights back if the page cleared the shared registry (none before a mark shows). */
  registerHighlights(): void {
    if (this.stopped || !this.shown) return;
    for (const [name, highlight] of this.registrations()) {
      if (CSS.highlights.get(name) !== highlight) CSS.highlights.set(name, highlight);
    }
  }

  /** Our highlights; those of large blocks only once a mark there exists (most pages have none). */
  private registrations(all = this.plainUsed): [string, Highlight][] {
    const ours: [string, Highlight][] = [
      [MARK_HIGHLIGHT, this.highlight],
      [ACTIVE_HIGHLIGHT, this.active],
    ];
    if (all)
      ours.push([MARK_PLAIN_HIGHLIGHT, this.plainHighlight], [ACTIVE_PLAIN_HIGHLIGHT, this.plainActive]);
    return ours;
  }

  private addShadowRoot(shadow: ShadowRoot): void {
    if (this.shadowRoots.has(shadow)) return;
    this.shadowRoots.add(shadow);
    this.observe(shadow);
    if (this.shown) this.adoptSheet(shadow);
    this.walks.push(createTextWalk(shadow, (s) => this.addShadowRoot(s)));
    this.schedule();
  }

  /** ::highlight() rules in the document don't apply inside shadow trees; ours are adopted there. */
  private adoptSheet(shadow: ShadowRoot): void {
    try {
      const sheet = this.shadowSheet();
      if (!shadow.adoptedStyleSheets.includes(sheet)) {
        shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
      }
    } catch {
      // Firefox's content-script wrappers may refuse a sheet from our world: the text is still
      // scanned and hoverable, only its marks are unstyled inside this component.
    }
  }

  /** The first mark to show: what the page needs to show marks, and nothing before. */
  private show(): void {
    if (this.shown || this.stopped) return;
    this.shown = true;
    this.registerHighlights();
    for (const shadow of this.shadowRoots) this.adoptSheet(shadow);
  }

  private observe(target: Node): void {
    this.observer.observe(target, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: [...SKIP_ATTRIBUTES, 'class', 'open'],
      // Whether the attribute skipped its element before (see revealedBy).
      attributeOldValue: true,
    });
  }

  private schedule(): void {
    if (this.scheduled || this.stopped || this.failed || this.loadingScanner) return;
    this.scheduled = true;
    this.idle((deadline) => {
      this.scheduled = false;
      this.runSlice(deadline);
    });
  }

  /**
   * Whether the detector is ready; if not, starts building (or reading) it, once. A detector read
   * asynchronously resumes the slices when it arrives.
   */
  private ensureScanner(): boolean {
    if (this.scanner !== EMPTY_SCANNER) return true;
    if (this.loadingScanner || this.failed) return false;
    const made = this.deps.createScanner();
    const use = (scanner: PageScanner<ScanKey> | null) => {
      if (this.stopped) return;
      if (!scanner) {
        this.failed = true;
        this.deps.onScannerFailed?.();
        return;
      }
      this.scanner = scanner;
    };
    if (made && 'then' in made) {
      this.loadingScanner = true;
      void made
        .then(use, () => use(null))
        .finally(() => {
          this.loadingScanner = false;
          this.schedule();
        });
      return false;
    }
    use(made);
    return !this.failed;
  }

  private runSlice(idle?: IdleDeadline): void {
    if (this.stopped || this.loadingScanner) return;
    if (this.walkFromViewport) {
      this.walkFromViewport = false;
      if (!this.deps.gate && this.scanner === EMPTY_SCANNER) {
        // Building the detector is this slice's work; the walk starts in the next one.
        this.walkFromViewport = true;
        if (this.ensureScanner()) this.schedule();
        return;
      }
      const root = this.deps.doc.body ?? this.deps.doc.documentElement;
      if (root)
        this.walks.push(createTextWalk(root, (s) => this.addShadowRoot(s), firstVisibleText(this.deps.doc)));
    }
    const started = performance.now();
    const budget = Math.min(MAX_SLICE_MS, Math.max(MIN_SLICE_MS, idle?.timeRemaining() ?? MIN_SLICE_MS));
    const end = started + budget;
    this.yieldNow = false;
    const clock = createSliceClock(end, () => this.yieldNow);
    const { deadline } = clock;
    let countsChanged = false;
    const visit = (node: Text) => {
      clock.scanned(node.length);
      if (this.scanNode(node)) countsChanged = true;
    };
    for (const node of this.dirty) {
      this.dirty.delete(node);
      // A changed (or newly visible) long node is scanned again from its start.
      this.forgetLong(node);
      visit(node);
      if (deadline()) break;
    }
    for (const key of this.promotedWindows) {
      if (deadline()) break;
      this.promotedWindows.delete(key);
      if (this.rescanWindow(key)) countsChanged = true;
    }
    // A long node's windows may use a longer slice (still well under a 50 ms task): each slice
    // costs a frame and an idle wait, which on a huge text node outweigh the scanning. Counted
    // from the slice's start: the first window, on cold code, may already have used it up.
    const longEnd = Math.max(end, started + LONG_SLICE_MS);
    for (const node of this.continuing) {
      if (performance.now() >= longEnd) break;
      this.continuing.delete(node);
      if (this.continueLong(node)) countsChanged = true;
    }
    while (this.walks.length > 0 && !deadline()) {
      if (this.walks[0]!.step(visit, deadline)) this.walks.shift();
    }
    this.queuePromotions();
    if (countsChanged) this.deps.onCountsChanged();
    if (
      this.walks.length > 0 ||
      this.dirty.size > 0 ||
      this.continuing.size > 0 ||
      this.promotedWindows.size > 0
    )
      this.schedule();
    else if (!this.reportedDone) {
      this.reportedDone = true;
      // A user-timing mark, so benchmarks and tests can tell when the first full pass ended. The
      // page sees it: it counts only the marks the page can see (not the lookup-only ones).
      performance.mark(MARKED_MARK, { detail: { marks: this.highlight.size + this.plainHighlight.size } });
    }
  }

  /** Scans one text node; returns whether its confirmed mentions changed. */
  private scanNode(node: Text): boolean {
    const had = this.mentionsByNode.has(node) || this.invisible.has(node);
    if (!node.isConnected) {
      if (had) this.forget(node);
      return had;
    }
    const text = node.data;
    // Nearly every text node on a page is short markup filler: skip the scanner's call overhead.
    if (text.length < 2 && !had) return false;
    if (this.scanner === EMPTY_SCANNER) {
      // Text the gate stops holds no mention for any detector made with it: done. A long node
      // is never gated (in one call it would be a long task): it needs the detector's windows.
      const { gate } = this.deps;
      if (gate && text.length < LONG_TEXT) {
        if (!gate.test(text)) return false;
        // Text that passes but that no one sees, or that sits in a menu, a share bar or a footer,
        // would lose its mentions to the filter anyway: it is no reason to read the detector.
        if (!isRendered(node)) {
          this.invisible.add(node);
          return false;
        }
        this.wholeFurniture ??= this.deps.createFurnitureCheck?.() ?? (() => false);
        if (this.wholeFurniture(node)) return false;
      }
      if (!this.ensureScanner()) {
        // Scanned again first thing once the detector is here.
        this.dirty.add(node);
        this.yieldNow = true;
        return false;
      }
    }
    this.filter ??= this.composeFilter();
    if (text.length >= LONG_TEXT || this.long.has(node)) return this.scanLong(node, text, had);
    this.invisible.delete(node);
    const mentions = this.scanner.add(node, text, this.nodeFilter);
    this.unpaint(node);
    if (mentions.length === 0) {
      // The scanner keeps the node: it may hold ambiguous candidates that later evidence promotes.
      this.mentionsByNode.delete(node);
      return had;
    }
    this.mentionsByNode.set(node, mentions);
    this.paint(node, mentions);
    return true;
  }

  /**
   * Which of a node's mentions count, asked before they reach the scanner: none in text the page
   * hides with CSS (remembered, and looked at again when the page changes), so hidden text is
   * never evidence for an ambiguous name elsewhere; then the page-furniture rules.
   */
  private composeFilter(): MentionFilter<Text> {
    const rules = this.deps.createFilter?.();
    // Asked once per node per batch: the windows of a long node share the answer.
    let last: Text | null = null;
    let lastRendered = true;
    return (node, mentions) => {
      if (node !== last) {
        last = node;
        lastRendered = isRendered(node);
      }
      if (!lastRendered) {
        this.invisible.add(node);
        return [];
      }
      return rules ? rules(node, mentions) : mentions;
    };
  }

  /**
   * One window of a long node per call; the node stays in `continuing` until its end. Changed
   * text (or a node that became short) starts over.
   */
  private scanLong(node: Text, text: string, had: boolean): boolean {
    let scan = this.long.get(node);
    let changed = false;
    if (!scan || scan.text !== text) {
      if (scan) this.forgetLong(node);
      this.scanner.remove(node);
      this.unpaint(node);
      changed = this.mentionsByNode.delete(node) || had;
      if (text.length < LONG_TEXT) return this.scanNode(node) || changed;
      scan = { text, next: 0, size: FIRST_WINDOW, keys: [], found: new Map() };
      this.long.set(node, scan);
    }
    const window = nextWindow(node, scan);
    if (scan.next < text.length) this.continuing.add(node);
    else this.continuing.delete(node);
    return this.scanWindow(scan, window) || changed;
  }

  /** Scans (or rescans) one window and repaints its node; returns whether its mentions changed. */
  private scanWindow(scan: LongScan, window: ReturnType<typeof windowOf>): boolean {
    const { key } = window;
    const before = scan.found.get(key)?.length ?? 0;
    const started = performance.now();
    const found = this.scanner.add(key, window.text, windowFilter(key, window.offset, this.filter!));
    adaptWindow(scan, found.length, performance.now() - started);
    if (found.length === 0 && before === 0) return false;
    const shifted = found.map((m) => shift(m, window.offset));
    scan.found.set(key, shifted);
    const mentions = mentionsOf(scan);
    if (mentions.length) this.mentionsByNode.set(key.node, mentions);
    else this.mentionsByNode.delete(key.node);
    if (before === 0 && key === scan.keys[scan.keys.length - 1]) {
      // A new window follows everything painted so far: add its marks, repaint nothing.
      this.paint(key.node, shifted, true);
    } else {
      this.unpaint(key.node);
      if (mentions.length) this.paint(key.node, mentions);
    }
    return true;
  }

  private rescanWindow(key: Segment): boolean {
    const scan = this.long.get(key.node);
    if (!scan?.keys.includes(key) || !key.node.isConnected) return false;
    this.filter ??= this.composeFilter();
    return this.scanWindow(scan, windowOf(key, scan.text));
  }

  /**
   * The next window of a long node, from the text its scan began with: reading `node.data` again
   * would copy the whole string into this world on every window. A change to the node puts it in
   * the dirty queue, which starts its scan over.
   */
  private continueLong(node: Text): boolean {
    const scan = this.long.get(node);
    if (!scan || !node.isConnected || scan.next >= scan.text.length) return false;
    this.filter ??= this.composeFilter();
    const window = nextWindow(node, scan);
    if (scan.next < scan.text.length) this.continuing.add(node);
    return this.scanWindow(scan, window);
  }

  private forgetLong(node: Text): void {
    const scan = this.long.get(node);
    if (!scan) return;
    for (const key of scan.keys) {
      this.scanner.remove(key);
      this.promotedWindows.delete(key);
    }
    this.long.delete(node);
    this.continuing.delete(node);
  }

  /** Rescans nodes whose ambiguous mentions new evidence confirmed (the scanner now accepts them). */
  private queuePromotions(): void {
    for (const { key } of this.scanner.takePromoted()) {
      if (isSegment(key)) {
        this.promotedWindows.add(key);
        continue;
      }
      if (key.isConnected) this.dirty.add(key);
    }
  }

  /** `append`: the mentions follow the node's painted ones (the next window of a long node). */
  private paint(node: Text, mentions: readonly Mention[], append = false): void {
    const { firstMentionOnly, hiddenTypes } = this.options;
    const marks: Mark[] = (append && this.marksByNode.get(node)) || [];
    let plain: boolean | undefined;
    for (const mention of mentions) {
      if (this.painted >= MAX_MARKS) break;
      const type = this.deps.entityType(mention.entity);
      if (type && hiddenTypes.has(type)) continue;
      if (firstMentionOnly && this.shownEntities.has(mention.entity)) continue;
      if (!this.marked) {
        this.marked = true;
        this.deps.onFirstMark?.();
      }
      const range = new StaticRange({
        startContainer: node,
        startOffset: mention.start,
        endContainer: node,
        endOffset: mention.end,
      });
      if (plain === undefined) {
        plain = this.blockSizer.inLargeBlock(node);
        if (plain && !this.plainUsed) {
          this.plainUsed = true;
          this.registerHighlights();
        }
      }
      if (!this.deps.unmarked?.(mention.entity)) {
        if (!this.paintedOnce) {
          this.paintedOnce = true;
          this.deps.onFirstPaint?.();
          this.show();
          // Our styles just entered the document: end the slice, so the browser restyles the page
          // in its own rendering step rather than inside ours (the next visibility check would
          // force it here: 140 ms on a page of 20,000 paragraphs).
          this.yieldNow = true;
        }
        (plain ? this.plainHighlight : this.highlight).add(range);
      }
      this.shownEntities.add(mention.entity);
      marks.push({ node, mention, range, plain });
      this.painted++;
    }
    if (marks.length > 0) this.marksByNode.set(node, marks);
  }

  private unpaint(node: Text): void {
    const marks = this.marksByNode.get(node);
    if (!marks) return;
    for (const mark of marks) {
      if (mark.plain) {
        this.plainHighlight.delete(mark.range);
        this.plainActive.delete(mark.range);
      } else {
        this.highlight.delete(mark.range);
        this.active.delete(mark.range);
      }
    }
    this.painted -= marks.length;
    this.marksByNode.delete(node);
  }

  private forget(node: Text): void {
    this.forgetLong(node);
    this.unpaint(node);
    this.mentionsByNode.delete(node);
    this.invisible.delete(node);
    this.scanner.remove(node);
  }

  private repaint(): void {
    this.highlight.clear();
    this.plainHighlight.clear();
    this.marksByNode.clear();
    this.painted = 0;
    this.shownEntities.clear();
    for (const [node, mentions] of this.mentionsByNode) this.paint(node, mentions);
    this.registerHighlights();
  }

  private onMutations(records: MutationRecord[]): void {
    this.filter = null;
    this.blockSizer = createBlockSizer();
    this.wholeFurniture = null;
    let removedElements = false;
    let attributesChanged = false;
    const added = new Set<Node>();
    for (const record of records) {
      if (record.type === 'characterData') {
        if (record.target.nodeType === 3) this.dirty.add(record.target as Text);
      } else if (record.type === 'childList') {
        for (const node of record.removedNodes) {
          if (node.nodeType === 3) this.dropText(node as Text);
          else if (node.nodeType === 1) removedElements = true;
        }
        for (const node of record.addedNodes) added.add(node);
      } else if (record.type === 'attributes') {
        // A subtree the walk skipped (hidden by its markup) shows: it is walked as if added.
        const revealed = revealedBy(record);
        if (revealed) added.add(revealed);
        attributesChanged = true;
      }
    }
    // Something may have become visible (an accordion opened): recheck the hidden mentions, once
    // per batch however many attributes changed.
    if (attributesChanged) for (const node of this.invisible) this.dirty.add(node);
    for (const node of added) {
      // A node added inside another node added in the same batch is walked with it. Checking the
      // parent chain only up to the first added ancestor keeps deep insertions linear.
      if (!hasAddedAncestor(node, added)) queueSubtree(node, this.queue, (s) => this.addShadowRoot(s));
    }
    // One sweep per batch, however many elements went: cheaper than searching each removed subtree.
    if (removedElements) this.dropDisconnected();
    this.registerHighlights();
    this.deps.onMutationBatch?.();
    this.deps.onCountsChanged();
    // Attribute churn (animated classes and styles) queues nothing: no idle slice for it.
    if (this.dirty.size > 0 || this.walks.length > 0) this.schedule();
  }

  private dropText(node: Text): void {
    if (this.mentionsByNode.has(node) || this.invisible.has(node) || this.long.has(node)) this.forget(node);
    this.dirty.delete(node);
  }

  private dropDisconnected(): void {
    for (const node of [...this.mentionsByNode.keys(), ...this.invisible, ...this.long.keys()]) {
      if (!node.isConnected) this.forget(node);
    }
  }
}

/** Whether the element holding a text node is rendered (not display:none, not content-hidden). */
function isRendered(node: Text): boolean {
  const el = node.parentElement;
  if (!el) return true;
  if (typeof el.checkVisibility === 'function') return el.checkVisibility();
  return el.getClientRects().length > 0;
}
