// Where pins live in local storage, for the store and for readers that only watch for changes
// (the content script, which must not carry the store).
export const PINS_STORAGE_KEY = 'pins';
/** Where the reader's own entries, notes and packs live (utils/knowledge-store.ts). */
export const KNOWLEDGE_STORAGE_KEY = 'knowledge';
