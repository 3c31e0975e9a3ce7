// Styles of facts, figures, charts and buttons, shared by the card's shadow root and the side panel.
// Kept in a .css file so the build minifies it.
import factCss from './fact.css?raw';

export { factCss };
