// The detector's public contract, used by the content script, the CLI and the benchmarks.

/** A mention in one string; offsets are UTF-16 code units, `text === input.slice(start, end)`. */
export interface Mention {
  entity: string;
  start: number;
  end: number;
  text: string;
}

/** Which of a node's mentions count (given all of them, ambiguous ones included). */
export type MentionFilter<K> = (key: K, mentions: readonly Mention[]) => readonly Mention[];

/** Stateless detection of one string, treated as a whole page of its own. */
export interface Detector {
  detect(text: string): Mention[];
}

/**
 * Incremental detection over one page's text nodes. A mention never spans two nodes, since
 * the marks are DOM ranges inside one text node. The scanner keeps page-level evidence
 * (entities already seen unambiguously) and counts, so newly added text is scanned alone.
 */
export interface PageScanner<K> {
  /**
   * Scan one node's text; returns its mentions that are confirmed now. Re-adding a key replaces it.
   * `keep`, called only when the text names something, says which of its mentions count at all
   * (the page-furniture rules): the others are neither marked, counted nor evidence.
   */
  add(key: K, text: string, keep?: MentionFilter<K>): Mention[];
  /** Forget a node (its text was removed or changed); its mentions leave the counts. */
  remove(key: K): void;
  /**
   * Mentions in nodes added earlier that new evidence has since confirmed
   * (an ambiguous "Ascend" seen before "Huawei" appeared further down). Each is returned once.
   */
  takePromoted(): { key: K; mention: Mention }[];
  /** Confirmed mention counts per entity id over the nodes currently held. */
  counts(): Map<string, number>;
}
