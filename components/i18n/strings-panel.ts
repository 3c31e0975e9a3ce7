// Strings of the side panel.
export const panelStrings = {
  panelTabPage: { en: 'On this page', zh: '本页' },
  panelTabPinned: { en: 'Pinned', zh: '收藏' },
  panelTabExplore: { en: 'Explore', zh: '探索' },
  panelTabsLabel: { en: 'Factlens views', zh: 'Factlens 视图' },
};
