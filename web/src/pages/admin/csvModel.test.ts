import { describe, expect, it } from 'vitest';
import type { CsvPreset, CsvReport, CsvRowError } from '../../api/csv';
import {
  NOT_IMPORTED, canImport, cellText, delimiterKey, encodingKey, errorsByColumn, errorsByField, headerChoices, isWorkbook, presetChoices,
  sampleFields, savableMapping, withMapping,
} from './csvModel';

function report(extra: Partial<CsvReport> = {}): CsvReport {
  return {
    kind: 'people', encoding: 'gb18030', delimiter: ',', headers: ['姓名', '客户名称', '职务', '备注2'], rows: 3, preset: 'fxiaoke',
    fields: [
      { field: 'id', required: false, zh: '编号', en: 'ID' },
      { field: 'name', required: true, zh: '姓名', en: 'Name' },
      { field: 'org', required: true, zh: '所属组织', en: 'Organization' },
      { field: 'title', required: false, zh: '职务', en: 'Title' },
    ],
    mapping: { name: '姓名', org: '客户名称', title: '职务' }, unmapped: ['备注2'],
    sample: [{ row: 2, values: { name: '张三', org: 'org-1', title: '主任' } }],
    create: 2, update: 1, unchanged: 0, errors: [], error_count: 0, committed: false,
    ...extra,
  };
}

const bytes = (...values: number[]) => new Uint8Array(values).buffer;

describe('isWorkbook', () => {
  it('knows Excel workbooks by their name', () => {
    expect(isWorkbook('客户.xlsx', bytes(0x41))).toBe(true);
    expect(isWorkbook('PEOPLE.XLS', bytes(0x41))).toBe(true);
    expect(isWorkbook('people.csv', bytes(0xe5, 0xa7, 0x93))).toBe(false);
    expect(isWorkbook('people.txt', bytes())).toBe(false);
  });
  it('knows a workbook renamed to .csv by its ZIP or OLE magic bytes', () => {
    expect(isWorkbook('people.csv', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00))).toBe(true); // "PK\x03\x04"
    expect(isWorkbook('people.csv', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0))).toBe(true);
    expect(isWorkbook('people.csv', bytes(0x50, 0x4b, 0x2c))).toBe(false); // "PK," is a CSV that begins with PK
    expect(isWorkbook('p.csv', new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toBe(true);
  });
});

describe('withMapping', () => {
  it('adds an override for a field the user maps to another column', () => {
    expect(withMapping({}, report(), 'title', '备注2')).toEqual({ title: '备注2' });
  });
  it('keeps the preset in charge when the user picks what it already uses', () => {
    expect(withMapping({}, report(), 'title', '职务')).toEqual({});
  });
  it('says "not imported" with an empty header, and changes an override again', () => {
    expect(withMapping({}, report(), 'title', NOT_IMPORTED)).toEqual({ title: '' });
    expect(withMapping({ title: '' }, report(), 'title', '职务')).toEqual({ title: '职务' });
    expect(withMapping({}, report(), 'id', NOT_IMPORTED)).toEqual({});
  });
  it('does not change the overrides it is given', () => {
    const overrides = { name: '姓名' };
    withMapping(overrides, report(), 'title', '备注2');
    expect(overrides).toEqual({ name: '姓名' });
  });
});

describe('savableMapping and sampleFields', () => {
  it('saves only the fields that are imported', () => {
    expect(savableMapping(report({ mapping: { name: '姓名', title: '' } }))).toEqual({ name: '姓名' });
  });
  it('shows the mapped fields and those the server fills in, in the order of the kind', () => {
    expect(sampleFields(report({ mapping: { title: '职务', name: '姓名', id: '' } }))).toEqual(['name', 'org', 'title']);
    const made = report({ mapping: { name: '姓名' }, sample: [{ row: 2, values: { id: 'per-1a2b', name: '张三' } }] });
    expect(sampleFields(made)).toEqual(['id', 'name']);
  });
});

describe('canImport', () => {
  it('allows a preview of rows without errors', () => {
    expect(canImport(report())).toBe(true);
  });
  it('refuses no preview, errors, an empty file and a file already written', () => {
    const error: CsvRowError = { row: 7, column: '职务', field: 'title', message: 'Too long.' };
    expect(canImport(null)).toBe(false);
    expect(canImport(report({ errors: [error], error_count: 1 }))).toBe(false);
    expect(canImport(report({ errors: [], error_count: 1200 }))).toBe(false);
    expect(canImport(report({ rows: 0 }))).toBe(false);
    expect(canImport(report({ committed: true }))).toBe(false);
  });
});

describe('errors grouped', () => {
  const errors: CsvRowError[] = [
    { row: 9, column: '客户名称', field: 'org', message: 'No organization "X".' },
    { row: 7, column: '职务', field: 'title', message: 'Too long.' },
    { row: 7, column: '客户名称', field: 'org', message: 'No organization "Y".' },
    { row: 4, column: '', field: '', message: 'The row has 5 cells; the header has 4.' },
    { row: 7, column: '职务', field: 'title', message: 'Has a control character.' },
    { row: 8, column: '姓名', field: 'name', message: 'Required.' },
  ];
  it('counts per column, the most frequent first, then in the order of the file', () => {
    expect(errorsByColumn(errors, report().headers)).toEqual([
      { column: '客户名称', field: 'org', count: 2 },
      { column: '职务', field: 'title', count: 2 },
      { column: '', field: '', count: 1 },
      { column: '姓名', field: 'name', count: 1 },
    ]);
  });
  it('counts per field, leaving out whole-row errors', () => {
    expect([...errorsByField(errors).entries()]).toEqual([['org', 2], ['title', 2], ['name', 1]]);
  });
});

describe('cells and header choices', () => {
  it('shows sample values as text', () => {
    expect([cellText('主任'), cellText(12000.5), cellText(null), cellText(undefined), cellText(true), cellText(['a'])]).toEqual(['主任', '12000.5', '', '', 'true', '["a"]']);
  });
  it('offers the file\'s headers, and a joined pair the preview uses', () => {
    expect(headerChoices(['姓', '名', ''], '姓+名')).toEqual(['姓', '名', '姓+名']);
    expect(headerChoices(['姓', '名'], '姓')).toEqual(['姓', '名']);
    expect(headerChoices(['姓', '名'], NOT_IMPORTED)).toEqual(['姓', '名']);
  });
});

describe('words for the server codes', () => {
  it('names encodings and delimiters', () => {
    expect(['utf-8', 'utf-8-bom', 'gb18030', 'GB18030', 'utf-16le', 'utf-16be', 'latin1'].map(encodingKey))
      .toEqual(['utf8', 'utf8bom', 'gb18030', 'gb18030', 'utf16', 'utf16', null]);
    expect([',', ';', '\t', '|'].map(delimiterKey)).toEqual(['comma', 'semicolon', 'tab', null]);
  });
});

describe('presetChoices', () => {
  const presets: CsvPreset[] = [
    { name: 'mine', label: '我的', builtin: false, mappings: { people: { name: ['姓名'] } } },
    { name: 'brm', label: 'BRM', builtin: true, mappings: { people: { name: ['姓名', 'Name'] }, ratings: {} } },
    { name: 'salesforce', label: 'Salesforce', builtin: true, mappings: { organizations: { name: ['Account Name'] } } },
  ];
  it('lists the presets of the kind, built-in ones first', () => {
    expect(presetChoices(presets, 'people', 'brm').map((p) => p.name)).toEqual(['brm', 'mine']);
    expect(presetChoices(presets, 'ratings', null).map((p) => p.name)).toEqual(['brm']);
  });
  it('keeps the preset in use even when the list does not have it', () => {
    expect(presetChoices(presets, 'ratings', 'salesforce').map((p) => p.name)).toEqual(['brm', 'salesforce']);
    expect(presetChoices([], 'people', 'gone')).toEqual([{ name: 'gone', label: 'gone', builtin: false }]);
  });
});
