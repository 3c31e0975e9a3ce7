// The fact index as the side panel uses it: bundled with the page, indexed once on load.
import kbJson from '@/generated/kb.json';
import { createCardIndex } from '@/lib/kb/card';
import type { CompiledKb } from '@/lib/kb/compiled';

export const kb = kbJson as unknown as CompiledKb;
export const cards = createCardIndex(kb);
