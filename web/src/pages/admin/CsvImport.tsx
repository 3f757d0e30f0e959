// Importing a CSV file from another CRM (admins only): choose what it holds, drop the file, read the server's
// preview (encoding, counts, mapping, sample, errors by row and column), adjust the preset or the mapping —
// each change previews the same bytes again — and import it all or nothing once it has no error. The bytes
// are sent as they are: a GB18030 file reaches the server undecoded. Excel workbooks are refused here.
import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Input, Popconfirm, Progress, Radio, Row, Space, Spin, Statistic, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import type { Progress as Transfer } from '../../api/bundleTransfer';
import {
  CSV_KINDS, csvTemplateUrl, deleteCsvPreset, listCsvPresets, saveCsvPreset, sendCsv, type CsvKind, type CsvReport,
} from '../../api/csv';
import { useLoad } from '../../api/hooks';
import { errorText } from '../../lib/errors';
import { formatBytes } from './bundleModel';
import { CsvPreview } from './CsvPreview';
import { PROGRESS_FROM_BYTES, canImport, isWorkbook, presetChoices, savableMapping, withMapping } from './csvModel';
import { FormModal } from './FormModal';

interface Chosen {
  name: string;
  size: number;
  bytes: ArrayBuffer;
}

/** What goes with the bytes: the preset the user chose (null: the server picks) and their overrides. */
interface Choice {
  preset: string | null;
  overrides: Record<string, string>;
}

type Run = { phase: 'idle' } | { phase: 'uploading'; progress: Transfer; commit: boolean } | { phase: 'working'; commit: boolean };

function CsvFailure({ error, commit }: { error: ApiError; commit: boolean }) {
  const { t } = useTranslation('admin');
  const head = error.field === 'file' ? t('csv.notCsv') : t(`errors.${error.code}`, { ns: 'common', defaultValue: t('errors.unknown', { ns: 'common' }) });
  return (
    <Alert type="error" showIcon role="alert" data-testid="csv-failure" message={commit ? t('csv.commitFailed') : t('csv.failed')}
      description={
        <Space direction="vertical" size={0}>
          <span>{head}</span>
          <span>{t('csv.serverSays')}: <span lang="en" data-testid="csv-failure-message">{error.message}</span></span>
        </Space>
      } />
  );
}

function Written({ report, onAgain }: { report: CsvReport; onAgain(): void }) {
  const { t } = useTranslation('admin');
  return (
    <Alert type="success" showIcon data-testid="csv-result" message={t('csv.done', { rows: report.rows })}
      description={
        <Space direction="vertical">
          <Row gutter={24}>
            <Col><Statistic title={t('csv.created')} value={report.create} data-testid="csv-created" /></Col>
            <Col><Statistic title={t('csv.updated')} value={report.update} data-testid="csv-updated" /></Col>
            <Col><Statistic title={t('csv.unchanged')} value={report.unchanged} /></Col>
          </Row>
          <Button onClick={onAgain} data-testid="csv-again">{t('csv.importAnother')}</Button>
        </Space>
      } />
  );
}

export function CsvImport() {
  const { t, i18n } = useTranslation('admin');
  const { message } = App.useApp();
  const [kind, setKind] = useState<CsvKind>('organizations');
  const [file, setFile] = useState<Chosen | null>(null);
  const [workbook, setWorkbook] = useState<string | null>(null);
  const [choice, setChoice] = useState<Choice>({ preset: null, overrides: {} });
  const [run, setRun] = useState<Run>({ phase: 'idle' });
  const [report, setReport] = useState<CsvReport | null>(null);
  const [failure, setFailure] = useState<{ error: ApiError; commit: boolean } | null>(null);
  const [saving, setSaving] = useState(false);
  const presets = useLoad('csv-presets', listCsvPresets);
  const latest = useRef(0);
  const busy = run.phase !== 'idle';
  const written = report?.committed ? report : null;

  /** Sends the bytes with `next`; an answer overtaken by a later request is dropped. A refusal without a
   * report puts back `keep` and the choice that produced it, so that a wrong change can be undone. */
  async function send(target: Chosen, forKind: CsvKind, next: Choice, keep: CsvReport | null = null, commit = false) {
    const id = ++latest.current;
    const before = choice;
    setChoice(next);
    setFailure(null);
    setRun({ phase: 'uploading', progress: { loaded: 0, total: target.size }, commit });
    const answer = await sendCsv(
      forKind, target.bytes, { preset: next.preset, mapping: next.overrides, commit },
      (progress) => id === latest.current && setRun((r) => (r.phase === 'uploading' ? { ...r, progress } : r)),
      () => id === latest.current && setRun({ phase: 'working', commit }),
    );
    if (id !== latest.current) return;
    setRun({ phase: 'idle' });
    if (answer.ok) {
      setReport(answer.report);
      return;
    }
    setFailure({ error: answer.error, commit });
    setReport(answer.report ?? keep);
    if (!answer.report && keep) setChoice(before);
  }

  /** A mapping is changed on top of the preset in use, which from then on is named in every request. */
  const pinned = (): string | null => choice.preset ?? report?.preset ?? null;

  async function choose(chosen: File) {
    latest.current++;
    setRun({ phase: 'idle' });
    setReport(null);
    setFailure(null);
    const bytes = await chosen.arrayBuffer();
    if (isWorkbook(chosen.name, bytes)) {
      setFile(null);
      setWorkbook(chosen.name);
      return;
    }
    const target = { name: chosen.name, size: chosen.size, bytes };
    setWorkbook(null);
    setFile(target);
    void send(target, kind, { preset: null, overrides: {} });
  }

  function changeKind(next: CsvKind) {
    setKind(next);
    setReport(null);
    if (file) void send(file, next, { preset: null, overrides: {} });
  }

  function reset() {
    latest.current++;
    setFile(null);
    setWorkbook(null);
    setReport(null);
    setFailure(null);
    setRun({ phase: 'idle' });
    setChoice({ preset: null, overrides: {} });
  }

  async function savePreset(values: { name: string }) {
    if (!report || !file) return;
    const name = values.name.trim();
    await saveCsvPreset(name, { label: name, kind, mapping: savableMapping(report) });
    setSaving(false);
    message.success(t('csv.presetSaved', { name }));
    presets.reload();
    void send(file, kind, { preset: name, overrides: {} }, report);
  }

  async function deletePreset(name: string) {
    try {
      await deleteCsvPreset(name);
      message.success(t('csv.presetDeleted', { name }));
      presets.reload();
      if (file) void send(file, kind, { preset: null, overrides: {} });
    } catch (error) {
      message.error(errorText(error));
    }
  }

  const actions = {
    onPreset(name: string) {
      if (file) void send(file, kind, { preset: name, overrides: {} }, report);
    },
    onMapping(field: string, header: string) {
      if (file) void send(file, kind, { preset: pinned(), overrides: withMapping(choice.overrides, report, field, header) }, report);
    },
    onDeletePreset: (name: string) => void deletePreset(name),
  };
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const kindName = t(`csv.kinds.${kind}`);
  const builtinNames = new Set((presets.data ?? []).filter((p) => p.builtin).map((p) => p.name));

  return (
    <Card size="small" title={t('csv.title')} data-testid="csv-card">
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Text type="secondary">{t('csv.hint')}</Typography.Text>
        <Space wrap align="center">
          <Typography.Text>{t('csv.kind')}</Typography.Text>
          <Radio.Group optionType="button" value={kind} disabled={busy || !!written} onChange={(e) => changeKind(e.target.value as CsvKind)}
            options={CSV_KINDS.map((k) => ({ value: k, label: t(`csv.kinds.${k}`) }))} data-testid="csv-kind" />
        </Space>
        <Space wrap>
          <Typography.Text type="secondary">{t('csv.templates')}:</Typography.Text>
          <a href={csvTemplateUrl(kind, lang)} download data-testid="csv-template-main">{t(lang === 'zh' ? 'csv.templateZh' : 'csv.templateEn')}</a>
          <a href={csvTemplateUrl(kind, lang === 'zh' ? 'en' : 'zh')} download data-testid="csv-template-other">
            {t(lang === 'zh' ? 'csv.templateEn' : 'csv.templateZh')}
          </a>
        </Space>
        {!written && (
          <Upload.Dragger
            accept=".csv,.txt,.tsv,text/csv,text/plain,text/tab-separated-values,.xlsx,.xls"
            multiple={false}
            showUploadList={false}
            disabled={busy}
            beforeUpload={(chosen) => {
              void choose(chosen);
              return false;
            }}
            data-testid="csv-drop"
          >
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p className="ant-upload-text">{t('csv.drop')}</p>
            <p className="ant-upload-hint">{t('csv.dropHint')}</p>
            <p className="ant-upload-hint" data-testid="csv-excel-hint">{t('csv.excelHint')}</p>
          </Upload.Dragger>
        )}
        {workbook && <Alert type="error" showIcon role="alert" message={t('csv.workbook', { name: workbook })} data-testid="csv-workbook" />}
        {file && (
          <Space wrap>
            <Typography.Text data-testid="csv-file">{t('csv.chosen', { name: file.name, size: formatBytes(file.size) })}</Typography.Text>
            {!written && (
              <>
                <Popconfirm
                  title={report ? t('csv.importConfirm', { rows: report.rows, create: report.create, update: report.update }) : ''}
                  disabled={busy || !canImport(report)}
                  onConfirm={() => void send(file, kind, { preset: pinned(), overrides: choice.overrides }, report, true)}
                >
                  <Button type="primary" disabled={busy || !canImport(report)} data-testid="csv-import">{t('csv.importButton')}</Button>
                </Popconfirm>
                <Button disabled={busy || !report} onClick={() => setSaving(true)} data-testid="csv-save-preset">{t('csv.savePreset')}</Button>
                <Button disabled={busy} onClick={reset}>{t('csv.remove')}</Button>
              </>
            )}
          </Space>
        )}
        {run.phase === 'uploading' && file && file.size >= PROGRESS_FROM_BYTES && (
          <Space direction="vertical" style={{ width: '100%' }} data-testid="csv-uploading">
            <Progress percent={run.progress.total ? Math.min(100, Math.round((run.progress.loaded / run.progress.total) * 100)) : undefined} status="active" />
            <Typography.Text type="secondary">{t('csv.uploading')}</Typography.Text>
          </Space>
        )}
        {busy && !report && (
          <Space data-testid="csv-working"><Spin size="small" /><Typography.Text>{t(run.commit ? 'csv.committing' : 'csv.previewing')}</Typography.Text></Space>
        )}
        {failure && <CsvFailure error={failure.error} commit={failure.commit} />}
        {written && <Written report={written} onAgain={reset} />}
        {report && !written && (
          <>
            {report.rows === 0 && <Alert type="warning" showIcon message={t('csv.noRows')} />}
            {report.rows > 0 && report.error_count === 0 && <Alert type="success" showIcon message={t('csv.noErrors')} data-testid="csv-ready" />}
            {report.error_count > 0 && <Alert type="warning" showIcon message={t('csv.fixFirst')} data-testid="csv-fix-first" />}
            <Spin spinning={busy} tip={t(run.phase !== 'idle' && run.commit ? 'csv.committing' : 'csv.previewing')}>
              <CsvPreview report={report} presets={presetChoices(presets.data ?? [], kind, report.preset)} actions={actions} />
            </Spin>
          </>
        )}
      </Space>
      <FormModal<{ name: string }>
        open={saving}
        title={t('csv.savePresetTitle', { kind: kindName })}
        initialValues={{ name: report?.preset && !presets.data?.find((p) => p.name === report.preset)?.builtin ? report.preset : '' }}
        onSubmit={savePreset}
        onClose={() => setSaving(false)}
        testId="csv-preset-form"
      >
        <Form.Item name="name" label={t('csv.presetName')} extra={t('csv.presetNameHint', { kind: kindName })}
          rules={[
            { required: true, whitespace: true, message: t('csv.presetNameRequired') },
            { validator: async (_, value?: string) => { if (builtinNames.has((value ?? '').trim())) throw new Error(t('csv.presetNameBuiltin')); } },
          ]}>
          <Input maxLength={30} data-testid="csv-preset-name" />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
