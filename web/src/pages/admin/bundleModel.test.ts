import { describe, expect, it } from 'vitest';
import { describeField, fieldPlace, formatBytes, jsonProblem, parseImportAnswer } from './bundleModel';

describe('parseImportAnswer', () => {
  it('reads the counts of a successful import', () => {
    expect(parseImportAnswer(200, '{"created": 3, "updated": 1, "unchanged": 40}')).toEqual({ ok: true, counts: { created: 3, updated: 1, unchanged: 40 } });
  });
  it('reads the error of a failed import with its field', () => {
    const answer = parseImportAnswer(400, '{"error":{"code":"invalid","message":"people[0].org: \\"org\\" is required.","field":"people[0].org"}}');
    expect(answer).toEqual({ ok: false, failure: { status: 400, code: 'invalid', field: 'people[0].org', message: 'people[0].org: "org" is required.' } });
  });
  it('copes with answers without JSON and with no answer', () => {
    expect(parseImportAnswer(502, '<html>')).toEqual({ ok: false, failure: { status: 502, code: 'unknown', field: '', message: 'HTTP 502' } });
    expect(parseImportAnswer(0, '')).toMatchObject({ ok: false, failure: { code: 'network' } });
    expect(parseImportAnswer(200, '{}')).toMatchObject({ ok: false, failure: { code: 'bad_response' } });
  });
});

describe('fieldPlace and describeField', () => {
  const t = (key: string, o?: Record<string, unknown>) => `${key}:${JSON.stringify(o)}`;
  it('splits array, index and field', () => {
    expect(fieldPlace('people[3].org')).toEqual({ array: 'people', index: 3, field: 'org' });
    expect(fieldPlace('influence_uses[12]')).toEqual({ array: 'influence_uses', index: 12, field: '' });
    expect(fieldPlace('format')).toBeNull();
  });
  it('counts records from one for people', () => {
    expect(describeField('people[3].org', t)).toBe('bundle.fieldAt:{"array":"people","number":4,"field":"org"}');
    expect(describeField('chain[0]', t)).toBe('bundle.fieldArray:{"array":"chain","number":1}');
    expect(describeField('format', t)).toBe('format');
    expect(describeField('', t)).toBe('');
  });
});

describe('helpers', () => {
  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(6331144)).toBe('6.0 MB');
  });
  it('finds text that is not JSON', () => {
    expect(jsonProblem('{"people": []}')).toBeNull();
    expect(jsonProblem('not json')).toMatch(/JSON|token/);
  });
});
