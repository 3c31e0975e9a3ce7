// Strings of the hover card in the page.
export const cardStrings = {
  cardLabel: { en: 'Factlens: $1', zh: 'Factlens:$1' },
  openInSidePanel: { en: 'Open in side panel', zh: '在侧边栏中打开' },
  followLink: { en: 'Follow the link', zh: '打开链接' },
  moreFacts: { en: 'Show $1 more', zh: '再显示 $1 条' },
  fewerFacts: { en: 'Show fewer', zh: '收起' },
  openRelated: { en: 'Show $1', zh: '查看$1' },
  loading: { en: 'Loading…', zh: '加载中…' },
  unavailable: {
    en: 'Factlens was updated or restarted: reload the page to see cards again.',
    zh: 'Factlens 已更新或重启:请刷新页面以继续查看卡片。',
  },
};
