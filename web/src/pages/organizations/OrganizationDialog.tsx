// Creating a competitor or a partner, or changing one: name, industry, region. (Customers have their own
// dialog, with the owner; our own company is not changed here.)
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeRecord, createRecord } from '../../api/records';
import type { Organization } from '../../api/types';
import { changedFields, textOrNull } from '../../lib/changes';
import { FormModal } from '../admin/FormModal';

interface OrganizationForm {
  name: string;
  industry?: string | null;
  region?: string | null;
}

export function OrganizationDialog({ open, kind, organization, onClose, onSaved }: {
  open: boolean;
  kind: 'competitor' | 'partner';
  /** The organization to change; a new one of `kind` when absent. */
  organization?: Organization;
  onClose(): void;
  onSaved(organization: Organization): void;
}) {
  const { t } = useTranslation('organizations');
  const kindName = t(`orgKind.${organization?.kind ?? kind}`, { ns: 'common' }).toLowerCase();
  return (
    <FormModal<OrganizationForm>
      open={open}
      title={organization ? t('form.editTitle', { kind: kindName }) : t('form.newTitle', { kind: kindName })}
      initialValues={{ name: organization?.name ?? '', industry: organization?.industry ?? null, region: organization?.region ?? null }}
      testId="organization-form"
      submitText={organization ? undefined : t('form.create')}
      onClose={onClose}
      onSubmit={async (values) => {
        const fields = { name: values.name.trim(), industry: textOrNull(values.industry), region: textOrNull(values.region) };
        if (!organization) {
          onSaved(await createRecord<Organization>('organizations', { kind, ...fields }));
          return;
        }
        const patch = changedFields<Organization>(organization, fields);
        onSaved(Object.keys(patch).length ? await changeRecord<Organization>('organizations', organization.id, patch) : organization);
      }}
    >
      <Form.Item name="name" label={t('form.name')} rules={[{ required: true, whitespace: true, message: t('form.nameRequired') }]}>
        <Input maxLength={200} data-testid="organization-form-name" />
      </Form.Item>
      <Form.Item name="industry" label={t('form.industry')}>
        <Input maxLength={200} data-testid="organization-form-industry" />
      </Form.Item>
      <Form.Item name="region" label={t('form.region')}>
        <Input maxLength={200} data-testid="organization-form-region" />
      </Form.Item>
    </FormModal>
  );
}
