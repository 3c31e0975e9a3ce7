// Base styles of the extension's own pages (popup, side panel, options).
import { factCss } from '../facts/fact-css';
import { themeCss } from '../theme';

export const pageCss = `${themeCss(':root')}
html, body { margin: 0; background: var(--fl-bg); color: var(--fl-fg);
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
*, *::before, *::after { box-sizing: border-box; }
h1 { font-size: 16px; margin: 0; }
h2 { font-size: 14px; margin: 0; }
a { color: var(--fl-accent); }
.fl-muted { color: var(--fl-fg-soft); }
.fl-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
${factCss}`;
