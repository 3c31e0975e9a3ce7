import { describe, expect, it } from 'vitest';
import { hasVersionAfter } from './rules';

/** The text, and where the name in it ends. */
const versionAfter = (text: string, name: string, han = false) =>
  hasVersionAfter(text, text.indexOf(name) + name.length, han);

describe('hasVersionAfter', () => {
  it('reads a version or size right after a name', () => {
    expect(versionAfter('Claude 3.5 Sonnet', 'Claude')).toBe(true);
    expect(versionAfter('Yi-34B is open', 'Yi')).toBe(true);
    expect(versionAfter('Kimi k1.5 and', 'Kimi')).toBe(true);
    expect(versionAfter('Kimi K2 is out', 'Kimi')).toBe(true);
    expect(versionAfter('DeepSeek V3', 'DeepSeek')).toBe(true);
    expect(versionAfter('Llama2', 'Llama')).toBe(true);
  });

  it('takes no year, count, lone letter or other prefix for a version', () => {
    expect(versionAfter('Claude 1840', 'Claude')).toBe(false);
    expect(versionAfter('Kimi k', 'Kimi')).toBe(false);
    expect(versionAfter('Kimi x2', 'Kimi')).toBe(false);
    expect(versionAfter('Kimi is here', 'Kimi')).toBe(false);
    expect(versionAfter('Qwen', 'Qwen')).toBe(false);
  });

  it('asks a Han name for a number that looks like a version', () => {
    expect(versionAfter('盘古3.0发布', '盘古', true)).toBe(true);
    expect(versionAfter('可图1.5', '可图', true)).toBe(true);
    expect(versionAfter('元宝2个', '元宝', true)).toBe(false);
  });
});
