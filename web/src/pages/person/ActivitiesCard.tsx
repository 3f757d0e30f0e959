// The activity log (newest first, paged) and a form to add an activity.
import { App, Button, Card, DatePicker, Form, Input, Select, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useUserNames } from '../../state/useUserNames';
import { api } from '../../api/client';
import { useNames, useSubmit } from '../../api/hooks';
import type { Activity } from '../../api/types';
import { ACTIVITY_KINDS } from '../../api/types';
import { ErrorAlert } from '../../components/PageState';
import { activityBody } from './forms';
import { newestFirst } from './rating';
import { tenantToday } from '../../lib/format';

interface Values { kind: string; date: Dayjs; opportunity?: string; note?: string }

export function ActivitiesCard({ person, activities, opportunities, canWrite, onSaved }: {
  person: string; activities: Activity[]; opportunities: { id: string; name: string }[]; canWrite: boolean; onSaved(): void;
}) {
  const { t } = useTranslation('person');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { saving, error, run } = useSubmit();
  const sorted = useMemo(() => newestFirst(activities), [activities]);
  const userName = useUserNames(activities.map((a) => a.by));
  const opportunityNames = useNames('opportunities', activities.map((a) => a.opportunity));

  async function submit(values: Values) {
    await run(async () => {
      await api.post('/activities', activityBody(person, { ...values, date: values.date.format('YYYY-MM-DD') }));
      void message.success(t('activitySaved'));
      form.resetFields();
      onSaved();
    });
  }

  return (
    <Card size="small" title={t('activities')} style={{ marginBottom: 16 }} data-testid="person-activities">
      {canWrite && (
        <Form
          form={form}
          layout="inline"
          onFinish={(v) => void submit(v)}
          initialValues={{ kind: 'visit', date: tenantToday() }}
          style={{ marginBottom: 12, rowGap: 8 }}
          data-testid="activity-form"
        >
          <Form.Item name="kind" label={t('activityKind')} rules={[{ required: true, message: t('required') }]}>
            <Select style={{ width: 110 }} options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`activityKind.${k}`, { ns: 'common' }) }))} data-testid="activity-kind" />
          </Form.Item>
          <Form.Item name="date" label={t('ratingDate')} rules={[{ required: true, message: t('required') }]}>
            <DatePicker allowClear={false} disabledDate={(d) => d.isAfter(tenantToday(), 'day')} />
          </Form.Item>
          <Form.Item name="opportunity" label={t('opportunity')}>
            <Select allowClear style={{ width: 220 }} showSearch optionFilterProp="label" options={opportunities.map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
          <Form.Item name="note" label={t('note')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} style={{ width: 260 }} maxLength={10000} data-testid="activity-note" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="activity-save">{t('addActivity')}</Button>
          </Form.Item>
        </Form>
      )}
      {error !== undefined && <div style={{ marginBottom: 8 }}><ErrorAlert error={error} /></div>}
      <Table
        size="small"
        rowKey="id"
        dataSource={sorted}
        pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        data-testid="activity-list"
        columns={[
          { title: t('ratingDate'), dataIndex: 'date', width: 110 },
          { title: t('activityKind'), dataIndex: 'kind', width: 80, render: (k: string) => t(`activityKind.${k}`, { ns: 'common' }) },
          {
            title: t('opportunity'), dataIndex: 'opportunity',
            render: (o: string | null) => (o ? <Link to={`/opportunities/${encodeURIComponent(o)}`}>{opportunityNames[o] ?? o}</Link> : '—'),
          },
          { title: t('note'), dataIndex: 'note', render: (n: string | null, a: Activity) => <span style={{ textDecoration: a.until ? 'line-through' : undefined }}>{n ?? ''}</span> },
          { title: t('by'), dataIndex: 'by', width: 90, render: (b: string | null) => (b ? userName(b) ?? t('figures.loadingName', { ns: 'common' }) : '—') },
        ]}
      />
    </Card>
  );
}
