// The marker's own file (marker.js): the page session (marker, furniture rules, hover, the card's
// stand-in) and the engine built from the precompiled detector. Not listed in the manifest's
// content scripts: the content script imports it once some text passes the mention gate
// (content/marker-loader.ts), so a page that mentions nothing we know never parses it. Built as
// an ES module like card-ui.js (wxt.config.ts).
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { engineFromPrecompiled } from '@/lib/detect/precompiled';
import type { MarkerModule } from './content/marker-loader';
import { activatePage } from './content/page-session';

export default defineUnlistedScript((): MarkerModule => ({ activatePage, engineFromPrecompiled }));
