// A Vite plugin: `import css from './x.css?raw'` yields the file minified (comments and needless
// whitespace gone). The CSS ends up in a shadow root or a <style> as a string, where Vite's own
// CSS pipeline doesn't reach, and the content script's size budget counts every byte.
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';

export function minifyCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();
}

export function rawCssMinify(): Plugin {
  return {
    name: 'factlens:raw-css-minify',
    enforce: 'pre',
    async load(id) {
      if (!id.endsWith('.css?raw')) return null;
      const css = await readFile(id.slice(0, -'?raw'.length), 'utf8');
      return `export default ${JSON.stringify(minifyCss(css))};`;
    },
  };
}
