// The card's styles, inside its shadow root: nothing leaks into the page and the page's CSS
// can't reach in (all: initial on the host resets inherited properties).
import { factCss } from '../facts/fact-css';
import { themeCss } from '../theme';
import cardOwnCss from './card.css?inline';

export const cardCss = `${themeCss(':host')}\n${cardOwnCss}\n${factCss}`;
