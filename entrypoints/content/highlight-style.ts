// Names and CSS of the CSS Custom Highlight API registrations. The registry is shared with the
// page, so the names are prefixed to avoid clashing with a site's own highlights.
import { ACCENT } from '@/components/accent';
import type { MarkStyle, Theme } from '@/lib/settings/schema';

export const MARK_HIGHLIGHT = 'factlens-mark';
export const ACTIVE_HIGHLIGHT = 'factlens-mark-active';
/**
 * Marks in a very large block of text, and the active one there: a tint, never a text
 * decoration. Chromium lays a block out again whenever a decorated highlight in it changes, 100 ms
 * and more for a paragraph of 1 M characters on each mark added or hovered; a background costs
 * nothing there.
 */
export const MARK_PLAIN_HIGHLIGHT = 'factlens-mark-plain';
export const ACTIVE_PLAIN_HIGHLIGHT = 'factlens-mark-active-plain';

/** The accent at some opacity, for the translucent mark backgrounds. */
const tint = (color: string, percent: number) => `color-mix(in srgb, ${color} ${percent}%, transparent)`;

function rules(style: MarkStyle, accent: string, dark: boolean): string {
  const background = `background-color: ${tint(accent, dark ? 22 : 16)};`;
  const mark =
    style === 'underline'
      ? `::highlight(${MARK_HIGHLIGHT}) { text-decoration: underline dotted ${accent} 2px; }`
      : style === 'background'
        ? `::highlight(${MARK_HIGHLIGHT}) { ${background} }`
        : '';
  const plain = style === 'hover' ? '' : `::highlight(${MARK_PLAIN_HIGHLIGHT}) { ${background} }`;
  const active = `background-color: ${tint(accent, dark ? 30 : 28)};`;
  return `${mark}
${plain}
::highlight(${ACTIVE_HIGHLIGHT}) { ${active} text-decoration: underline solid ${accent} 2px; }
::highlight(${ACTIVE_PLAIN_HIGHLIGHT}) { ${active} }`;
}

/**
 * Document-level rules for the chosen mark style and theme: the reader's light or dark choice,
 * or the system's. Only constants and enum values go in here.
 */
export function highlightCss(style: MarkStyle, theme: Theme = 'auto'): string {
  if (theme === 'light') return rules(style, ACCENT.light, false);
  if (theme === 'dark') return rules(style, ACCENT.dark, true);
  return `${rules(style, ACCENT.light, false)}
@media (prefers-color-scheme: dark) { ${rules(style, ACCENT.dark, true)} }`;
}
