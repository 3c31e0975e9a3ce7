// The welcome page. Content scripts don't run on extension pages, so the page marks its own
// sample sentences with the same page session the content script uses, and the same card.
import { uiLanguage } from '@/components/i18n';
import { mountPage } from '@/components/shared/mount';
import { Welcome, welcomeCss } from '@/components/welcome/Welcome';
import { activatePage } from '@/entrypoints/content/page-session';
import detector from '@/generated/detector.json';
import { engineFromPrecompiled, type PrecompiledDetector } from '@/lib/detect/precompiled';
import type { Lang } from '@/lib/kb/format';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/schema';
import { getSettings, PREFS_ONLY, watchSettings } from '@/utils/settings';

const data = detector as unknown as PrecompiledDetector;
const types = new Map(data.entities.map(([id, type]) => [id, type]));
let settings: Settings = DEFAULT_SETTINGS;
let lang: Lang | null = null;

async function markSamples(): Promise<void> {
  settings = await getSettings(PREFS_ONLY);
  const engine = engineFromPrecompiled(data);
  const session = activatePage({
    doc: document,
    engine: () => engine,
    entityType: (id) => types.get(id),
    settings: () => settings,
    language: () => lang ?? (settings.factLanguage === 'auto' ? uiLanguage() : settings.factLanguage),
    setLanguage: (l) => {
      lang = l;
    },
    onCountsChanged: () => {},
  });
  watchSettings((s) => {
    settings = s;
    lang = null;
    session.applySettings();
  }, PREFS_ONLY);
}

mountPage(<Welcome onSamplesRendered={() => void markSamples()} />, welcomeCss);
