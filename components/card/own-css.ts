// The private part's sheet: the shared buttons and the notes' own rules.
import { factCss } from '../facts/fact-css';
import ownSheet from './own.css?inline';

export const ownCss = `${factCss}\n${ownSheet}`;
