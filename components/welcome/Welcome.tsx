// The welcome page, shown once on install: what Factlens does, a few live sentences to hover,
// where the side panel and the per-site switch are, and that nothing leaves the browser.
import { useEffect, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/components/i18n';
import { openSidePanelNow } from '@/utils/open-side-panel';

/** Real sentences in both languages, whatever the UI language: the page marks them live. */
const SAMPLES = [
  'Alibaba says its Qwen models now rival the best closed systems on Chinese-language tests, and Huawei trains large models on its Ascend 910B chips.',
  'DeepSeek and Zhipu AI keep releasing open weights, while Moonshot AI’s Kimi reads very long documents.',
  '阿里巴巴的通义千问在多项中文评测中名列前茅,华为昇腾910B 成为国产算力的重要选择。',
  '月之暗面推出的 Kimi 擅长长文本,零一万物则发布了 Yi-34B 模型。',
];

export function Welcome(props: { onSamplesRendered(root: HTMLElement): void }) {
  const samples = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (samples.current) props.onSamplesRendered(samples.current);
  }, []);
  return (
    <main class="fl-welcome">
      <header class="fl-welcome-head">
        <img src="/icon/128.png" width={56} height={56} alt="" />
        <h1>{t('welcomeTitle')}</h1>
      </header>
      <p class="fl-lead">{t('welcomeLead')}</p>
      <section aria-labelledby="try-h" class="fl-try">
        <h2 id="try-h">{t('welcomeTryHeading')}</h2>
        <p class="fl-muted">{t('welcomeTryHint')}</p>
        <div ref={samples} class="fl-samples">
          {SAMPLES.map((s) => (
            <p key={s} lang={/[\u4e00-\u9fff]/.test(s) ? 'zh-CN' : 'en'}>
              {s}
            </p>
          ))}
        </div>
      </section>
      <div class="fl-welcome-grid">
        <section aria-labelledby="panel-h">
          <h2 id="panel-h">{t('welcomePanelHeading')}</h2>
          <p>{t('welcomePanelText')}</p>
          <button
            type="button"
            class="fl-btn fl-btn-primary"
            onClick={() => void openSidePanelNow().catch(() => {})}
          >
            {t('welcomePanelButton')}
          </button>
        </section>
        <section aria-labelledby="site-h">
          <h2 id="site-h">{t('welcomeSiteHeading')}</h2>
          <p>{t('welcomeSiteText')}</p>
        </section>
        <section aria-labelledby="private-h">
          <h2 id="private-h">{t('welcomePrivateHeading')}</h2>
          <p>{t('welcomePrivateText')}</p>
        </section>
      </div>
      <p>
        <a href={browser.runtime.getURL('/options.html')}>{t('welcomeOptions')}</a>
      </p>
    </main>
  );
}

export const welcomeCss = `
.fl-welcome { max-width: 760px; margin: 0 auto; padding: 40px 24px 56px; font-size: 15px; line-height: 1.6; }
.fl-welcome-head { display: flex; align-items: center; gap: 16px; margin-bottom: 8px; }
.fl-welcome h1 { font-size: 28px; }
.fl-welcome h2 { font-size: 17px; margin-bottom: 6px; }
.fl-lead { font-size: 17px; }
.fl-try { margin: 28px 0; padding: 20px 24px; border: 1px solid var(--fl-border); border-radius: 12px; background: var(--fl-bg-soft); }
.fl-samples p { font: 18px/1.7 Georgia, "Noto Serif CJK SC", "Songti SC", serif; margin: 12px 0; }
.fl-welcome-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 24px; margin: 12px 0 28px; }
.fl-welcome .fl-btn { font: inherit; font-size: 14px; padding: 8px 14px; border-radius: 8px; cursor: pointer; }
.fl-welcome .fl-btn-primary { background: var(--fl-accent); color: var(--fl-accent-fg); border: 0; }
.fl-welcome .fl-btn:focus-visible, .fl-welcome a:focus-visible { outline: 2px solid var(--fl-accent); outline-offset: 2px; }
`;
