// Where pins live in local storage, for the store and for readers that only watch for changes
// (the content script, which must not carry the store).
export const PINS_STORAGE_KEY = 'pins';
