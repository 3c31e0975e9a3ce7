import { mountPage } from '@/components/shared/mount';
import { Welcome, welcomeCss } from '@/components/welcome/Welcome';
import { activatePage } from '@/entrypoints/content/page-session';
import detector from '@/generated/detector.json';
import { engineFromPrecompiled, type PrecompiledDetector } from '@/lib/detect/precompiled';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/schema';
import { getSettings, PREFS_ONLY, watchSettings } from '@/utils/settings';

const data = detector as unknown as PrecompiledDetector;
const types = new Map(data.entities.map(([id, type]) => [id, type]));
let settings: Settings = DEFAULT_SETTINGS;

async function markSamples(): Promise<void> {
  settings = await getSettings(PREFS_ONLY);
  const engine = engineFromPrecompiled(data);
  const session = activatePage({
    doc: document,
    engine: () => engine,
    entityType: (id) => types.get(id),
    settings: () => settings,
    onCountsChanged: () => {},
  });
  watchSettings((s) => {
    settings = s;
    session.applySettings();
  }, PREFS_ONLY);
}

mountPage(<Welcome onSamplesRendered={() => void markSamples()} />, welcomeCss);
