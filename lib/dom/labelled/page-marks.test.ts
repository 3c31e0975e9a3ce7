// The page-furniture rules on the hand-labelled marks of the shared corpus (pages and READMEs):
// every mark the detector makes there is labelled content or furniture; the rules must keep
// content and leave furniture out. Skipped where ../shared is absent.
import { describe, expect, it } from 'vitest';
import { createDetector } from '@/lib/detect';
import { realTable } from '@/lib/detect/testing/tables';
import { corpusFiles, evaluateMarks, formatMarkEvaluation, loadMarkLabels } from './page-marks';

const MIN_PRECISION = 0.99;
const MIN_RECALL = 0.99;
const available = corpusFiles().length > 0;

describe('labelled real-page marks', () => {
  it('labels each mark once, as content or furniture, with a real anchor', () => {
    const labels = loadMarkLabels();
    const keys = labels.map((l) => `${l.file}|${l.entity}|${l.hash}|${l.nth}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(
      labels.every((l) => (l.label === 'content' || l.label === 'furniture') && l.anchor.length > 0),
    ).toBe(true);
    expect(labels.filter((l) => l.label === 'furniture').length).toBeGreaterThanOrEqual(100);
  });

  it.skipIf(!available)(
    `keeps content and drops furniture: precision ${MIN_PRECISION}, recall ${MIN_RECALL} (needs ../shared/corpus)`,
    () => {
      const result = evaluateMarks(createDetector(realTable()).engine);
      const report = formatMarkEvaluation(result);
      expect(result.unlabelled, report).toEqual([]);
      expect(result.stale, report).toEqual([]);
      expect(result.precision, report).toBeGreaterThanOrEqual(MIN_PRECISION);
      expect(result.recall, report).toBeGreaterThanOrEqual(MIN_RECALL);
      // Every page the corpus has with furniture marks is checked, not only a few.
      expect(result.furniture).toBeGreaterThanOrEqual(140);
    },
  );

  it.skipIf(available)('SKIPPED: the real-page marks need ../shared/corpus, which is absent', () => {});
});
