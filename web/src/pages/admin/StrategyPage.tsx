// Strategy settings (策略设置): the thresholds of the recommendation rules (admins edit) and the tactics of
// each strategy (admins edit the company template; everyone keeps their own version if they like), and the
// company's default milestone model (admins edit it).
import { App, Button, Card, Col, Form, InputNumber, Row, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApi } from '../../api/hooks';
import type { Thresholds } from '../../api/types';
import { ErrorAlert, PageState } from '../../components/PageState';
import { useMe } from '../../state/session';
import { DEFAULT_THRESHOLDS, THRESHOLD_RANGES, thresholdOk, thresholdsRequest, type ThresholdKey } from './strategyModel';
import { TemplatesCard } from './TemplatesCard';
import { MilestoneModelEditor } from '../project/MilestoneModelEditor';

function ThresholdsCard({ admin }: { admin: boolean }) {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const thresholds = useApi<Thresholds>('/strategy/thresholds');
  const [form] = Form.useForm<Record<ThresholdKey, number>>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    if (thresholds.data) form.setFieldsValue(thresholds.data);
  }, [thresholds.data, form]);

  async function save(values: Record<ThresholdKey, number>) {
    setBusy(true);
    setError(undefined);
    try {
      await api.put<Thresholds>('/strategy/thresholds', thresholdsRequest(values));
      message.success(t('strategy.saved'));
      thresholds.reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card size="small" title={t('strategy.thresholds')} data-testid="thresholds-card">
      <Typography.Paragraph type="secondary">{admin ? t('strategy.thresholdsHint') : t('strategy.readOnly')}</Typography.Paragraph>
      <PageState loading={thresholds.loading && !thresholds.data} error={thresholds.error} onRetry={thresholds.reload}>
        <Form form={form} layout="vertical" onFinish={save} disabled={!admin} data-testid="thresholds-form">
          <Row gutter={16}>
            {THRESHOLD_RANGES.map((range) => (
              <Col key={range.key} xs={24} md={12} xl={6}>
                <Form.Item
                  name={range.key}
                  label={t(`strategy.${range.key}`)}
                  extra={t(`strategy.${range.key}Help`)}
                  rules={[
                    { required: true, message: t('strategy.invalidValue', { rule: t(`strategy.${range.key}Help`) }) },
                    {
                      validator: (_, value) =>
                        value === undefined || value === null || thresholdOk(range, value)
                          ? Promise.resolve()
                          : Promise.reject(new Error(t('strategy.invalidValue', { rule: t(`strategy.${range.key}Help`) }))),
                    },
                  ]}
                >
                  <InputNumber
                    style={{ width: '100%' }}
                    step={range.step}
                    data-testid={`threshold-${range.key}`}
                  />
                </Form.Item>
              </Col>
            ))}
          </Row>
          {error !== undefined && <div style={{ marginBottom: 12 }}><ErrorAlert error={error} /></div>}
          {admin && (
            <Space>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="thresholds-save">{t('common.save', { ns: 'common' })}</Button>
              <Button onClick={() => form.setFieldsValue(DEFAULT_THRESHOLDS)}>{t('strategy.reset')}</Button>
            </Space>
          )}
        </Form>
      </PageState>
    </Card>
  );
}

export default function StrategyPage() {
  const { t } = useTranslation('admin');
  const me = useMe();
  const admin = me.user.role === 'admin';
  return (
    <div data-testid="strategy-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('strategy.title')}</Typography.Title>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <ThresholdsCard admin={admin} />
        <TemplatesCard admin={admin} />
        <MilestoneModelEditor customer={null} canWrite={admin} />
      </Space>
    </div>
  );
}
