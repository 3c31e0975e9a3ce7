import { describe, expect, it } from 'vitest';
import { ACCENT } from '@/components/accent';
import { highlightCss } from './highlight-style';

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
});
