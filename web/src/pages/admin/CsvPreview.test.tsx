import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CsvReport } from '../../api/csv';
import i18n from '../../i18n';
import { CsvPreview } from './CsvPreview';

const report: CsvReport = {
  kind: 'people', encoding: 'gb18030', delimiter: '\t', headers: ['姓名', '客户名称', '职务'], rows: 3, preset: 'fxiaoke',
  fields: [
    { field: 'id', required: false, zh: '编号', en: 'ID' },
    { field: 'name', required: true, zh: '姓名', en: 'Name' },
    { field: 'org', required: true, zh: '所属组织', en: 'Organization' },
    { field: 'title', required: false, zh: '职务', en: 'Title' },
  ],
  mapping: { name: '姓名', org: '客户名称' }, unmapped: ['职务'],
  sample: [{ row: 2, values: { id: 'per-1a2b', name: '张三', org: 'cust-001' } }],
  create: 1, update: 0, unchanged: 0,
  errors: [{ row: 3, column: '客户名称', field: 'org', message: 'No organization is called "某局".' }], error_count: 1, committed: false,
};

// jsdom cannot measure a scrollbar (the sample table scrolls sideways); the element's own style is enough.
const computedStyle = window.getComputedStyle.bind(window);
beforeAll(() => {
  vi.spyOn(window, 'getComputedStyle').mockImplementation((element) => computedStyle(element));
});
afterEach(cleanup);

describe('CsvPreview', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('says what the server found in words, and where the error is', () => {
    render(<App><CsvPreview report={report} presets={[{ name: 'fxiaoke', label: 'fxiaoke', builtin: true }]} actions={{ onPreset: vi.fn(), onMapping: vi.fn(), onDeletePreset: vi.fn() }} /></App>);
    expect(screen.getByTestId('csv-encoding')).toHaveTextContent('GB18030');
    expect(screen.getByTestId('csv-delimiter')).toHaveTextContent('制表符');
    expect(screen.getByTestId('csv-preset')).toHaveTextContent('纷享销客');
    const errors = screen.getByTestId('csv-errors');
    const row = within(errors).getAllByRole('row')[1];
    expect(row).toHaveTextContent('3');
    expect(row).toHaveTextContent('客户名称 → 所属组织');
    expect(row).toHaveTextContent('No organization is called "某局".');
    expect(screen.getByTestId('csv-sample')).toHaveTextContent('per-1a2b');
    expect(within(screen.getByTestId('csv-mapping')).getAllByText('必填')).toHaveLength(2);
    expect(screen.getByTestId('csv-unmapped')).toHaveTextContent('职务');
  }, 30_000); // AntD's tables draw slowly in jsdom

  it('reports a new column for a field, or "not imported"', async () => {
    const onMapping = vi.fn();
    render(<App><CsvPreview report={report} presets={[]} actions={{ onPreset: vi.fn(), onMapping, onDeletePreset: vi.fn() }} /></App>);
    fireEvent.mouseDown(within(screen.getByTestId('csv-map-title')).getByRole('combobox'));
    fireEvent.click(await screen.findByTitle('职务'));
    expect(onMapping).toHaveBeenCalledWith('title', '职务');
  }, 30_000);
});
