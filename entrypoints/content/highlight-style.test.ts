import { describe, expect, it } from 'vitest';
import { ACCENT } from '@/components/accent';
import {
  ACTIVE_PLAIN_HIGHLIGHT,
  highlightCss,
  MARK_HIGHLIGHT,
  MARK_PLAIN_HIGHLIGHT,
} from './highlight-style';

describe('mark colours', () => {
  it('follow the reader’s theme choice, and the system only when the choice is auto', () => {
    const light = highlightCss('underline', 'light');
    expect(light).toContain(ACCENT.light);
    expect(light).not.toContain(ACCENT.dark);
    expect(light).not.toContain('prefers-color-scheme');
    const dark = highlightCss('underline', 'dark');
    expect(dark).toContain(ACCENT.dark);
    expect(dark).not.toContain(ACCENT.light);
    const auto = highlightCss('background', 'auto');
    expect(auto).toContain(ACCENT.light);
    expect(auto.slice(auto.indexOf('@media (prefers-color-scheme: dark)'))).toContain(ACCENT.dark);
  });

  it('never decorate the marks of very large blocks, in any style or theme', () => {
    const ruleOf = (css: string, name: string) =>
      css.match(new RegExp(`::highlight\\(${name}\\) \\{[^}]*\\}`, 'g')) ?? [];
    for (const style of ['underline', 'background', 'hover'] as const) {
      for (const theme of ['light', 'dark', 'auto'] as const) {
        const css = highlightCss(style, theme);
        const plain = [...ruleOf(css, MARK_PLAIN_HIGHLIGHT), ...ruleOf(css, ACTIVE_PLAIN_HIGHLIGHT)];
        expect(plain.length).toBeGreaterThan(0);
        for (const rule of plain) expect(rule).not.toContain('text-decoration');
        // Marks shown only on hover stay unpainted in large blocks too.
        expect(ruleOf(css, MARK_PLAIN_HIGHLIGHT).length > 0).toBe(style !== 'hover');
      }
    }
    expect(ruleOf(highlightCss('underline', 'light'), MARK_HIGHLIGHT)[0]).toContain('text-decoration');
  });
});
