// The rules of docs/web.md "How numbers read", with real values from the demo, in both languages.
import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import {
  deltaDirection, deltaTone, formatAmount, formatCount, formatCountDelta, formatMean, formatMeanDelta, formatNumber, formatPercent,
  formatPointsDelta, formatShare, isSmallSample, percentOfMean, relativeChange, TONE_COLOR,
} from './format';

describe('values in the UI language', () => {
  it('separates thousands in both languages', () => {
    expect(formatCount(10000, 'en')).toBe('10,000');
    expect(formatCount(10000, 'zh-CN')).toBe('10,000');
    expect(formatCount(30000, 'en')).toBe('30,000');
    expect(formatNumber(1234567.891, 'en', 2)).toBe('1,234,567.89');
    expect(formatCount(null, 'en')).toBe('—');
  });
  it('separates thousands in counts inside sentences too', () => {
    expect(i18n.getFixedT('zh-CN', 'customers')('count', { count: 10000 })).toBe('共 10,000 个客户');
    expect(i18n.getFixedT('en', 'customers')('count', { count: 10000 })).toBe('10,000 customers');
  });
  it('writes amounts with their currency', () => {
    expect(formatAmount(1234567, 'zh-CN')).toBe('¥1,234,567');
    expect(formatAmount(1234567, 'en')).toBe('CN¥1,234,567');
    expect(formatAmount(2500000, 'en', 'USD')).toBe('$2,500,000');
    expect(formatAmount(null, 'en')).toBe('—');
  });
  it('writes a percent with one decimal and the mean with two', () => {
    expect(formatPercent(-4.8, 'en')).toBe('-4.8%');
    expect(formatPercent(90, 'zh-CN')).toBe('90.0%');
    expect(formatPercent(-140.9, 'zh-CN')).toBe('-140.9%');
    expect(formatPercent(null, 'en')).toBe('—');
    expect(formatMean(-0.10606060606060606, 'en')).toBe('-0.11');
    expect(formatMean(0.9, 'zh-CN')).toBe('0.90');
    expect(formatMean(-0.001, 'en')).toBe('0.00');
    expect(formatMean(undefined, 'en')).toBe('—');
  });
  it('turns a mean into its percent as SPEC §5 rounds it (half away from zero)', () => {
    expect(percentOfMean(-0.0625)).toBe(-6.3);
    expect(percentOfMean(0.0625)).toBe(6.3);
    expect(percentOfMean(1 / 3)).toBe(33.3);
    expect(percentOfMean(-0.16)).toBe(-16);
    expect(percentOfMean(null)).toBeNull();
  });
  it('writes shares as percents', () => {
    expect(formatShare(0.5212, 'en')).toBe('52.1%');
    expect(formatShare(0.776, 'zh-CN')).toBe('77.6%');
    expect(formatShare(null, 'en')).toBe('—');
  });
});

describe('changes in the unit of their figure', () => {
  it('writes a mean change under a percent in percentage points', () => {
    // −0.104 of a mean is −10.4 points of the percent.
    expect(formatPointsDelta(-0.104, 'en')).toBe('−10.4 pp');
    expect(formatPointsDelta(-0.104, 'zh-CN')).toBe('−10.4个百分点');
    expect(formatPointsDelta(0.0125, 'en')).toBe('+1.3 pp');
    expect(formatPointsDelta(0, 'zh-CN')).toBe('0.0个百分点');
    expect(formatPointsDelta(-0.0001, 'en')).toBe('0.0 pp');
    expect(formatPointsDelta(null, 'en')).toBe('—');
  });
  it('writes a count change as a count with its relative change, said to be relative', () => {
    // 77 un-insighted now, −16 on the month: 93 a month ago, −16/93 = −17.2%.
    expect(relativeChange(-16, 77)).toBeCloseTo(-16 / 93);
    expect(formatCountDelta(-16, 'en', 77)).toBe('−16 (−17.2% rel.)');
    expect(formatCountDelta(-16, 'zh-CN', 77)).toBe('−16（相对 −17.2%）');
    expect(formatCountDelta(3, 'en', 40)).toBe('+3 (+8.1% rel.)');
    expect(formatCountDelta(1200, 'en', 11200)).toBe('+1,200 (+12.0% rel.)');
  });
  it('leaves the relative change out when there is none', () => {
    expect(formatCountDelta(0, 'en', 40)).toBe('0');
    expect(formatCountDelta(5, 'en', 5)).toBe('+5'); // from 0: no relative change (SPEC §5)
    expect(formatCountDelta(5, 'zh-CN')).toBe('+5');
    expect(relativeChange(5, 5)).toBeNull();
    expect(formatCountDelta(null, 'en', 3)).toBe('—');
  });
  it('writes a mean change as a mean where the mean is the figure', () => {
    expect(formatMeanDelta(0.154, 'en')).toBe('+0.15');
    expect(formatMeanDelta(-0.154, 'zh-CN')).toBe('−0.15');
    expect(formatMeanDelta(-0.001, 'en')).toBe('0.00');
  });
});

describe('colour by meaning', () => {
  it('paints a rise of a mean or of supporters green and a fall red', () => {
    expect(deltaTone(0.2, 'up')).toBe('good');
    expect(deltaTone(-0.104, 'up')).toBe('bad');
  });
  it('paints more opposers, more unknown or more un-insighted red, fewer green', () => {
    expect(deltaTone(14, 'down')).toBe('bad');
    expect(deltaTone(-16, 'down')).toBe('good');
  });
  it('leaves neutral persons, no change and unknown changes grey', () => {
    expect(deltaTone(5, 'neither')).toBe('flat');
    expect(deltaTone(0, 'up')).toBe('flat');
    expect(deltaTone(null, 'down')).toBe('none');
    expect(TONE_COLOR.good).toBe('#389e0d');
    expect(TONE_COLOR.bad).toBe('#cf1322');
  });
  it('gives the arrow direction, whatever it means', () => {
    expect(deltaDirection(0.2)).toBe('up');
    expect(deltaDirection(-1)).toBe('down');
    expect(deltaDirection(0)).toBe('flat');
    expect(deltaDirection(undefined)).toBe('none');
  });
});

describe('small samples', () => {
  it('marks a figure on 1 or 2 known values, not on 0 (no figure) or 3 and more', () => {
    expect(isSmallSample(1)).toBe(true);
    expect(isSmallSample(2)).toBe(true);
    expect(isSmallSample(3)).toBe(false);
    expect(isSmallSample(0)).toBe(false);
    expect(isSmallSample(null)).toBe(false);
  });
});
