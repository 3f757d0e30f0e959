// Creating an opportunity of a customer, or changing one: name, owner (the customer's owner by default),
// amount and currency, stage (suggested from the customer's other opportunities), type, opened, win
// probability in percent, focus; for a change also the status and, once it is not open, the closing day.
import { AutoComplete, Col, DatePicker, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../api/client';
import { useApi } from '../../api/hooks';
import { changeRecord, createRecord } from '../../api/records';
import type { Opportunity } from '../../api/types';
import { changedFields } from '../../lib/changes';
import { tenantToday, todayIso } from '../../lib/format';
import { usePerspective } from '../../state/perspective';
import { useMe } from '../../state/session';
import { FormModal } from '../admin/FormModal';
import { ownerChoices } from '../customers/owners';
import { OwnerSelect } from '../customers/OwnerSelect';
import { CURRENCIES, OPPORTUNITY_STATUSES, OPPORTUNITY_TYPES, opportunityFields, opportunityForm, type OpportunityForm } from './opportunityForm';

const afterToday = (day: Dayjs) => day.isAfter(tenantToday(), 'day');

export function OpportunityDialog({ open, customer, opportunity, onClose, onSaved }: {
  open: boolean;
  /** The customer of a new opportunity, with its owner (the new one's default owner). */
  customer: { id: string; owner: string | null };
  /** The opportunity to change; a new one when absent. */
  opportunity?: Opportunity;
  onClose(): void;
  onSaved(opportunity: Opportunity): void;
}) {
  const { t } = useTranslation('opportunity');
  const me = useMe();
  const perspective = usePerspective();
  const choices = useMemo(() => ownerChoices(me.user, perspective.teams, perspective.users), [me.user, perspective.teams, perspective.users]);
  const others = useApi<Page<Opportunity>>(open ? '/opportunities' : null, { customer: customer.id, limit: 200 });
  const stages = useMemo(
    () => [...new Set((others.data?.items ?? []).map((o) => o.stage).filter((s): s is string => !!s))].sort().map((s) => ({ value: s })),
    [others.data],
  );

  return (
    <FormModal<OpportunityForm>
      open={open}
      title={opportunity ? t('form.editTitle') : t('form.newTitle')}
      initialValues={opportunityForm(opportunity ?? null, customer.owner, todayIso())}
      testId="opportunity-form"
      submitText={opportunity ? undefined : t('form.create')}
      onClose={onClose}
      onSubmit={async (values) => {
        const fields = opportunityFields(values, !opportunity);
        if (!opportunity) {
          onSaved(await createRecord<Opportunity>('opportunities', { customer: customer.id, ...fields }));
          return;
        }
        const patch = changedFields(opportunity, fields);
        onSaved(Object.keys(patch).length ? await changeRecord<Opportunity>('opportunities', opportunity.id, patch) : opportunity);
      }}
    >
      {(form) => (
        <>
          <Form.Item name="name" label={t('form.name')} rules={[{ required: true, whitespace: true, message: t('form.nameRequired') }]}>
            <Input maxLength={200} data-testid="opportunity-form-name" />
          </Form.Item>
          <Form.Item name="owner" label={t('owner')}>
            <OwnerSelect choices={choices} allowClear placeholder={t('form.noOwner')} testId="opportunity-form-owner" />
          </Form.Item>
          <Row gutter={12}>
            <Col span={16}>
              <Form.Item name="amount" label={t('amount')}>
                <InputNumber min={0} max={1e15} style={{ width: '100%' }} data-testid="opportunity-form-amount" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="currency" label={t('form.currency')}>
                <AutoComplete options={CURRENCIES.map((c) => ({ value: c }))} maxLength={3} data-testid="opportunity-form-currency" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="stage" label={t('stage')}>
                <AutoComplete options={stages} maxLength={100} filterOption data-testid="opportunity-form-stage" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="type" label={t('type')}>
                <Select options={OPPORTUNITY_TYPES.map((type) => ({ value: type, label: t(`types.${type}`) }))} data-testid="opportunity-form-type" />
              </Form.Item>
            </Col>
          </Row>
          {opportunity ? (
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="status" label={t('status')}>
                  <Select
                    options={OPPORTUNITY_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`, { ns: 'common' }) }))}
                    data-testid="opportunity-form-status"
                    onChange={(status: string) => {
                      // Closing it: the closing day starts as today.
                      if (status !== 'open' && !form.getFieldValue('closed')) form.setFieldsValue({ closed: tenantToday() });
                    }}
                  />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item noStyle shouldUpdate={(a, b) => a.status !== b.status}>
                  {() => (
                    <Form.Item name="closed" label={t('closed')} hidden={form.getFieldValue('status') === 'open'}>
                      <DatePicker style={{ width: '100%' }} disabledDate={afterToday} data-testid="opportunity-form-closed" />
                    </Form.Item>
                  )}
                </Form.Item>
              </Col>
            </Row>
          ) : null}
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="opened" label={t('opened')} rules={[{ required: true, message: t('form.openedRequired') }]}>
                <DatePicker style={{ width: '100%' }} allowClear={false} disabledDate={afterToday} data-testid="opportunity-form-opened" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="percent" label={t('winProbability')}>
                <InputNumber min={0} max={100} step={5} addonAfter="%" style={{ width: '100%' }} data-testid="opportunity-form-probability" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="focus" label={t('focus')} valuePropName="checked">
            <Switch data-testid="opportunity-form-focus" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
