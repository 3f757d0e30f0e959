// The recommended strategy with its tactics, and beside it the override (reason, by, at) with a form to set,
// replace or remove it for those who may write the customer.
import { App, Button, Card, Col, Descriptions, Form, Input, Popconfirm, Row, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useSubmit } from '../../api/hooks';
import { STRATEGIES, type CustomerMetrics, type Strategy, type StrategyTemplates } from '../../api/types';
import { ErrorAlert, PageState } from '../../components/PageState';
import { StrategyTag } from '../../components/Tags';
import { deleteOverride, putOverride } from './api';
import { chooseTactics } from './tactics';
import { StrategyReason } from './StrategyReason';
import { useUserNameRecord } from '../../state/useUserNames';

/** The byte length of a text in UTF-8 (the server's limits count bytes). */
export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

export const strategyTemplatesPath = (strategy: string) => `/strategy/templates/${strategy}`;

export function StrategyPanel({ customer, metrics, canWrite, onChanged }: {
  customer: string; metrics: CustomerMetrics; canWrite: boolean; onChanged(): void;
}) {
  const { t, i18n } = useTranslation('customer');
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const { saving, error, setError, run } = useSubmit();
  const [form] = Form.useForm<{ strategy: Strategy; reason: string }>();
  const templates = useApi<StrategyTemplates>(strategyTemplatesPath(metrics.strategy));
  const override = metrics.strategy_override ?? null;
  const by = useUserNameRecord([override?.by]);
  const tactics = templates.data ? chooseTactics(templates.data, i18n.language) : null;

  const save = async (values: { strategy: Strategy; reason: string }) => {
    await run(async () => {
      await putOverride(customer, values.strategy, values.reason);
      message.success(t('strategy.saved'));
      setEditing(false);
      onChanged();
    });
  };

  const remove = async () => {
    setError(undefined);
    try {
      await deleteOverride(customer);
      message.success(t('strategy.removed'));
      setEditing(false);
      onChanged();
    } catch (failure) {
      setError(failure);
    }
  };

  const startEditing = () => {
    form.setFieldsValue({ strategy: override?.strategy ?? undefined, reason: override?.reason ?? '' });
    setEditing(true);
  };

  return (
    <Card size="small" title={t('strategy.title')} data-testid="strategy-card">
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Space align="center" style={{ marginBottom: 8 }}>
            <Typography.Text strong>{t('strategy.recommended')}</Typography.Text>
            <span data-testid="strategy-recommended"><StrategyTag strategy={metrics.strategy} overridden={!!override} /></span>
          </Space>
          {metrics.strategy_reason ? <StrategyReason reason={metrics.strategy_reason} /> : null}
          <PageState loading={templates.loading && !templates.data} error={templates.error} onRetry={templates.reload}>
            {tactics ? (
              <div data-testid="strategy-tactics">
                <Typography.Paragraph style={{ marginBottom: 4 }}>
                  {tactics.goal}
                  <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                    ({tactics.personal ? t('strategy.personal') : t('strategy.company')})
                  </Typography.Text>
                </Typography.Paragraph>
                {tactics.items.length ? (
                  <ul style={{ paddingLeft: 20, margin: 0 }}>
                    {tactics.items.map((item, i) => <li key={i}>{item}</li>)}
                  </ul>
                ) : !tactics.goal ? <Typography.Text type="secondary">{t('strategy.noTactics')}</Typography.Text> : null}
              </div>
            ) : null}
          </PageState>
        </Col>
        <Col xs={24} lg={10}>
          <div data-testid="strategy-override">
            <Space align="center" style={{ marginBottom: 8 }}>
              <Typography.Text strong>{t('strategy.override')}</Typography.Text>
              {override ? <StrategyTag strategy={override.strategy} /> : null}
            </Space>
            {override ? (
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('strategy.reason')}><span data-testid="override-reason">{override.reason}</span></Descriptions.Item>
                <Descriptions.Item label={t('common.details', { ns: 'common' })}>
                  {t('strategy.overriddenBy', { by: by[override.by] ?? '…', at: dayjs(override.at).format('YYYY-MM-DD HH:mm') })}
                </Descriptions.Item>
              </Descriptions>
            ) : (
              <Typography.Paragraph type="secondary">{t('strategy.noOverride')}</Typography.Paragraph>
            )}
            {error ? <div style={{ marginBottom: 8 }}><ErrorAlert error={error} /></div> : null}
            {canWrite && !editing ? (
              <Space>
                <Button onClick={startEditing} data-testid="override-edit">{override ? t('strategy.replace') : t('strategy.set')}</Button>
                {override ? (
                  <Popconfirm title={t('strategy.removeConfirm')} onConfirm={remove} okButtonProps={{ 'data-testid': 'override-remove-confirm' }}>
                    <Button danger data-testid="override-remove">{t('strategy.remove')}</Button>
                  </Popconfirm>
                ) : null}
              </Space>
            ) : null}
            {canWrite ? (
              <Form form={form} layout="vertical" onFinish={save} style={{ display: editing ? undefined : 'none' }} data-testid="override-form">
                <Form.Item name="strategy" label={t('strategy.strategy')} rules={[{ required: true, message: t('strategy.strategyRequired') }]}>
                  <Select
                    data-testid="override-strategy"
                    options={STRATEGIES.map((s) => ({ value: s, label: t(`strategy.${s}`, { ns: 'common' }) }))}
                  />
                </Form.Item>
                <Form.Item
                  name="reason"
                  label={t('strategy.reason')}
                  rules={[
                    { required: true, whitespace: true, message: t('strategy.reasonRequired') },
                    { validator: async (_, value: string | undefined) => { if (value && utf8Length(value) > 1000) throw new Error(t('strategy.reasonTooLong')); } },
                  ]}
                >
                  <Input.TextArea rows={3} data-testid="override-reason-input" />
                </Form.Item>
                <Space>
                  <Button type="primary" htmlType="submit" loading={saving} data-testid="override-save">{t('common.save', { ns: 'common' })}</Button>
                  <Button onClick={() => { setEditing(false); setError(undefined); }}>{t('common.cancel', { ns: 'common' })}</Button>
                </Space>
              </Form>
            ) : null}
          </div>
        </Col>
      </Row>
    </Card>
  );
}
