// Styles of facts, figures, charts and buttons, shared by the card's shadow root and the side panel.
export const factCss = `
.fl-btn { font: inherit; font-size: 12px; line-height: 1.2; border: 1px solid var(--fl-border); background: var(--fl-bg);
  color: var(--fl-fg); border-radius: 6px; padding: 5px 9px; cursor: pointer; }
.fl-btn:hover { background: var(--fl-bg-soft); }
.fl-btn:focus-visible, .fl-chip:focus-visible, [tabindex]:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible {
  outline: 2px solid var(--fl-focus); outline-offset: 2px; }
.fl-btn-primary { background: var(--fl-accent); border-color: var(--fl-accent); color: var(--fl-accent-fg); font-weight: 600; }
.fl-btn-primary:hover { background: var(--fl-accent); filter: brightness(1.08); }
.fl-btn-ghost { border-color: transparent; background: transparent; min-width: 28px; font-size: 14px; padding: 4px 7px; }
.fl-btn-link { border: 0; background: none; color: var(--fl-accent); padding: 2px 0; text-decoration: underline; }
.fl-btn-small { padding: 3px 8px; font-size: 12px; }
.fl-pin[aria-pressed='true'] { background: var(--fl-accent-soft); border-color: var(--fl-accent); }
.fl-facts { list-style: none; margin: 8px 0 0; padding: 0; display: grid; gap: 8px; }
.fl-fact { border: 1px solid var(--fl-border); border-radius: 8px; padding: 8px 10px; background: var(--fl-bg); }
.fl-fact-opinion { border-style: dashed; background: var(--fl-warn-soft); }
.fl-fact-head { display: flex; justify-content: space-between; gap: 8px; font-size: 11px; color: var(--fl-fg-soft); }
.fl-kind { text-transform: uppercase; letter-spacing: 0.04em; font-weight: 600; }
.fl-kind-opinion { color: var(--fl-warn); }
.fl-kind-reported { text-transform: none; letter-spacing: 0; }
.fl-section { text-align: right; }
.fl-fact-text { margin: 4px 0 0; }
.fl-figures { list-style: none; padding: 0; margin: 6px 0 0; display: flex; flex-wrap: wrap; gap: 6px; }
.fl-figure { background: var(--fl-bg-soft); border-radius: 6px; padding: 3px 7px; font-size: 12px; display: flex; gap: 6px; align-items: baseline; }
.fl-figure strong { color: var(--fl-accent); font-size: 13px; }
.fl-figure span { color: var(--fl-fg-soft); }
.fl-chart { margin: 8px 0 0; }
.fl-chart figcaption { font-size: 11px; color: var(--fl-fg-soft); margin-bottom: 2px; }
.fl-chart svg { display: block; max-width: 100%; overflow: visible; }
.fl-chart-label { font-size: 11px; fill: var(--fl-fg-soft); }
.fl-chart-value { font-size: 11px; font-weight: 600; fill: var(--fl-fg); }
.fl-bar-a { fill: var(--fl-bar-a); }
.fl-bar-b { fill: var(--fl-bar-b); }
.fl-fact-actions { display: flex; gap: 6px; justify-content: flex-end; margin-top: 6px; flex-wrap: wrap; }
.fl-chip { font: inherit; font-size: 12px; border: 1px solid var(--fl-border); background: var(--fl-bg-soft); color: var(--fl-fg);
  border-radius: 999px; padding: 2px 9px; cursor: pointer; }
.fl-chip:hover { border-color: var(--fl-accent); }
.fl-type { display: inline-block; font-size: 10px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.06em;
  color: var(--fl-accent); background: var(--fl-accent-soft); border-radius: 4px; padding: 1px 6px; }
`;
