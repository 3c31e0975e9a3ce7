// Where Factlens's start-up time goes, by phase, from one CPU profile: each of its samples is put
// in the phase of the first frame, from the leaf upward, that a rule recognises. The content script
// is minified, so the rules look at what survives minification: property and method names
// (runSlice, scanNode, setHighlightCss, createScanner), DOM and extension APIs, string literals and
// idioms in the head of the function's source. A sample no rule recognises counts as "other".
// Only JavaScript stacks are seen: the style and paint the browser does later, in its own tasks,
// are not in these samples (the trace's rendering figures cover them).
import { type CallFrame, type CpuProfile, ownStacks, sampleDurations } from './cdp-profile';

export const PHASES = [
  'script evaluation',
  'settings',
  'engine load',
  'walk',
  'scan',
  'paint/style',
  'UI setup',
  'other',
] as const;

export type Phase = (typeof PHASES)[number];

export interface PhaseRule {
  phase: Phase;
  /** Matches the frame's function name. */
  name?: RegExp;
  /** Matches the head of the function's source (own frames only; see functionHead). */
  source?: RegExp;
  /** The rule is for native frames (DOM and V8 built-ins, no URL) rather than the script's own. */
  native?: boolean;
}

/**
 * The rules, checked in order on each frame. Native DOM calls are recognised by name, which only
 * decides when nothing nearer the leaf has; the script's own frames by name or source.
 */
export const FACTLENS_PHASE_RULES: readonly PhaseRule[] = [
  // First, as its head also names the engine and the detector-load measure: activate() and
  // activatePage(), which set the page session up, recognised by the deps they pass and take.
  { phase: 'UI setup', source: /\bdoc:document,engine:|\{doc:\w+\}=\w+,\w+=\w+\.defaultView\?\?window/ },
  // Reading settings: getSettings reads storage.sync; host() picks the site rules to read.
  { phase: 'settings', source: /storage\.sync\./ },
  { phase: 'settings', source: /location\.href\)\?\?\w+\(document\.referrer\)/ },
  { phase: 'settings', source: /\.disabledSites\b/ },
  // The precompiled detector: its JSON, the automaton's tables, the scanner built on the engine,
  // and the detector cache read (one key of storage.local, indexed).
  { phase: 'engine load', name: /^(createScanner|engine|engineFromPrecompiled)$/ },
  { phase: 'engine load', source: /JSON\.parse\(|Uint16Array\(65536\)|precompiled|factlens:detector-load/ },
  { phase: 'engine load', source: /storage\.local\.get\(\w+\)\)\[\w+\]/ },
  // useDetector: keeps the precompiled data and indexes its entities.
  { phase: 'engine load', source: /\{data:\w+,engine:null\}/ },
  // Painting and styling: highlight registration, the ranges, the ::highlight() style sheet, and
  // the style or layout a visibility check forces.
  {
    phase: 'paint/style',
    name: /^(setHighlightCss|registerHighlights|paint|unpaint|repaint|refreshShadowCss|shadowSheet|setActive)$/,
  },
  {
    phase: 'paint/style',
    source: /CSS\.highlights|new StaticRange|replaceSync|adoptedStyleSheets|::highlight/,
  },
  {
    phase: 'paint/style',
    native: true,
    name: /^(checkVisibility|getClientRects|getBoundingClientRect|getComputedStyle|replaceSync)$/,
  },
  // Scanning a text node's string (the automaton runs inside scanner.add) and filtering mentions.
  { phase: 'scan', name: /^(scanNode|composeFilter|createFilter|takePromoted|queuePromotions)$/ },
  // The gate (its test method), and the gate watch's visit of a text node (gate-watch.ts).
  { phase: 'scan', name: /^test$/ },
  { phase: 'scan', source: /\.isConnected\)return;let \w+=\w+\.data/ },
  // Walking the DOM: the idle slice (and the idle callback that runs it), the text walk, the
  // TreeWalker.
  { phase: 'walk', source: /timeRemaining\(\)/ },
  { phase: 'walk', name: /^(runSlice|step|nextText)$/ },
  { phase: 'walk', source: /createTreeWalker|\.nextNode\(\)|this\.runSlice\(/ },
  { phase: 'walk', native: true, name: /^(nextNode|createTreeWalker|querySelectorAll)$/ },
  // The page session: our host element and shadow root, the card, the pointer listeners, the
  // marker and its MutationObserver.
  { phase: 'UI setup', source: /attachShadow\(|new MutationObserver\(|addEventListener\(`pointer/ },
];

/** The script's top-level code: the anonymous frame at its very start, or the IIFE wrapping it. */
const isTopLevel = (frame: CallFrame) =>
  !frame.functionName && frame.lineNumber === 0 && frame.columnNumber < 16;

const CLOSE: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/**
 * The head of the function that starts at a 0-based offset: its text up to where it ends (the
 * closing brace of its body, or the comma or bracket after an arrow's expression), at most `max`
 * characters, so a rule never reads the next function of a minified bundle. Strings and template
 * literals are skipped over; regular expression literals are not parsed (a bracket in one can end
 * the head early or late, within `max`).
 */
export function functionHead(source: string, offset: number, max = 200): string {
  const end = Math.min(source.length, offset + max);
  const stack: string[] = [];
  let bodyOpened = false;
  let i = offset;
  for (; i < end; i++) {
    const c = source[i]!;
    const inTemplate = stack.at(-1) === '`';
    if (inTemplate) {
      if (c === '\\') i++;
      else if (c === '`') stack.pop();
      else if (c === '$' && source[i + 1] === '{') {
        stack.push('${');
        i++;
      }
      continue;
    }
    if (c === '"' || c === "'") {
      for (i++; i < end && source[i] !== c; i++) if (source[i] === '\\') i++;
      continue;
    }
    if (c === '`') stack.push('`');
    else if (c === '(' || c === '[' || c === '{') {
      if (c === '{' && stack.length === 0) bodyOpened = true;
      stack.push(c);
    } else if (c in CLOSE) {
      const open = stack.pop();
      // A bracket of the enclosing code: the function (an arrow's expression) ended before it.
      if (open === undefined) break;
      if (open === '${') continue;
      if (stack.length === 0 && c === '}' && bodyOpened) {
        i++;
        break;
      }
    } else if ((c === ',' || c === ';') && stack.length === 0) break;
  }
  return source.slice(offset, i);
}

/** 0-based (line, column) to a 0-based offset, with the line starts computed once. */
export function offsetFinder(source: string): (line: number, column: number) => number {
  const starts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return (line, column) => (starts[line] ?? source.length) + column;
}

export interface PhaseShare {
  phase: Phase;
  ms: number;
  /** Of the script's attributed time in the profile. */
  share: number;
}

export interface PhaseBreakdown {
  /** Every phase, in PHASES order, zeros included. */
  phases: PhaseShare[];
  totalMs: number;
  /** The leaf functions of the "other" samples, most expensive first: what the rules missed. */
  other: { name: string; url: string; line: number; column: number; ms: number; head: string }[];
}

export interface ClassifyOptions {
  /** The script's URL test (the same as for attribution). */
  isOwn: (url: string) => boolean;
  /** The source of one of the script's files (the content script, the marker's file), by URL. */
  source: (url: string) => string;
  rules?: readonly PhaseRule[];
}

/** Classifies the script's samples (those attributed to it) into phases. */
export function phaseBreakdown(profile: CpuProfile, options: ClassifyOptions): PhaseBreakdown {
  const { isOwn, source } = options;
  const rules = options.rules ?? FACTLENS_PHASE_RULES;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    if (node.parent !== undefined) parent.set(node.id, node.parent);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const own = ownStacks(profile, isOwn);
  const files = new Map<string, { text: string; offsetOf: ReturnType<typeof offsetFinder> }>();
  const heads = new Map<string, string>();
  const headOf = (frame: CallFrame) => {
    const key = `${frame.url}:${frame.lineNumber}:${frame.columnNumber}`;
    let head = heads.get(key);
    if (head === undefined) {
      let file = files.get(frame.url);
      if (!file) {
        const text = source(frame.url);
        file = { text, offsetOf: offsetFinder(text) };
        files.set(frame.url, file);
      }
      head = functionHead(file.text, file.offsetOf(frame.lineNumber, frame.columnNumber));
      heads.set(key, head);
    }
    return head;
  };

  const frameVerdict = (frame: CallFrame): Phase | null => {
    const mine = isOwn(frame.url);
    if (mine && isTopLevel(frame)) return 'script evaluation';
    // A frame of another script (the page's listener for an event we dispatched) says nothing.
    if (!mine && frame.url) return null;
    for (const rule of rules) {
      if (Boolean(rule.native) === mine) continue;
      if (rule.name && !rule.name.test(frame.functionName)) continue;
      if (rule.source && !(mine && rule.source.test(headOf(frame)))) continue;
      if (!rule.name && !rule.source) continue;
      return rule.phase;
    }
    return null;
  };

  const memo = new Map<number, Phase>();
  const classify = (leaf: number): Phase => {
    const known = memo.get(leaf);
    if (known) return known;
    let phase: Phase = 'other';
    for (let at: number | undefined = leaf; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      const verdict = frame ? frameVerdict(frame) : null;
      if (verdict) {
        phase = verdict;
        break;
      }
    }
    memo.set(leaf, phase);
    return phase;
  };

  const durations = sampleDurations(profile);
  const ms = new Map<Phase, number>(PHASES.map((p) => [p, 0]));
  const other = new Map<string, PhaseBreakdown['other'][number]>();
  let total = 0;
  (profile.samples ?? []).forEach((id, i) => {
    if (!own.get(id)) return;
    const frame = byId.get(id)?.callFrame;
    if (!frame || frame.functionName === '(idle)') return;
    const us = durations[i] ?? 0;
    total += us;
    const phase = classify(id);
    ms.set(phase, ms.get(phase)! + us);
    if (phase === 'other') {
      const key = `${frame.url}\u0000${frame.lineNumber}\u0000${frame.columnNumber}\u0000${frame.functionName}`;
      const entry = other.get(key) ?? {
        name: frame.functionName || '(anonymous)',
        url: frame.url,
        line: frame.lineNumber + 1,
        column: frame.columnNumber + 1,
        ms: 0,
        head: isOwn(frame.url) ? headOf(frame).slice(0, 72) : '',
      };
      entry.ms += us / 1000;
      other.set(key, entry);
    }
  });
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    phases: PHASES.map((phase) => ({
      phase,
      ms: round(ms.get(phase)! / 1000),
      share: total > 0 ? ms.get(phase)! / total : 0,
    })),
    totalMs: round(total / 1000),
    other: [...other.values()]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 8)
      .map((o) => ({ ...o, ms: round(o.ms) })),
  };
}
