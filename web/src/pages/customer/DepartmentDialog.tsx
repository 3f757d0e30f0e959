// Adding a department to a customer, or renaming one and moving it under another department.
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeRecord, createRecord } from '../../api/records';
import type { Department } from '../../api/types';
import { changedFields } from '../../lib/changes';
import { FormModal } from '../admin/FormModal';
import type { GraphDepartment } from './api';
import { parentChoices } from './departments';

interface DepartmentForm {
  name: string;
  parent?: string | null;
}

export function DepartmentDialog({ open, customer, department, departments, onClose, onSaved }: {
  open: boolean;
  customer: string;
  /** The department to change; a new one when null. */
  department: GraphDepartment | null;
  departments: GraphDepartment[];
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation('customer');
  const parents = parentChoices(departments, department?.id ?? null);
  return (
    <FormModal<DepartmentForm>
      open={open}
      title={department ? t('dept.editTitle') : t('dept.newTitle')}
      initialValues={{ name: department?.name ?? '', parent: department?.parent ?? null }}
      testId="department-form"
      onClose={onClose}
      onSubmit={async (values) => {
        const fields = { name: values.name.trim(), parent: values.parent || null };
        if (!department) {
          await createRecord<Department>('departments', { org: customer, ...fields });
        } else {
          const patch = changedFields<Department>(department, fields);
          if (Object.keys(patch).length) await changeRecord<Department>('departments', department.id, patch);
        }
        onSaved();
      }}
    >
      <Form.Item name="name" label={t('dept.name')} rules={[{ required: true, whitespace: true, message: t('dept.nameRequired') }]}>
        <Input maxLength={200} data-testid="department-form-name" />
      </Form.Item>
      <Form.Item name="parent" label={t('dept.parent')}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('dept.noParent')}
          options={parents.map((d) => ({ value: d.id, label: d.name }))}
          data-testid="department-form-parent"
        />
      </Form.Item>
    </FormModal>
  );
}
