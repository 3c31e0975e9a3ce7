import { describe, expect, it } from 'vitest';
import { hasVersionAfter } from './rules';

/** The text, and where the name in it ends. */
const versionAfter = (text: string, name: string, han = false) =>
  hasVersionAfter(text, text.indexOf(name) + name.length, han);

describe('hasVersionAfter', () => {
  it.each([
    ['Claude 3.5 Sonnet', 'Claude'],
    ['Yi-34B is open', 'Yi'],
    ['Kimi k1.5 and', 'Kimi'],
    ['Kimi K2 is out', 'Kimi'],
    ['DeepSeek V3', 'DeepSeek'],
    ['Llama2', 'Llama'],
  ])('reads a version or size right after a name: %s', (text, name) => {
    expect(versionAfter(text, name)).toBe(true);
  });

  it.each([
    ['Claude 1840', 'Claude'],
    ['Kimi k', 'Kimi'],
    ['Kimi x2', 'Kimi'],
    ['Kimi is here', 'Kimi'],
    ['Qwen', 'Qwen'],
  ])('takes no year, count, lone letter or other prefix for a version: %s', (text, name) => {
    expect(versionAfter(text, name)).toBe(false);
  });

  it.each([
    ['盘古3.0发布', '盘古', true],
    ['可图1.5', '可图', true],
    ['元宝2个', '元宝', false],
  ])('asks a Han name for a number that looks like a version: %s', (text, name, version) => {
    expect(versionAfter(text, name, true)).toBe(version);
  });
});
