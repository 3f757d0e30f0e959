// The two votes: current veto and approval, their history, and a form to set one.
import { App, Button, Card, DatePicker, Form, Radio, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useSubmit } from '../../api/hooks';
import type { Vote, YesNo } from '../../api/types';
import { ErrorAlert } from '../../components/PageState';
import { tenantToday } from '../../lib/format';
import { voteBody } from './forms';
import { YesNoTag } from './ProfileCards';
import { newestFirst } from './rating';
import { useUserNameRecord } from '../../state/useUserNames';

export function VotesCard({ person, veto, approve, votes, canWrite, onSaved }: {
  person: string; veto: YesNo; approve: YesNo; votes: Vote[]; canWrite: boolean; onSaved(): void;
}) {
  const { t } = useTranslation('person');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: 'veto' | 'approve'; value: YesNo; date: Dayjs }>();
  const { saving, error, run } = useSubmit();
  const users = useUserNameRecord(votes.map((v) => v.by));
  const sorted = useMemo(() => newestFirst(votes), [votes]);
  const current = useCallback((kind: 'veto' | 'approve'): YesNo => (kind === 'veto' ? veto : approve), [veto, approve]);
  // The value shown is the chosen vote's current one, again after a save changed it.
  useEffect(() => {
    if (canWrite) form.setFieldsValue({ value: current(form.getFieldValue('kind') ?? 'veto') });
  }, [form, current, canWrite]);

  async function submit(values: { kind: 'veto' | 'approve'; value: YesNo; date: Dayjs }) {
    await run(async () => {
      await api.post('/votes', voteBody(person, { kind: values.kind, value: values.value, date: values.date.format('YYYY-MM-DD') }));
      void message.success(t('voteSaved'));
      onSaved();
    });
  }

  return (
    <Card size="small" title={t('votes')} style={{ marginBottom: 16 }} data-testid="person-votes">
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('currentVotes')}:</Typography.Text>
        <span>{t('vote.veto', { ns: 'common' })} <YesNoTag value={veto} testId="vote-current-veto" /></span>
        <span>{t('vote.approve', { ns: 'common' })} <YesNoTag value={approve} testId="vote-current-approve" /></span>
      </Space>
      {canWrite && (
        <Form
          form={form}
          layout="inline"
          onFinish={(v) => void submit(v)}
          onValuesChange={(changed: { kind?: 'veto' | 'approve' }) => {
            if (changed.kind) form.setFieldsValue({ value: current(changed.kind) });
          }}
          initialValues={{ kind: 'veto', value: veto, date: tenantToday() }}
          style={{ marginBottom: 12, rowGap: 8 }}
          data-testid="vote-form"
        >
          <Form.Item name="kind" label={t('voteKind')}>
            <Select style={{ width: 120 }} options={(['veto', 'approve'] as const).map((k) => ({ value: k, label: t(`vote.${k}`, { ns: 'common' }) }))} data-testid="vote-kind" />
          </Form.Item>
          <Form.Item name="value" label={t('voteValue')}>
            <Radio.Group optionType="button" buttonStyle="solid" options={(['yes', 'no', 'unknown'] as const).map((v) => ({ value: v, label: t(`yesno.${v}`, { ns: 'common' }) }))} />
          </Form.Item>
          <Form.Item name="date" label={t('ratingDate')} rules={[{ required: true, message: t('required') }]}>
            <DatePicker allowClear={false} disabledDate={(d) => d.isAfter(tenantToday(), 'day')} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="vote-save">{t('setVote')}</Button>
          </Form.Item>
        </Form>
      )}
      {error !== undefined && <div style={{ marginBottom: 8 }}><ErrorAlert error={error} /></div>}
      <Table
        size="small"
        rowKey="id"
        dataSource={sorted}
        pagination={sorted.length > 5 ? { pageSize: 5, size: 'small' } : false}
        title={() => t('voteHistory')}
        data-testid="vote-history"
        columns={[
          { title: t('ratingDate'), dataIndex: 'date' },
          { title: t('voteKind'), dataIndex: 'kind', render: (k: string) => t(`vote.${k}`, { ns: 'common' }) },
          { title: t('voteValue'), dataIndex: 'value', render: (v: YesNo, r: Vote) => <span style={{ textDecoration: r.until ? 'line-through' : undefined }}><YesNoTag value={v} /></span> },
          { title: t('by'), dataIndex: 'by', render: (b: string | null) => (b ? users[b] ?? '…' : '—') },
        ]}
      />
    </Card>
  );
}
