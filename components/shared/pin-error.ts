// A failed pin change in words the reader understands, in the UI language: the store's stable
// error codes each have a message; an unknown one (or no answer at all) reads as unreachable.
import { type MessageKey, t } from '@/components/i18n';

const KNOWN = new Set(['quota', 'readonly', 'invalid', 'not-found', 'storage']);

export function pinErrorText(error: string | undefined): string {
  return t(`error_${error && KNOWN.has(error) ? error : 'storage'}` as MessageKey);
}
