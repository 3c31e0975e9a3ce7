// Design tokens shared by the card (inside a shadow root) and the extension pages.
// `scope` is ":host" in the shadow root and ":root" in extension pages; [data-theme] overrides
// the system preference when the reader picked a theme in the options.
export function themeCss(scope: ':host' | ':root'): string {
  const light = `--fl-bg: #ffffff; --fl-bg-soft: #f4f6f8; --fl-fg: #17202a; --fl-fg-soft: #52606d;
    --fl-border: #d5dde5; --fl-accent: #0f766e; --fl-accent-soft: #ccfbf1; --fl-accent-fg: #ffffff;
    --fl-warn: #92400e; --fl-warn-soft: #fef3c7; --fl-bar-a: #0f766e; --fl-bar-b: #94a3b8;
    --fl-focus: #2563eb; --fl-shadow: 0 8px 28px rgba(15, 23, 42, 0.18), 0 1px 3px rgba(15, 23, 42, 0.12);
    color-scheme: light;`;
  const dark = `--fl-bg: #1b2129; --fl-bg-soft: #242c36; --fl-fg: #e6edf3; --fl-fg-soft: #9aa8b6;
    --fl-border: #35414e; --fl-accent: #2dd4bf; --fl-accent-soft: #134e4a; --fl-accent-fg: #042f2e;
    --fl-warn: #fcd34d; --fl-warn-soft: #422006; --fl-bar-a: #2dd4bf; --fl-bar-b: #64748b;
    --fl-focus: #60a5fa; --fl-shadow: 0 8px 28px rgba(0, 0, 0, 0.5), 0 1px 3px rgba(0, 0, 0, 0.4);
    color-scheme: dark;`;
  const scoped = (theme: string) =>
    scope === ':host' ? `:host([data-theme='${theme}'])` : `:root[data-theme='${theme}']`;
  return `${scope} { ${light} }
@media (prefers-color-scheme: dark) { ${scope} { ${dark} } }
${scoped('light')} { ${light} }
${scoped('dark')} { ${dark} }
@media (prefers-reduced-motion: reduce) { *, *::before, *::after { transition: none !important; animation: none !important; } }`;
}

/** Resolves the reader's theme choice to the attribute value, or null to follow the system. */
export function themeAttribute(theme: 'auto' | 'light' | 'dark'): string | null {
  return theme === 'auto' ? null : theme;
}
