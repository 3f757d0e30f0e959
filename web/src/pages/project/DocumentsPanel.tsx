// The project's documents (物): each with its kind, size, SHA-256 and a download link; drop a file (or choose
// one) to upload it as the chosen kind, with the upload's progress.
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { App, Progress, Select, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Progress as Transfer } from '../../api/bundleTransfer';
import { uploadDocument } from '../../api/documents';
import { DOCUMENT_KINDS, documentFileUrl, type ProjectDocument } from '../../api/project';
import { ErrorAlert } from '../../components/PageState';
import { formatSize } from './logic';

export function DocumentsPanel({ opportunity, documents, onUploaded }: { opportunity: string; documents: ProjectDocument[]; onUploaded(): void }) {
  const { t } = useTranslation('project');
  const { message } = App.useApp();
  const [kind, setKind] = useState<string>('other');
  const [progress, setProgress] = useState<Transfer | null>(null);
  const [uploading, setUploading] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();

  async function send(file: File) {
    setError(undefined);
    setUploading(file.name);
    setProgress({ loaded: 0, total: file.size });
    try {
      const stored = await uploadDocument({ opportunity, name: file.name, kind }, file, setProgress);
      message.success(t('things.uploaded', { name: stored.name }));
      onUploaded();
    } catch (failure) {
      setError(failure);
    } finally {
      setUploading(null);
    }
  }

  const percent = progress && progress.total ? Math.min(100, Math.round((progress.loaded / progress.total) * 100)) : 0;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Table<ProjectDocument>
        size="small"
        rowKey="id"
        data-testid="documents-table"
        dataSource={documents}
        pagination={false}
        locale={{ emptyText: t('things.noDocuments') }}
        columns={[
          {
            title: t('things.name'), dataIndex: 'name',
            render: (name: string, d) => (
              <a href={documentFileUrl(d.id)} download={name} data-testid={`document-download-${d.id}`}>
                <DownloadOutlined /> {name}
              </a>
            ),
          },
          { title: t('things.kind'), dataIndex: 'kind', width: 110, render: (k: string) => t(`documentKind.${k}`, { defaultValue: k }) },
          { title: t('things.size'), dataIndex: 'size', width: 100, render: (s: number | null) => formatSize(s) },
          {
            title: 'SHA-256', dataIndex: 'sha256',
            render: (h: string | null, d) => h ? (
              <Typography.Text code copyable={{ text: h }} style={{ fontSize: 11, wordBreak: 'break-all' }} data-testid={`document-sha-${d.id}`}>{h}</Typography.Text>
            ) : '—',
          },
        ]}
      />
      <Space wrap>
        <Typography.Text>{t('things.uploadAs')}</Typography.Text>
        <Select
          value={kind}
          onChange={setKind}
          style={{ width: 160 }}
          data-testid="document-kind"
          options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documentKind.${k}`) }))}
        />
      </Space>
      <div data-testid="document-drop">
      <Upload.Dragger
        multiple={false}
        showUploadList={false}
        disabled={uploading !== null}
        customRequest={({ file }) => void send(file as File)}
      >
        <p className="ant-upload-drag-icon"><InboxOutlined /></p>
        <p className="ant-upload-text">{t('things.drop')}</p>
        <p className="ant-upload-hint">{t('things.dropHint')}</p>
      </Upload.Dragger>
      </div>
      {progress && (
        <div data-testid="document-progress" data-done={uploading === null ? 'true' : 'false'}>
          <Typography.Text type="secondary">{uploading ? t('things.uploading', { name: uploading }) : t('things.uploadDone')}</Typography.Text>
          <Progress percent={percent} status={error ? 'exception' : uploading ? 'active' : 'success'} />
        </div>
      )}
      {error !== undefined && <ErrorAlert error={error} />}
    </Space>
  );
}
