// The welcome page, shown once on install: what Factlens does, a few live sentences to hover,
// where the side panel and the per-site switch are, and that nothing leaves the browser.
import { useEffect, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/components/i18n';
import { openSidePanelNow } from '@/utils/open-side-panel';
import welcomeCss from './welcome.css?inline';

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

export { welcomeCss };
