// Strings of the toolbar popup.
export const popupStrings = {
  popupOnForSite: { en: 'On for this site', zh: '在此网站上启用' },
  popupIncludeSubdomains: { en: 'Include subdomains', zh: '包括子域名' },
  popupPauseAll: { en: 'Pause everywhere', zh: '全局暂停' },
  popupPaused: { en: 'Factlens is paused on every site.', zh: 'Factlens 已在所有网站上暂停。' },
  popupUnsupported: { en: 'Factlens doesn’t run on this page.', zh: 'Factlens 无法在此页面上运行。' },
  popupMentions: { en: '$1 of $2 on this page', zh: '本页共有 $1,涉及 $2' },
  popupNoMentions: { en: 'No mentions found on this page yet.', zh: '本页暂未发现相关提及。' },
  popupSiteOff: { en: 'Off on this site.', zh: '已在此网站上关闭。' },
  popupOpenPanel: { en: 'Open side panel', zh: '打开侧边栏' },
  popupOptions: { en: 'Options', zh: '设置' },
  popupShortcutHint: { en: 'Shortcut: $1 toggles this site', zh: '快捷键:$1 切换此网站' },
};
