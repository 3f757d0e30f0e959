import { describe, expect, it } from 'vitest';
import { csvTemplateUrl, csvUrl, parseCsvAnswer } from './csv';

describe('csvUrl', () => {
  it('is a preview of the kind without anything else', () => {
    expect(csvUrl('people')).toBe('/api/v1/csv/people');
  });
  it('names the preset, each mapped field and the commit', () => {
    const url = csvUrl('people', { preset: 'fxiaoke', mapping: { name: '姓名', title: '职务' }, commit: true });
    expect(url).toBe('/api/v1/csv/people?preset=fxiaoke&map.name=%E5%A7%93%E5%90%8D&map.title=%E8%81%8C%E5%8A%A1&commit=true');
    const query = new URLSearchParams(url.split('?')[1]);
    expect(query.get('map.name')).toBe('姓名');
  });
  it('keeps an empty header, which means "not imported", and encodes odd headers', () => {
    const url = csvUrl('organizations', { preset: null, mapping: { website: '', name: 'Account Name & Co=1' } });
    const query = new URLSearchParams(url.split('?')[1]);
    expect([...query.entries()]).toEqual([['map.website', ''], ['map.name', 'Account Name & Co=1']]);
    expect(url).not.toContain('preset');
    expect(url).not.toContain('commit');
  });
  it('gives the template of a kind in a language', () => {
    expect(csvTemplateUrl('ratings', 'en')).toBe('/api/v1/csv/template?kind=ratings&lang=en');
  });
});

describe('parseCsvAnswer', () => {
  const report = { kind: 'people', encoding: 'utf-8', delimiter: ',', headers: ['姓名'], rows: 1, preset: 'brm', fields: [], mapping: {}, unmapped: [],
    sample: [], create: 1, update: 0, unchanged: 0, errors: [], error_count: 0, committed: false };
  it('reads a preview', () => {
    expect(parseCsvAnswer(200, JSON.stringify(report))).toEqual({ ok: true, report });
  });
  it('keeps the report of a refused commit', () => {
    const body = { error: { code: 'unprocessable', message: 'The file has 1 error.', field: '' }, report: { ...report, error_count: 1 } };
    const answer = parseCsvAnswer(422, JSON.stringify(body));
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error).toMatchObject({ status: 422, code: 'unprocessable', message: 'The file has 1 error.' });
    expect(answer.report?.error_count).toBe(1);
  });
  it('reads a file that is not CSV, an answer without JSON and no answer', () => {
    const notCsv = parseCsvAnswer(400, '{"error":{"code":"invalid","message":"Not CSV.","field":"file"}}');
    expect(notCsv).toMatchObject({ ok: false, report: null, error: { status: 400, code: 'invalid', field: 'file' } });
    expect(parseCsvAnswer(413, '')).toMatchObject({ ok: false, error: { code: 'too_large' } });
    expect(parseCsvAnswer(502, '<html>')).toMatchObject({ ok: false, error: { code: 'unknown', message: 'HTTP 502' } });
    expect(parseCsvAnswer(0, '')).toMatchObject({ ok: false, error: { code: 'network' } });
    expect(parseCsvAnswer(200, '{}')).toMatchObject({ ok: false, error: { code: 'bad_response' } });
  });
});
