// Creating a customer or changing one: name, industry, region, owner and focus. A rep's new customer is
// theirs; a manager chooses among their team; executives and admins among every active rep and manager, or
// nobody. The server decides; its refusal shows in the dialog with the field it names.
import { Form, Input, Switch } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { changeRecord, createRecord } from '../../api/records';
import type { Organization } from '../../api/types';
import { changedFields, textOrNull } from '../../lib/changes';
import { usePerspective } from '../../state/perspective';
import { useMe } from '../../state/session';
import { FormModal } from '../admin/FormModal';
import { defaultOwner, ownerChoices } from './owners';
import { OwnerSelect } from './OwnerSelect';

interface CustomerForm {
  name: string;
  industry?: string | null;
  region?: string | null;
  owner?: string | null;
  focus: boolean;
}

function customerFields(values: CustomerForm): Partial<Organization> {
  return {
    name: values.name.trim(),
    industry: textOrNull(values.industry),
    region: textOrNull(values.region),
    owner: values.owner || null,
    focus: !!values.focus,
  };
}

export function CustomerDialog({ open, customer, onClose, onSaved }: {
  open: boolean;
  /** The customer to change; a new one when absent. */
  customer?: Organization;
  onClose(): void;
  onSaved(customer: Organization): void;
}) {
  const { t } = useTranslation('customers');
  const me = useMe();
  const perspective = usePerspective();
  const choices = useMemo(() => ownerChoices(me.user, perspective.teams, perspective.users), [me.user, perspective.teams, perspective.users]);
  const everyone = me.user.role === 'executive' || me.user.role === 'admin';
  const initial: CustomerForm = customer
    ? { name: customer.name, industry: customer.industry, region: customer.region, owner: customer.owner, focus: customer.focus }
    : { name: '', industry: null, region: null, owner: defaultOwner(me.user), focus: false };

  return (
    <FormModal<CustomerForm>
      open={open}
      title={customer ? t('form.editTitle') : t('form.newTitle')}
      initialValues={initial}
      testId="customer-form"
      submitText={customer ? undefined : t('form.create')}
      onClose={onClose}
      onSubmit={async (values) => {
        const fields = customerFields(values);
        if (!customer) {
          onSaved(await createRecord<Organization>('organizations', { kind: 'customer', ...fields }));
          return;
        }
        const patch = changedFields(customer, fields);
        onSaved(Object.keys(patch).length ? await changeRecord<Organization>('organizations', customer.id, patch) : customer);
      }}
    >
      <Form.Item name="name" label={t('form.name')} rules={[{ required: true, whitespace: true, message: t('form.nameRequired') }]}>
        <Input maxLength={200} data-testid="customer-form-name" />
      </Form.Item>
      <Form.Item name="industry" label={t('form.industry')}>
        <Input maxLength={200} data-testid="customer-form-industry" />
      </Form.Item>
      <Form.Item name="region" label={t('form.region')}>
        <Input maxLength={200} data-testid="customer-form-region" />
      </Form.Item>
      <Form.Item
        name="owner"
        label={t('form.owner')}
        extra={everyone ? t('form.ownerAnyone') : me.user.role === 'rep' ? t('form.ownerRep') : t('form.ownerTeam')}
        rules={everyone ? [] : [{ required: true, message: t('form.ownerRequired') }]}
      >
        <OwnerSelect choices={choices} allowClear={everyone} placeholder={t('form.noOwner')} testId="customer-form-owner" />
      </Form.Item>
      <Form.Item name="focus" label={t('form.focus')} valuePropName="checked">
        <Switch data-testid="customer-form-focus" />
      </Form.Item>
    </FormModal>
  );
}
