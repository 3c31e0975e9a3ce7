import { describe, expect, it } from 'vitest';
import { minifyCss } from './vite-raw-css';

describe('minifyCss', () => {
  it('drops comments and whitespace without changing selectors', () => {
    const css = `/* note */\n:host([data-theme='dark']) .a > .b:hover {\n  color: red;\n  margin: 0 auto;\n}\n.c, .d { x: y }`;
    expect(minifyCss(css)).toBe(":host([data-theme='dark']) .a>.b:hover{color:red;margin:0 auto}.c,.d{x:y}");
  });
});
