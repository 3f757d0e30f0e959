// What the server's preview of a CSV file says: the encoding and delimiter it found, the counts, the preset
// and the mapping (which the user changes here), every error by row and column, and the first rows as they
// will be stored (the server leaves out rows with errors: they will not be).
import { Button, Card, Col, Popconfirm, Row, Select, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { CsvField, CsvReport, CsvRowError, CsvSampleRow } from '../../api/csv';
import {
  NOT_IMPORTED, cellText, delimiterKey, encodingKey, errorsByColumn, errorsByField, headerChoices, sampleFields, type PresetChoice,
} from './csvModel';

export interface PreviewActions {
  onPreset(name: string): void;
  onMapping(field: string, header: string): void;
  onDeletePreset(name: string): void;
}

function useFieldLabel() {
  const { i18n } = useTranslation();
  return (field: CsvField | undefined, name: string) => (field ? (i18n.language === 'en' ? field.en : field.zh) : name);
}

function Counts({ report }: { report: CsvReport }) {
  const { t } = useTranslation('admin');
  const encoding = encodingKey(report.encoding);
  const delimiter = delimiterKey(report.delimiter);
  const items: [string, string | number, string, string?][] = [
    [t('csv.encoding'), encoding ? t(`csv.encodings.${encoding}`) : report.encoding.toUpperCase(), 'csv-encoding'],
    [t('csv.delimiter'), delimiter ? t(`csv.delimiters.${delimiter}`) : report.delimiter, 'csv-delimiter'],
    [t('csv.rows'), report.rows, 'csv-rows'],
    [t('csv.create'), report.create, 'csv-create'],
    [t('csv.update'), report.update, 'csv-update'],
    [t('csv.unchanged'), report.unchanged, 'csv-unchanged'],
    [t('csv.errorCount'), report.error_count, 'csv-error-count', report.error_count ? '#cf1322' : '#389e0d'],
  ];
  return (
    <Row gutter={[24, 8]}>
      {items.map(([title, value, testId, color]) => (
        <Col key={testId}>
          <Statistic title={title} value={value} valueStyle={{ fontSize: 20, color }} groupSeparator="," data-testid={testId} />
        </Col>
      ))}
    </Row>
  );
}

function PresetBar({ report, presets, actions }: { report: CsvReport; presets: PresetChoice[]; actions: PreviewActions }) {
  const { t } = useTranslation('admin');
  const name = (p: PresetChoice) => (p.builtin ? t(`csv.presetNames.${p.name}`, { defaultValue: p.label }) : p.label);
  const group = (builtin: boolean) => presets.filter((p) => p.builtin === builtin).map((p) => ({ value: p.name, label: name(p) }));
  const current = presets.find((p) => p.name === report.preset);
  return (
    <Space wrap>
      <Typography.Text>{t('csv.preset')}</Typography.Text>
      <Select
        style={{ minWidth: 220 }}
        value={report.preset || undefined}
        placeholder={t('csv.presetNone')}
        onChange={actions.onPreset}
        options={[
          { label: t('csv.builtin'), options: group(true) },
          { label: t('csv.saved'), options: group(false) },
        ].filter((g) => g.options.length)}
        data-testid="csv-preset"
      />
      {current && !current.builtin && (
        <Popconfirm title={t('csv.deleteConfirm', { name: name(current) })} onConfirm={() => actions.onDeletePreset(current.name)}>
          <Button size="small" danger data-testid="csv-preset-delete">{t('csv.deletePreset')}</Button>
        </Popconfirm>
      )}
    </Space>
  );
}

function MappingTable({ report, actions }: { report: CsvReport; actions: PreviewActions }) {
  const { t } = useTranslation('admin');
  const label = useFieldLabel();
  const wrong = errorsByField(report.errors);
  const none = { value: NOT_IMPORTED, label: <Typography.Text type="secondary">{t('csv.notImported')}</Typography.Text> };
  const columns: ColumnsType<CsvField> = [
    {
      key: 'field', title: t('csv.field'),
      render: (_, f) => (
        <Space size={4} style={{ whiteSpace: 'nowrap' }}>
          <span>{label(f, f.field)}</span>
          {f.required && <Tag color="red" bordered={false}>{t('csv.required')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'column', title: t('csv.column'), width: 200,
      render: (_, f) => {
        const header = report.mapping[f.field] ?? NOT_IMPORTED;
        const missing = f.required && header === NOT_IMPORTED;
        return (
          <Tooltip title={missing ? t('csv.missingRequired') : undefined}>
            <Select size="small" style={{ width: '100%' }} value={header} status={missing ? 'error' : undefined}
              options={[none, ...headerChoices(report.headers, header).map((h) => ({ value: h, label: h }))]}
              onChange={(value: string) => actions.onMapping(f.field, value)} data-testid={`csv-map-${f.field}`} />
          </Tooltip>
        );
      },
    },
    {
      key: 'errors', width: 90, align: 'right',
      render: (_, f) => (wrong.get(f.field) ? <Tag color="red">{t('csv.fieldErrors', { count: wrong.get(f.field) })}</Tag> : null),
    },
  ];
  return (
    <Card size="small" title={t('csv.mapping')}>
      <Table<CsvField> size="small" rowKey="field" columns={columns} dataSource={report.fields} pagination={false} data-testid="csv-mapping" />
      {report.unmapped.length > 0 && (
        <div style={{ marginTop: 8 }} data-testid="csv-unmapped">
          <Typography.Text type="secondary">{t('csv.unmapped')}</Typography.Text>
          {report.unmapped.map((h) => <Tag key={h}>{h}</Tag>)}
        </div>
      )}
    </Card>
  );
}

function ErrorsTable({ report }: { report: CsvReport }) {
  const { t } = useTranslation('admin');
  const label = useFieldLabel();
  const fieldOf = (name: string) => report.fields.find((f) => f.field === name);
  const where = (e: Pick<CsvRowError, 'column' | 'field'>) => e.column || (e.field ? label(fieldOf(e.field), e.field) : t('csv.wholeRow'));
  const groups = errorsByColumn(report.errors, report.headers);
  const columns: ColumnsType<CsvRowError> = [
    { key: 'row', title: t('csv.row'), dataIndex: 'row', width: 70, align: 'right', sorter: (a, b) => a.row - b.row },
    {
      key: 'column', title: t('csv.errorColumn'), width: 180,
      filters: groups.map((g) => ({ text: `${where(g)} (${g.count})`, value: g.column })),
      onFilter: (value, e) => e.column === value,
      render: (_, e) => (
        <span data-testid="csv-error-column">
          <Typography.Text strong={!!e.column} type={e.column ? undefined : 'secondary'}>{where(e)}</Typography.Text>
          {e.column && e.field && label(fieldOf(e.field), e.field) !== e.column && (
            <Typography.Text type="secondary"> → {label(fieldOf(e.field), e.field)}</Typography.Text>
          )}
        </span>
      ),
    },
    { key: 'message', title: t('csv.errorMessage'), render: (_, e) => <span lang="en" data-testid="csv-error-message">{e.message}</span> },
  ];
  return (
    <Card size="small" title={<Typography.Text type="danger">{t('csv.errors', { count: report.error_count })}</Typography.Text>}>
      {report.error_count > report.errors.length && (
        <Typography.Paragraph type="warning">{t('csv.errorsMore', { shown: report.errors.length, count: report.error_count })}</Typography.Paragraph>
      )}
      {groups.length > 1 && (
        <div style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">{t('csv.byColumn')}</Typography.Text>
          {groups.map((g) => <Tag key={g.column} color="red">{`${where(g)} ${g.count}`}</Tag>)}
        </div>
      )}
      <Table<CsvRowError> size="small" rowKey={(e) => `${e.row}:${e.column}:${e.field}:${e.message}`} columns={columns} dataSource={report.errors}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }} data-testid="csv-errors" />
    </Card>
  );
}

function SampleTable({ report }: { report: CsvReport }) {
  const { t } = useTranslation('admin');
  const label = useFieldLabel();
  const columns: ColumnsType<CsvSampleRow> = [
    { key: 'row', title: t('csv.row'), dataIndex: 'row', width: 60, align: 'right', fixed: 'left' },
    ...sampleFields(report).map((field) => ({
      key: field,
      title: label(report.fields.find((f) => f.field === field), field),
      ellipsis: true,
      render: (_: unknown, r: CsvSampleRow) => cellText(r.values[field]),
    })),
  ];
  return (
    <Card size="small" title={t('csv.sample', { count: report.sample.length })}>
      <Table<CsvSampleRow> size="small" rowKey="row" columns={columns} dataSource={report.sample} pagination={false} scroll={{ x: 'max-content' }}
        data-testid="csv-sample" />
    </Card>
  );
}

export function CsvPreview({ report, presets, actions }: { report: CsvReport; presets: PresetChoice[]; actions: PreviewActions }) {
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="csv-preview">
      <Counts report={report} />
      <PresetBar report={report} presets={presets} actions={actions} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}><MappingTable report={report} actions={actions} /></Col>
        {report.errors.length > 0 && <Col xs={24} xl={12}><ErrorsTable report={report} /></Col>}
      </Row>
      {report.sample.length > 0 && <SampleTable report={report} />}
    </Space>
  );
}
