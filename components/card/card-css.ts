// The card's styles, inside its shadow root: nothing leaks into the page and the page's CSS
// can't reach in (all: initial on the host resets inherited properties).
import { factCss } from '../facts/fact-css';
import { themeCss } from '../theme';

export const cardCss = `${themeCss(':host')}
:host { all: initial; }
.fl-layer { position: fixed; top: 0; left: 0; pointer-events: auto; }
.fl-card { box-sizing: border-box; width: min(380px, calc(100vw - 16px)); max-height: var(--fl-max-h, 70vh);
  display: flex; flex-direction: column; background: var(--fl-bg); color: var(--fl-fg);
  border: 1px solid var(--fl-border); border-radius: 12px; box-shadow: var(--fl-shadow);
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  text-align: left; opacity: 1; transition: opacity 120ms ease-out; }
.fl-card *, .fl-card *::before, .fl-card *::after { box-sizing: border-box; }
.fl-card-head { display: flex; justify-content: space-between; align-items: flex-start; gap: 8px; padding: 10px 10px 6px 14px; }
.fl-card-title h2 { margin: 3px 0 0; font-size: 17px; line-height: 1.25; font-weight: 700; }
.fl-card-title h2:focus { outline: none; }
.fl-name-other { font-weight: 500; color: var(--fl-fg-soft); font-size: 14px; }
.fl-card-tools { display: flex; gap: 2px; flex-shrink: 0; }
.fl-card-body { padding: 0 14px 8px; overflow-y: auto; overscroll-behavior: contain; }
.fl-summary { margin: 0; color: var(--fl-fg); }
.fl-related { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-top: 10px; }
.fl-related-label { font-size: 11px; color: var(--fl-fg-soft); margin-right: 2px; }
.fl-status { margin: 6px 0 0; font-size: 12px; color: var(--fl-warn); min-height: 0; }
.fl-status:empty { display: none; }
.fl-empty { color: var(--fl-fg-soft); }
.fl-card-foot { display: flex; justify-content: space-between; align-items: center; gap: 8px; padding: 8px 14px 10px;
  border-top: 1px solid var(--fl-border); background: var(--fl-bg-soft); border-radius: 0 0 12px 12px; }
.fl-source { font-size: 11px; line-height: 1.35; color: var(--fl-fg-soft); min-width: 0; }
.fl-card-foot .fl-btn { white-space: nowrap; flex-shrink: 0; }
${factCss}`;
