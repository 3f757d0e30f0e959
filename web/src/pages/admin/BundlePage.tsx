// Import and export (admins only): download the whole company as a bundle; upload a bundle, which is
// imported all or nothing, and see what it created, updated and left unchanged, or exactly where it failed.
// The second tab (?tab=csv) imports spreadsheets from other CRMs as CSV (CsvImport).
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Popconfirm, Progress, Row, Space, Spin, Statistic, Tabs, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeField, formatBytes, jsonProblem, type ImportCounts, type ImportFailure } from './bundleModel';
import { downloadBundle, uploadBundle, type Progress as Transfer } from '../../api/bundleTransfer';
import { useQueryChange } from '../../lib/useQueryChange';
import { CsvImport } from './CsvImport';

function percent(progress: Transfer | null): number | undefined {
  return progress && progress.total ? Math.min(100, Math.round((progress.loaded / progress.total) * 100)) : undefined;
}

function FailureAlert({ failure }: { failure: ImportFailure }) {
  const { t } = useTranslation('admin');
  const kind = t(`errors.${failure.code}`, { ns: 'common', defaultValue: t('errors.unknown', { ns: 'common' }) });
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="bundle-error"
      message={t('bundle.failed')}
      description={
        <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
          <Descriptions.Item label={t('bundle.errorCode')}>{`${kind} (${failure.code}, HTTP ${failure.status})`}</Descriptions.Item>
          {failure.field && (
            <Descriptions.Item label={t('bundle.errorField')}>
              <span data-testid="bundle-error-field">
                {describeField(failure.field, t)} <Typography.Text code>{failure.field}</Typography.Text>
              </span>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('bundle.errorMessage')}>
            <span lang="en" data-testid="bundle-error-message">{failure.message}</span>
          </Descriptions.Item>
        </Descriptions>
      }
    />
  );
}

function ExportCard() {
  const { t } = useTranslation('admin');
  const [progress, setProgress] = useState<Transfer | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<number | null>(null);
  const [failure, setFailure] = useState<ImportFailure | null>(null);

  async function download() {
    setBusy(true);
    setDone(null);
    setFailure(null);
    setProgress({ loaded: 0, total: null });
    try {
      setDone(await downloadBundle(setProgress));
    } catch (error) {
      const known = error as Partial<ImportFailure>;
      setFailure(typeof known.code === 'string' ? (known as ImportFailure) : { status: 0, code: 'network', field: '', message: String(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card size="small" title={t('bundle.exportTitle')} style={{ height: '100%' }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('bundle.exportHint')}</Typography.Text>
        <Button type="primary" onClick={() => void download()} loading={busy} data-testid="bundle-export">{t('bundle.exportButton')}</Button>
        {busy && progress && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Progress percent={percent(progress)} status="active" showInfo={progress.total !== null} />
            <Typography.Text type="secondary">{t('bundle.downloading')} {formatBytes(progress.loaded)}</Typography.Text>
          </Space>
        )}
        {done !== null && <Alert type="success" showIcon message={t('bundle.downloaded', { size: formatBytes(done) })} data-testid="bundle-exported" />}
        {failure && <FailureAlert failure={failure} />}
      </Space>
    </Card>
  );
}

type ImportState =
  | { phase: 'idle' }
  | { phase: 'uploading'; progress: Transfer }
  | { phase: 'processing' }
  | { phase: 'done'; counts: ImportCounts }
  | { phase: 'failed'; failure: ImportFailure };

function ImportCard() {
  const { t } = useTranslation('admin');
  const [file, setFile] = useState<{ name: string; size: number; text: string } | null>(null);
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const [localError, setLocalError] = useState<string | null>(null);
  const working = state.phase === 'uploading' || state.phase === 'processing';

  async function choose(chosen: File) {
    setState({ phase: 'idle' });
    setLocalError(null);
    if (!/\.json$/i.test(chosen.name) && chosen.type !== 'application/json') {
      setFile(null);
      setLocalError(t('bundle.wrongType'));
      return;
    }
    const text = await chosen.text();
    setFile({ name: chosen.name, size: chosen.size, text });
    const problem = jsonProblem(text);
    if (problem) setLocalError(t('bundle.notJson', { message: problem }));
  }

  async function start() {
    if (!file || localError) return;
    setState({ phase: 'uploading', progress: { loaded: 0, total: file.size } });
    const answer = await uploadBundle(
      file.text,
      (progress) => setState((s) => (s.phase === 'uploading' ? { phase: 'uploading', progress } : s)),
      () => setState({ phase: 'processing' }),
    );
    setState(answer.ok ? { phase: 'done', counts: answer.counts } : { phase: 'failed', failure: answer.failure });
  }

  return (
    <Card size="small" title={t('bundle.importTitle')} style={{ height: '100%' }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('bundle.importHint')}</Typography.Text>
        <Upload.Dragger
          accept=".json,application/json"
          multiple={false}
          showUploadList={false}
          disabled={working}
          beforeUpload={(chosen) => {
            void choose(chosen);
            return false;
          }}
          data-testid="bundle-drop"
        >
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p className="ant-upload-text">{t('bundle.drop')}</p>
          <p className="ant-upload-hint">{t('bundle.dropHint')}</p>
        </Upload.Dragger>
        {file && (
          <Space wrap>
            <Typography.Text data-testid="bundle-file">{t('bundle.chosen', { name: file.name, size: formatBytes(file.size) })}</Typography.Text>
            <Popconfirm title={t('bundle.importConfirm', { name: file.name })} onConfirm={() => void start()} disabled={working || !!localError}>
              <Button type="primary" disabled={working || !!localError} data-testid="bundle-import">{t('bundle.importButton')}</Button>
            </Popconfirm>
            <Button disabled={working} onClick={() => { setFile(null); setLocalError(null); setState({ phase: 'idle' }); }}>{t('bundle.remove')}</Button>
          </Space>
        )}
        {localError && <Alert type="error" showIcon message={localError} data-testid="bundle-local-error" />}
        {state.phase === 'uploading' && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Progress percent={percent(state.progress)} status="active" />
            <Typography.Text type="secondary">{t('bundle.uploading')}</Typography.Text>
          </Space>
        )}
        {state.phase === 'processing' && (
          <Space data-testid="bundle-processing"><Spin size="small" /><Typography.Text>{t('bundle.processing')}</Typography.Text></Space>
        )}
        {state.phase === 'done' && (
          <Alert
            type="success"
            showIcon
            data-testid="bundle-result"
            message={t('bundle.done')}
            description={
              <Row gutter={24}>
                <Col><Statistic title={t('bundle.created')} value={state.counts.created} /></Col>
                <Col><Statistic title={t('bundle.updated')} value={state.counts.updated} /></Col>
                <Col><Statistic title={t('bundle.unchanged')} value={state.counts.unchanged} /></Col>
              </Row>
            }
          />
        )}
        {state.phase === 'failed' && <FailureAlert failure={state.failure} />}
      </Space>
    </Card>
  );
}

export default function BundlePage() {
  const { t } = useTranslation('admin');
  const [query, change] = useQueryChange();
  const tab = query.get('tab') === 'csv' ? 'csv' : 'bundle';
  const setTab = (next: string) =>
    change((q) => {
      if (next === 'csv') q.set('tab', next);
      else q.delete('tab');
      return q;
    });
  return (
    <div data-testid="bundle-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('bundle.title')}</Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'bundle',
            label: t('csv.tabBundle'),
            children: (
              <Row gutter={[16, 16]}>
                <Col xs={24} lg={10}><ExportCard /></Col>
                <Col xs={24} lg={14}><ImportCard /></Col>
              </Row>
            ),
          },
          { key: 'csv', label: <span data-testid="bundle-tab-csv">{t('csv.tabCsv')}</span>, children: <CsvImport /> },
        ]}
      />
    </div>
  );
}
