// Node only (tests, CLI, benchmark): the detector table from data/, validated and compiled the way
// the build compiles it for the extension, so what they measure is what ships. Invalid data is an
// error naming every problem, as `npm run kb` reports it.
import type { DetectorTable } from '@/lib/kb/compiled';
import { toDetectorTable } from '@/lib/kb/detector-table';
import { openccVariants } from '@/lib/kb/han-dictionary';
import { loadData, repoRoot } from '@/lib/kb/load';

export function loadDetectorTable(root = repoRoot): DetectorTable {
  const { problems, data } = loadData(root);
  if (problems.length) {
    throw new Error(`data/ is invalid (${problems.length} problems):\n  ${problems.join('\n  ')}`);
  }
  return toDetectorTable(data.entities, data.detection, openccVariants());
}
