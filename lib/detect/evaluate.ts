// Precision and recall of a detector over labelled passages, counted over (passage, entity) pairs:
// each passage is a page of its own, and an entity counts once per passage however often it appears.
import type { Mention } from './types';

export interface Labelled {
  id: string;
  text: string;
  expected: readonly string[];
  note?: string;
}

export interface Evaluation {
  passages: number;
  truePositives: number;
  falsePositives: { item: Labelled; entity: string; texts: string[] }[];
  falseNegatives: { item: Labelled; entity: string }[];
  precision: number;
  recall: number;
}

export function evaluate(detect: (text: string) => Mention[], items: readonly Labelled[]): Evaluation {
  const result: Evaluation = {
    passages: items.length,
    truePositives: 0,
    falsePositives: [],
    falseNegatives: [],
    precision: 1,
    recall: 1,
  };
  for (const item of items) {
    const found = new Map<string, string[]>();
    for (const m of detect(item.text)) {
      const texts = found.get(m.entity) ?? [];
      texts.push(m.text);
      found.set(m.entity, texts);
    }
    const expected = new Set(item.expected);
    for (const [entity, texts] of found) {
      if (expected.has(entity)) result.truePositives++;
      else result.falsePositives.push({ item, entity, texts });
    }
    for (const entity of expected) if (!found.has(entity)) result.falseNegatives.push({ item, entity });
  }
  const tp = result.truePositives;
  const predicted = tp + result.falsePositives.length;
  const actual = tp + result.falseNegatives.length;
  result.precision = predicted ? tp / predicted : 1;
  result.recall = actual ? tp / actual : 1;
  return result;
}

const excerpt = (text: string, max = 140) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
};

/** The confusion as readable lines: totals, then every false positive and false negative. */
export function formatEvaluation(e: Evaluation, label = 'labelled set'): string {
  const lines = [
    `${label}: ${e.passages} passages, ${e.truePositives + e.falseNegatives.length} expected pairs`,
    `  precision ${e.precision.toFixed(4)}  recall ${e.recall.toFixed(4)}  ` +
      `(TP ${e.truePositives}, FP ${e.falsePositives.length}, FN ${e.falseNegatives.length})`,
  ];
  if (e.falsePositives.length) lines.push('  false positives:');
  for (const f of e.falsePositives) {
    lines.push(`    + ${f.entity} [${f.texts.join(' | ')}] in ${f.item.id}: ${excerpt(f.item.text)}`);
  }
  if (e.falseNegatives.length) lines.push('  false negatives:');
  for (const f of e.falseNegatives) lines.push(`    - ${f.entity} in ${f.item.id}: ${excerpt(f.item.text)}`);
  return lines.join('\n');
}
