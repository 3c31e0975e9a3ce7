// The pins as the side panel sees them: read from storage and kept live; every change is asked
// of the background, the store's only writer, so two windows never overwrite each other.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { BackgroundRequest, PinWriteResult } from '@/lib/messages/background';
import { askBackground } from '@/utils/messaging';
import { readTargetTab } from '@/utils/page-info';
import { createPinReader, type Pin, type PinStoreState } from '@/utils/pin-store';

export type PinResult = PinWriteResult;
/** The pin-store changes the panel asks of the background. */
type PinRequest = Extract<BackgroundRequest, { type: `pins/${string}` | 'pin' }>;

const EMPTY: PinStoreState = { pins: [], problems: [], readOnly: false };

export function usePins() {
  const [state, setState] = useState<PinStoreState>(EMPTY);
  useEffect(() => {
    const store = createPinReader();
    void store.read().then(setState);
    return store.watch(setState);
  }, []);

  const pinnedFacts = useMemo(() => new Set(state.pins.map((p) => p.factId)), [state.pins]);

  const send = async (request: PinRequest): Promise<PinResult> =>
    (await askBackground(request)) ?? { ok: false, error: 'storage' };

  return {
    state,
    pinnedFacts,
    /** Pins from the panel: the page it was pinned from is the active tab, when it is a web page. */
    async pinFromPanel(factId: string, entity: string): Promise<PinResult> {
      const { page } = await readTargetTab();
      return send({
        type: 'pin',
        factId,
        entity,
        url: page?.host ? page.url : 'about:factlens',
        title: page?.host ? page.title : 'Factlens',
      });
    },
    update: (id: string, patch: { note?: string; tags?: string[] }) =>
      send({ type: 'pins/update', id, ...patch }),
    remove: (ids: string[]) => send({ type: 'pins/remove', ids }),
    restore: (pins: Pin[]) => send({ type: 'pins/restore', pins }),
    clear: () => send({ type: 'pins/clear' }),
    importText: (text: string) => send({ type: 'pins/import', text }),
  };
}

export type PinsApi = ReturnType<typeof usePins>;
