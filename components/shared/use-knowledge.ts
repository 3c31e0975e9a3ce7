// The reader's own entries, notes and packs as extension pages see them: read from storage and
// kept live; every change is asked of the background, the store's only writer.
import { useEffect, useState } from 'preact/hooks';
import type { BackgroundRequest, KnowledgeWriteResult } from '@/lib/messages/background';
import { createKnowledgeReader, type KnowledgeView } from '@/utils/knowledge-store';
import { askBackground } from '@/utils/messaging';

/** The knowledge changes extension pages ask of the background. */
export type KnowledgeRequest = Extract<
  BackgroundRequest,
  { type: `notes/${string}` | `entities/${string}` | `packs/${string}` | 'knowledge/clear' }
>;

const EMPTY: KnowledgeView = { state: { entities: [], notes: [], packs: [] }, problems: [], readOnly: false };

/** One request; no answer (the background stopped) reads as a storage failure, never as success. */
export async function askKnowledge(request: KnowledgeRequest): Promise<KnowledgeWriteResult> {
  return (
    ((await askBackground(request)) as KnowledgeWriteResult | null) ?? {
      ok: false,
      error: 'storage',
      message: 'The extension could not be reached; nothing was changed.',
    }
  );
}

export function useKnowledge() {
  const [view, setView] = useState<KnowledgeView>(EMPTY);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    const reader = createKnowledgeReader();
    void reader.read().then((v) => {
      setView(v);
      setLoaded(true);
    });
    return reader.watch(setView);
  }, []);
  return { view, loaded, ask: askKnowledge };
}

export type KnowledgeApi = ReturnType<typeof useKnowledge>;
