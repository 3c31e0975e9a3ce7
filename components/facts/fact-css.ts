// Styles of facts, figures, charts and buttons, shared by the card's shadow root and the side panel.
// A .css file imported ?inline: Vite minifies it, like every style sheet of the extension.
import factCss from './fact.css?inline';

export { factCss };
