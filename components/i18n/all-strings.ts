// Every string, for the locale build and the tests (never imported by the extension bundles).
import { cardStrings } from './strings-card';
import { commonStrings } from './strings-common';
import { entriesStrings } from './strings-entries';
import { optionsStrings } from './strings-options';
import { panelStrings } from './strings-panel';
import { popupStrings } from './strings-popup';
import { welcomeStrings } from './strings-welcome';

export const allStrings: Record<string, { en: string; zh: string }> = {
  ...commonStrings,
  ...cardStrings,
  ...panelStrings,
  ...popupStrings,
  ...optionsStrings,
  ...welcomeStrings,
  ...entriesStrings,
};
