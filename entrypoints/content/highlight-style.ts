// Names and CSS of the CSS Custom Highlight API registrations. The registry is shared with the
// page, so the names are prefixed to avoid clashing with a site's own highlights.
import type { MarkStyle } from '@/lib/settings/schema';

export const MARK_HIGHLIGHT = 'factlens-mark';
export const ACTIVE_HIGHLIGHT = 'factlens-mark-active';

const ACCENT_LIGHT = '13, 148, 136';
const ACCENT_DARK = '45, 212, 191';

/** Document-level rules for the chosen mark style. Only constants and enum values go in here. */
export function highlightCss(style: MarkStyle): string {
  const base =
    style === 'underline'
      ? `::highlight(${MARK_HIGHLIGHT}) { text-decoration: underline dotted rgb(${ACCENT_LIGHT}) 2px; }
@media (prefers-color-scheme: dark) { ::highlight(${MARK_HIGHLIGHT}) { text-decoration-color: rgb(${ACCENT_DARK}); } }`
      : style === 'background'
        ? `::highlight(${MARK_HIGHLIGHT}) { background-color: rgba(${ACCENT_LIGHT}, 0.16); }
@media (prefers-color-scheme: dark) { ::highlight(${MARK_HIGHLIGHT}) { background-color: rgba(${ACCENT_DARK}, 0.22); } }`
        : '';
  return `${base}
::highlight(${ACTIVE_HIGHLIGHT}) { background-color: rgba(${ACCENT_LIGHT}, 0.28); text-decoration: underline solid rgb(${ACCENT_LIGHT}) 2px; }
@media (prefers-color-scheme: dark) { ::highlight(${ACTIVE_HIGHLIGHT}) { background-color: rgba(${ACCENT_DARK}, 0.3); } }`;
}
