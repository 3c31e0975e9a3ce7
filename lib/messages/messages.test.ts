import { describe, expect, it } from 'vitest';
import { parseBackgroundRequest } from './background';
import { parseContentRequest } from './content';

describe('message validation', () => {
  it('accepts the messages the extension sends', () => {
    expect(parseBackgroundRequest({ type: 'card', entity: 'qwen' })).toEqual({
      type: 'card',
      entity: 'qwen',
    });
    expect(parseBackgroundRequest({ type: 'page-counts', enabled: true, counts: { qwen: 3 } })?.type).toBe(
      'page-counts',
    );
    expect(parseContentRequest({ type: 'reveal', entity: 'ascend' })?.type).toBe('reveal');
  });

  it('rejects unknown, malformed and oversized messages', () => {
    expect(parseBackgroundRequest({ type: 'eval', code: '1' })).toBeNull();
    expect(parseBackgroundRequest({ type: 'card', entity: '<script>' })).toBeNull();
    expect(parseBackgroundRequest({ type: 'page-counts', enabled: true, counts: { qwen: -1 } })).toBeNull();
    expect(
      parseBackgroundRequest({ type: 'pin', factId: 'a', entity: 'b', url: 'x'.repeat(5000), title: '' }),
    ).toBeNull();
    expect(parseBackgroundRequest({ type: 'pins/import', text: 'x'.repeat(5_000_001) })).toBeNull();
    expect(parseBackgroundRequest(null)).toBeNull();
    expect(parseContentRequest('next-mention')).toBeNull();
  });
});
