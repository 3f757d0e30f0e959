// The two forms of the org chart: add a person (then the reporting line), and move a person to a new manager.
import { Form, Input, Modal, Select, Switch } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORTANCES, ORIENTATIONS } from '../../api/types';
import type { CustomerGraph, NewPerson } from './api';
import { moveProblem } from './move';

export const NO_MANAGER = '__none__';

function personOptions(graph: CustomerGraph, exclude?: string) {
  return graph.people
    .filter((p) => p.id !== exclude)
    .map((p) => ({ value: p.id, label: p.title ? `${p.name} · ${p.title}` : p.name }));
}

export function AddPersonModal({ open, graph, onCancel, onSubmit }: {
  open: boolean; graph: CustomerGraph; onCancel(): void; onSubmit(form: NewPerson): Promise<void>;
}) {
  const { t } = useTranslation('customer');
  const [form] = Form.useForm();
  const people = useMemo(() => personOptions(graph), [graph]);
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  return (
    <Modal
      open={open}
      title={t('orgchart.addPerson')}
      onCancel={onCancel}
      okText={t('common.add', { ns: 'common' })}
      okButtonProps={{ htmlType: 'submit', form: 'customer-add-person', 'data-testid': 'add-person-submit' }}
      forceRender
    >
      <Form
        id="customer-add-person"
        form={form}
        layout="vertical"
        initialValues={{ key: true, importance: 'unknown', orientation: 'unknown', managerId: undefined }}
        onFinish={async (values: NewPerson) => {
          try {
            await onSubmit(values);
          } catch {
            // The page shows the error; the form stays open for a correction.
          }
        }}
        data-testid="add-person-form"
      >
        <Form.Item name="name" label={t('person.name')} rules={[{ required: true, whitespace: true, message: t('person.nameRequired') }, { max: 200 }]}>
          <Input autoFocus data-testid="add-person-name" maxLength={200} />
        </Form.Item>
        <Form.Item name="title" label={t('person.title')} rules={[{ max: 200 }]}>
          <Input data-testid="add-person-title" maxLength={200} />
        </Form.Item>
        <Form.Item name="department" label={t('person.department')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={graph.departments.map((d) => ({ value: d.id, label: d.name }))}
            data-testid="add-person-department"
          />
        </Form.Item>
        <Form.Item name="managerId" label={t('person.reportsTo')}>
          <Select allowClear showSearch optionFilterProp="label" options={people} data-testid="add-person-manager" />
        </Form.Item>
        <Form.Item name="key" label={t('person.key')} valuePropName="checked">
          <Switch data-testid="add-person-key" />
        </Form.Item>
        <Form.Item name="importance" label={t('person.importance')}>
          <Select options={IMPORTANCES.map((i) => ({ value: i, label: t(`importance.${i}`, { ns: 'common' }) }))} />
        </Form.Item>
        <Form.Item name="orientation" label={t('person.orientation')}>
          <Select options={ORIENTATIONS.map((o) => ({ value: o, label: t(`orientation.${o}`, { ns: 'common' }) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function MoveModal({ open, graph, person, onCancel, onSubmit }: {
  open: boolean; graph: CustomerGraph; person: string | null; onCancel(): void; onSubmit(person: string, manager: string | null): Promise<void>;
}) {
  const { t } = useTranslation('customer');
  const [form] = Form.useForm<{ person: string; manager: string }>();
  const chosen = Form.useWatch('person', form);
  const names = useMemo(() => new Map(graph.people.map((p) => [p.id, p.name])), [graph.people]);
  const current = chosen ? graph.reporting.find((l) => l.person === chosen)?.manager ?? null : null;
  useEffect(() => {
    if (open) {
      form.resetFields();
      if (person) form.setFieldsValue({ person });
    }
  }, [open, person, form]);

  return (
    <Modal
      open={open}
      title={t('orgchart.movePerson')}
      onCancel={onCancel}
      okText={t('common.save', { ns: 'common' })}
      okButtonProps={{ htmlType: 'submit', form: 'customer-move-person', 'data-testid': 'move-submit' }}
      forceRender
    >
      <Form
        id="customer-move-person"
        form={form}
        layout="vertical"
        onFinish={async (values) => {
          try {
            await onSubmit(values.person, values.manager === NO_MANAGER ? null : values.manager);
          } catch {
            // The page shows the error.
          }
        }}
        data-testid="move-form"
      >
        <Form.Item name="person" label={t('person.person')} rules={[{ required: true, message: t('person.personRequired') }]}
          extra={chosen ? t('person.current', { name: current ? names.get(current) ?? current : t('person.noManager') }) : undefined}>
          <Select showSearch optionFilterProp="label" options={personOptions(graph)} data-testid="move-person" autoFocus />
        </Form.Item>
        <Form.Item
          name="manager"
          label={t('person.newManager')}
          dependencies={['person']}
          rules={[
            { required: true, message: t('person.newManagerRequired') },
            {
              validator: async (_, value: string | undefined) => {
                const who = form.getFieldValue('person') as string | undefined;
                if (!who || !value) return;
                const problem = moveProblem(who, value === NO_MANAGER ? null : value, graph.reporting);
                if (problem) throw new Error(t(`orgchart.problem.${problem}`));
              },
            },
          ]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            options={[{ value: NO_MANAGER, label: t('person.noManager') }, ...personOptions(graph, chosen)]}
            data-testid="move-manager"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
