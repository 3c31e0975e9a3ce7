// The accent colour, light and dark, defined once: the theme tokens, the marks on pages and the
// toolbar badge all take it from here.
export const ACCENT = { light: '#0f766e', dark: '#2dd4bf' } as const;
