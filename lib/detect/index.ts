// The detector: finds mentions of the knowledge base's entities in text (see types.ts).
export { type CompiledDetector, createDetector } from './detector';
export { createPageScanner } from './scanner';
export type { Detector, Mention, PageScanner } from './types';
