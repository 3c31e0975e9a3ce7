// Tables for tests: a small synthetic one whose rules are visible in the test, and the real one
// compiled from data/.
import type { CompiledAlias, DetectorTable } from '@/lib/kb/compiled';
import type { EntityType } from '@/lib/kb/schema';
import { loadDetectorTable } from '../table-from-data';

export interface TestEntity {
  id: string;
  type?: EntityType;
  related?: string[];
  cues?: string[];
  negativeCues?: string[];
  aliases: (string | (Partial<CompiledAlias> & { text: string }))[];
}

export function makeTable(entities: TestEntity[]): DetectorTable {
  return {
    version: 1,
    entities: entities.map((e) => ({
      id: e.id,
      type: e.type ?? 'company',
      related: e.related ?? [],
      cues: e.cues ?? [],
      ...(e.negativeCues ? { negativeCues: e.negativeCues } : {}),
    })),
    aliases: entities.flatMap((e) =>
      e.aliases.map((a) => {
        const rule = typeof a === 'string' ? { text: a } : a;
        return {
          text: rule.text,
          entity: e.id,
          caseSensitive: rule.caseSensitive ?? false,
          needsContext: rule.needsContext ?? false,
        };
      }),
    ),
  };
}

let real: DetectorTable | undefined;
/** The table compiled from data/, loaded once per test file. */
export function realTable(): DetectorTable {
  real ??= loadDetectorTable();
  return real;
}
