import { describe, expect, it } from 'vitest';
import { longEnough } from './PasswordDialog';

describe('longEnough', () => {
  it('counts characters that are not spaces, a Chinese character as one', () => {
    expect(longEnough('abcdefgh')).toBe(true);
    expect(longEnough('abcdefg')).toBe(false);
    expect(longEnough('        ')).toBe(false);
    expect(longEnough('a b c d e f g')).toBe(false);
    expect(longEnough('关系管理销售团队')).toBe(true);
    expect(longEnough('关系管理销售团')).toBe(false);
  });
});
