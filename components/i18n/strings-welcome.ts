// Strings of the welcome page shown once, when Factlens is installed.
export const welcomeStrings = {
  welcomeTitle: { en: 'Welcome to Factlens', zh: '欢迎使用 Factlens' },
  welcomeLead: {
    en: 'Factlens quietly marks the AI companies, models, chips, benchmarks and people it knows on the pages you read. Rest the pointer on a mark — or tap it on a touch screen — to see the facts and figures we hold about it.',
    zh: 'Factlens 会在你阅读的网页上,悄悄标出它所了解的 AI 公司、模型、芯片、评测基准和人物。把指针停在标记上(触摸屏上轻点标记),就能看到我们掌握的事实和数据。',
  },
  welcomeTryHeading: { en: 'Try it here', zh: '在这里试试' },
  welcomeTryHint: {
    en: 'These sentences are marked like any web page would be. Rest the pointer on a marked name.',
    zh: '下面的句子会像普通网页一样被标记。把指针停在带标记的名称上试试。',
  },
  welcomePanelHeading: { en: 'The side panel', zh: '侧边栏' },
  welcomePanelText: {
    en: 'Click the Factlens button in the toolbar and choose “Open side panel”: every entry found on the page, the facts you pinned with your notes and tags, and a search of everything Factlens knows, in either language.',
    zh: '点击工具栏中的 Factlens 按钮并选择“打开侧边栏”:这里有本页找到的所有条目、你收藏的事实(附笔记和标签),以及对 Factlens 全部知识的中英文搜索。',
  },
  welcomePanelButton: { en: 'Open the side panel', zh: '打开侧边栏' },
  welcomeSiteHeading: { en: 'Off for a site in one click', zh: '一键在某个网站上关闭' },
  welcomeSiteText: {
    en: 'The same toolbar button switches Factlens off for the site you are on, or pauses it everywhere. Alt+Shift+F does it from the keyboard; Alt+Shift+N moves to the next mention.',
    zh: '同一个工具栏按钮可以在当前网站上关闭 Factlens,或在所有网站上暂停。键盘上按 Alt+Shift+F 也能切换;Alt+Shift+N 跳到下一个提及。',
  },
  welcomePrivateHeading: { en: 'Nothing leaves your browser', zh: '数据不会离开你的浏览器' },
  welcomePrivateText: {
    en: 'The knowledge base is built in. Factlens makes no network requests of its own, sends nothing about the pages you read anywhere, and keeps your pins and notes in your browser’s own storage.',
    zh: '知识库内置在扩展中。Factlens 自己不发出任何网络请求,不会把你阅读的网页信息发送到任何地方,你的收藏和笔记只保存在浏览器自己的存储中。',
  },
  welcomeOptions: {
    en: 'Options: how marks look, when cards open, languages',
    zh: '设置:标记样式、卡片打开方式、语言',
  },
};
