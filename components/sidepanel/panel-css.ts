// Styles of the side panel.
export const panelCss = `
body { min-width: 280px; }
.fl-panel { display: flex; flex-direction: column; min-height: 100vh; }
.fl-panel-body { padding: 12px 14px 24px; display: grid; gap: 12px; align-content: start; }
.fl-panel h2 { font-size: 12px; text-transform: uppercase; letter-spacing: 0.05em; color: var(--fl-fg-soft); margin: 10px 0 6px; }
.fl-panel h3 { font-size: 13px; margin: 12px 0 0; }
.fl-empty-state { color: var(--fl-fg-soft); text-align: center; padding: 24px 8px; margin: 0; }
.fl-entity-list { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; }
.fl-entity-list li { display: flex; gap: 4px; align-items: stretch; }
.fl-entity-row { flex: 1; display: flex; justify-content: space-between; align-items: center; gap: 8px; font: inherit; text-align: left;
  border: 1px solid var(--fl-border); border-radius: 8px; padding: 7px 10px; background: var(--fl-bg); color: var(--fl-fg); cursor: pointer; }
.fl-entity-row:hover { border-color: var(--fl-accent); }
.fl-entity-row:focus-visible { outline: 2px solid var(--fl-focus); outline-offset: 1px; }
.fl-entity-name { font-weight: 600; }
.fl-count { font-size: 12px; color: var(--fl-fg-soft); white-space: nowrap; }
.fl-search { width: 100%; font: inherit; padding: 8px 10px; border: 1px solid var(--fl-border); border-radius: 8px; background: var(--fl-bg); color: var(--fl-fg); }
.fl-chips, .fl-related { display: flex; flex-wrap: wrap; gap: 6px; }
.fl-entity-page header { margin-top: 6px; }
.fl-entity-page h2 { text-transform: none; letter-spacing: 0; color: var(--fl-fg); font-size: 18px; margin: 4px 0 8px; }
.fl-name-other { font-weight: 500; color: var(--fl-fg-soft); font-size: 14px; }
.fl-aliases { font-size: 12px; }
.fl-source-note { font-size: 11px; margin-top: 16px; }
.fl-pins { display: grid; gap: 10px; }
.fl-pins-tools { display: grid; gap: 8px; }
.fl-row { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.fl-fieldset { border: 0; padding: 0; margin: 0; }
.fl-fieldset legend { float: left; margin-right: 4px; }
.fl-row select { font: inherit; padding: 4px 6px; border: 1px solid var(--fl-border); border-radius: 6px; background: var(--fl-bg); color: var(--fl-fg); }
.fl-status-line { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; min-height: 1em; font-size: 12px; }
.fl-report { width: 100%; color: var(--fl-warn); }
.fl-report ul { margin: 4px 0 0; padding-left: 18px; }
.fl-banner { background: var(--fl-warn-soft); color: var(--fl-fg); border: 1px solid var(--fl-warn); border-radius: 8px; padding: 8px 10px; margin: 0; font-size: 12px; }
.fl-banner ul { margin: 4px 0 0; padding-left: 18px; }
.fl-pin-meta { width: 100%; display: grid; gap: 6px; }
.fl-pin-meta p { margin: 0; font-size: 12px; }
.fl-note, .fl-tags input { width: 100%; font: inherit; font-size: 12px; padding: 6px 8px; border: 1px solid var(--fl-border); border-radius: 6px; background: var(--fl-bg); color: var(--fl-fg); resize: vertical; }
.fl-fact-actions { justify-content: flex-start; }
.fl-btn-danger { background: #b91c1c; border-color: #b91c1c; color: #fff; }
.fl-danger-zone { margin-top: 8px; }
`;
