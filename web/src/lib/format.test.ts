import { describe, expect, it } from 'vitest';
import { deltaDirection, formatDelta, formatMean, formatPercent, formatShare } from './format';

describe('formatting figures', () => {
  it('writes means with two decimals and unknown as a dash', () => {
    expect(formatMean(0.9)).toBe('0.90');
    expect(formatMean(-0.10606060606060606)).toBe('-0.11');
    expect(formatMean(null)).toBe('—');
  });
  it('writes percents and shares', () => {
    expect(formatPercent(-11)).toBe('-11%');
    expect(formatPercent(null)).toBe('—');
    expect(formatShare(0.5212)).toBe('52.1%');
  });
  it('signs changes and keeps zero unsigned', () => {
    expect(formatDelta(0.154)).toBe('+0.15');
    expect(formatDelta(-0.154)).toBe('−0.15');
    expect(formatDelta(-0.001)).toBe('0.00');
    expect(formatDelta(3, true)).toBe('+3');
    expect(formatDelta(-21, true)).toBe('−21');
    expect(formatDelta(undefined)).toBe('—');
  });
  it('gives the arrow direction', () => {
    expect(deltaDirection(0.2)).toBe('up');
    expect(deltaDirection(-1)).toBe('down');
    expect(deltaDirection(0)).toBe('flat');
    expect(deltaDirection(null)).toBe('none');
  });
});
