import { describe, expect, it } from 'vitest';
import { isId, MAX_ID_LENGTH } from './entity-id';

describe('ids', () => {
  it('accept kebab-case up to the length limit, and nothing else', () => {
    for (const ok of ['qwen', 'gpt-4', '01-ai', 'a'.repeat(MAX_ID_LENGTH)]) expect(isId(ok), ok).toBe(true);
    for (const bad of [
      '',
      'Qwen',
      'gpt--4',
      '-qwen',
      'qwen-',
      '__proto__',
      'a b',
      'a'.repeat(MAX_ID_LENGTH + 1),
      7,
      null,
    ]) {
      expect(isId(bad), String(bad)).toBe(false);
    }
  });
});
