// Styles of the side panel.
import panelCss from './panel.css?inline';

export { panelCss };
