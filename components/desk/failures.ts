// A failed pin change in words the reader understands: the store's English message (which says
// what happened and what was kept) when the UI is English, else the translated code. Notes use
// the knowledge store's `failureText` (components/entries/editor-model.ts).
import { type MessageKey, t, uiLanguage } from '@/components/i18n';
import type { PinWriteResult } from '@/lib/messages/background';
import { pinErrorText } from '../shared/pin-error';

/**
 * The reason a pin change failed. `sentence` wraps the translated code (a fragment such as
 * "browser storage is full; nothing was changed") where the text must stand on its own.
 */
export function pinFailure(result: PinWriteResult, sentence?: MessageKey): string {
  if (result.ok) return '';
  if (uiLanguage() === 'en' && result.message) return result.message;
  const reason = pinErrorText(result.error);
  return sentence ? t(sentence, reason) : reason;
}
