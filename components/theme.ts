// Design tokens shared by the card (inside a shadow root) and the extension pages. light-dark()
// picks each colour from the used color-scheme: the system's by default, or the reader's choice
// through [data-theme] on the host (":host") or the page root (":root").
import { ACCENT } from './accent';

const TOKENS = `--fl-bg: light-dark(#ffffff, #1b2129); --fl-bg-soft: light-dark(#f4f6f8, #242c36);
  --fl-fg: light-dark(#17202a, #e6edf3); --fl-fg-soft: light-dark(#52606d, #9aa8b6);
  --fl-border: light-dark(#d5dde5, #35414e); --fl-accent: light-dark(${ACCENT.light}, ${ACCENT.dark});
  --fl-accent-soft: light-dark(#ccfbf1, #134e4a); --fl-accent-fg: light-dark(#ffffff, #042f2e);
  --fl-warn: light-dark(#92400e, #fcd34d); --fl-warn-soft: light-dark(#fef3c7, #422006);
  --fl-bar-a: light-dark(${ACCENT.light}, ${ACCENT.dark}); --fl-bar-b: light-dark(#94a3b8, #64748b);
  --fl-focus: light-dark(#2563eb, #60a5fa);
  --fl-shadow: 0 8px 28px light-dark(rgba(15, 23, 42, 0.18), rgba(0, 0, 0, 0.5)), 0 1px 3px light-dark(rgba(15, 23, 42, 0.12), rgba(0, 0, 0, 0.4));`;

export function themeCss(scope: ':host' | ':root'): string {
  // In the shadow root the host is reset with `all: initial` (color-scheme included), so the
  // scheme is set on the card's layer, below it; custom properties survive `all`.
  const target = scope === ':host' ? '.fl-layer' : ':root';
  const themed = (theme: string) =>
    scope === ':host' ? `:host([data-theme='${theme}']) .fl-layer` : `:root[data-theme='${theme}']`;
  return `${scope} { ${TOKENS} }
${target} { color-scheme: light dark; }
${themed('light')} { color-scheme: light; }
${themed('dark')} { color-scheme: dark; }
@media (prefers-reduced-motion: reduce) { *, *::before, *::after { transition: none !important; animation: none !important; } }`;
}

/** Resolves the reader's theme choice to the attribute value, or null to follow the system. */
export function themeAttribute(theme: 'auto' | 'light' | 'dark'): string | null {
  return theme === 'auto' ? null : theme;
}
