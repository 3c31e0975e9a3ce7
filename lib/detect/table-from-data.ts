// Node only (tests, CLI, benchmark): the detector table compiled in memory from data/, so it is
// never stale. Entities missing from data/entities fall back to the shared spec (ids and types).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DetectorTable } from '@/lib/kb/compiled';
import { type TableEntity, toDetectorTable } from '@/lib/kb/detector-table';
import { openccVariants } from '@/lib/kb/han-dictionary';
import { repoRoot, sharedRoot } from '@/lib/kb/load';
import type { Detection, EntityType } from '@/lib/kb/schema';
import { parseEntitySpec } from '@/lib/kb/spec';

function readJsonDir(dir: string): unknown[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as unknown);
}

export function loadDetectorTable(root = repoRoot): DetectorTable {
  const entities = new Map<string, TableEntity>();
  for (const file of readJsonDir(path.join(root, 'data/entities'))) {
    for (const e of (file as { entities?: TableEntity[] }).entities ?? []) {
      entities.set(e.id, { id: e.id, type: e.type, related: e.related ?? [] });
    }
  }
  const specFile = path.join(sharedRoot, 'spec/entities.tsv');
  if (existsSync(specFile)) {
    for (const s of parseEntitySpec(readFileSync(specFile, 'utf8'))) {
      if (!entities.has(s.id)) entities.set(s.id, { id: s.id, type: s.type as EntityType, related: [] });
    }
  }
  const detection: Record<string, Detection> = {};
  for (const file of readJsonDir(path.join(root, 'data/detection'))) {
    Object.assign(detection, file as Record<string, Detection>);
  }
  return toDetectorTable([...entities.values()], detection, openccVariants());
}
