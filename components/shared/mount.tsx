// Mounts an extension page: its styles, its language, its theme, and the Preact root.
import { type ComponentChild, render } from 'preact';
import { uiLanguage } from '@/components/i18n';
import { themeAttribute } from '@/components/theme';
import { getSettings, PREFS_ONLY, watchSettings } from '@/utils/settings';
import { pageCss } from './page-css';

export function mountPage(view: ComponentChild, extraCss = ''): void {
  const style = document.createElement('style');
  style.textContent = pageCss + extraCss;
  document.head.append(style);
  document.documentElement.lang = uiLanguage() === 'zh' ? 'zh-CN' : 'en';
  const applyTheme = (theme: 'auto' | 'light' | 'dark') => {
    const attr = themeAttribute(theme);
    if (attr) document.documentElement.setAttribute('data-theme', attr);
    else document.documentElement.removeAttribute('data-theme');
  };
  void getSettings(PREFS_ONLY).then((s) => applyTheme(s.theme));
  watchSettings((s) => applyTheme(s.theme), PREFS_ONLY);
  render(view, document.getElementById('app')!);
}
