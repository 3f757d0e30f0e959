import { describe, expect, it } from 'vitest';
import { changedFields, textOrNull } from './changes';

describe('textOrNull', () => {
  it('trims, and sends blank texts as null', () => {
    expect(textOrNull('  华东 ')).toBe('华东');
    expect(textOrNull('   ')).toBeNull();
    expect(textOrNull(undefined)).toBeNull();
  });
});

describe('changedFields', () => {
  it('keeps only what differs, a missing field counting as null', () => {
    const record = { name: '甲', region: null as string | null, focus: false, conditions: ['a'] };
    expect(changedFields(record, { name: '甲', region: null, focus: true, conditions: ['a'] })).toEqual({ focus: true });
    expect(changedFields(record, { region: '华东', conditions: ['a', 'b'] })).toEqual({ region: '华东', conditions: ['a', 'b'] });
    expect(changedFields<{ owner: string | null }>({}, { owner: null })).toEqual({});
  });
});
