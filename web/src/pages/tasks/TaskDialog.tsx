// The task form, for a new task (by hand, or prefilled from a warning, a tactic or a suggestion) and for
// changing one: title, what it concerns (a customer, then one of its opportunities and persons), the
// assignee among those the user may assign to, the due date and details. The server decides; its error
// shows in the dialog with the field it names.
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page, type Params } from '../../api/client';
import { rememberNames, useApi, useNames } from '../../api/hooks';
import type { NamedCollection } from '../../api/names';
import type { Opportunity, Task } from '../../api/types';
import { useDebouncedInput } from '../../lib/useDebouncedInput';
import { usePerspective } from '../../state/perspective';
import { useMe } from '../../state/session';
import { FormModal } from '../admin/FormModal';
import { assignableUsers } from './model';
import { useUserNameRecord } from '../../state/useUserNames';

interface TaskForm {
  title: string;
  customer?: string | null;
  opportunity?: string | null;
  person?: string | null;
  assignee: string;
  due?: Dayjs | null;
  note?: string | null;
}

/** A select over one collection searched by name as you type (at most 20 answers), keeping the chosen
 * record's name. */
export function SearchSelect({ collection, params, value, onChange, placeholder, testId, disabled }: {
  collection: NamedCollection;
  params?: Params;
  value?: string | null;
  onChange?(value: string | null): void;
  placeholder?: string;
  testId?: string;
  disabled?: boolean;
}) {
  const [search, setSearch] = useState('');
  const [text, setText] = useDebouncedInput(search, setSearch);
  const found = useApi<Page<{ id: string; name: string }>>(disabled ? null : `/${collection}`, { ...params, search: search || undefined, limit: 20 });
  const chosen = useNames(collection, [value]);
  const options = useMemo(() => {
    const list = (found.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }));
    if (value && !list.some((o) => o.value === value)) list.unshift({ value, label: chosen[value] ?? value });
    return list;
  }, [found.data, value, chosen]);
  return (
    <Select
      data-testid={testId}
      allowClear
      showSearch
      disabled={disabled}
      filterOption={false}
      searchValue={text}
      onSearch={setText}
      loading={found.loading}
      placeholder={placeholder}
      value={value || undefined}
      onChange={(next?: string) => {
        setText('');
        onChange?.(next ?? null);
      }}
      options={options}
    />
  );
}

/** The body a form sends: empty fields as null; for a change, only the fields that differ from `task`. */
function body(values: TaskForm, task?: Partial<Task>): Partial<Task> {
  const out: Partial<Task> = {
    title: values.title.trim(),
    customer: values.customer || null,
    opportunity: values.opportunity || null,
    person: values.person || null,
    assignee: values.assignee,
    due: values.due ? values.due.format('YYYY-MM-DD') : null,
    note: values.note?.trim() ? values.note.trim() : null,
  };
  if (!task?.id) return { ...task, ...out };
  const changed: Partial<Task> = {};
  for (const [key, value] of Object.entries(out) as [keyof Task, never][]) {
    if ((task[key] ?? null) !== value) (changed as Record<string, unknown>)[key] = value;
  }
  return changed;
}

export function TaskDialog({ open, task, title, onClose, onSaved }: {
  open: boolean;
  /** The task to change (with an id), or the prefilled values of a new one. */
  task?: Partial<Task>;
  title?: string;
  onClose(): void;
  onSaved(task: Task): void;
}) {
  const { t } = useTranslation('tasks');
  const me = useMe();
  const perspective = usePerspective();
  const [customer, setCustomer] = useState<string | null>(task?.customer ?? null);
  const assignees = useMemo(() => assignableUsers(me.user, perspective.teams, perspective.users), [me.user, perspective.teams, perspective.users]);
  const names = useUserNameRecord(assignees.map((u) => u.id));
  const opportunities = useApi<Page<Opportunity>>(customer ? '/opportunities' : null, { customer, limit: 200 });
  const editing = !!task?.id;

  const initial: Partial<TaskForm> = {
    title: task?.title ?? '',
    customer: task?.customer ?? null,
    opportunity: task?.opportunity ?? null,
    person: task?.person ?? null,
    assignee: task?.assignee ?? me.user.id,
    due: task?.due ? dayjs(task.due) : null,
    note: task?.note ?? null,
  };

  return (
    <FormModal<TaskForm>
      open={open}
      title={title ?? (editing ? t('editTask') : t('newTask'))}
      initialValues={initial}
      testId="task-form"
      onClose={onClose}
      onSubmit={async (values) => {
        const sent = body(values, task);
        const saved = editing
          ? await api.patch<Task>(`/tasks/${encodeURIComponent(task!.id!)}`, sent)
          : await api.post<Task>('/tasks', sent);
        onSaved(saved);
      }}
    >
      {(form) => (
        <>
          <Form.Item name="title" label={t('fields.title')} rules={[{ required: true, whitespace: true, message: t('titleRequired') }]}>
            <Input maxLength={200} data-testid="task-title" />
          </Form.Item>
          <Form.Item name="customer" label={t('fields.customer')}>
            <SearchSelect
              collection="organizations"
              params={{ kind: 'customer' }}
              placeholder={t('searchCustomer')}
              testId="task-customer"
              onChange={(next) => {
                setCustomer(next);
                form.setFieldsValue({ customer: next, opportunity: null, person: null });
              }}
            />
          </Form.Item>
          <Form.Item name="opportunity" label={t('fields.opportunity')}>
            <Select
              allowClear
              data-testid="task-opportunity"
              disabled={!customer}
              placeholder={t('chooseOpportunity')}
              loading={opportunities.loading}
              options={(opportunities.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
              onChange={() => rememberNames('opportunities', opportunities.data?.items ?? [])}
            />
          </Form.Item>
          <Form.Item name="person" label={t('fields.person')}>
            <SearchSelect collection="people" params={customer ? { org: customer } : undefined} placeholder={t('searchPerson')} testId="task-person" />
          </Form.Item>
          <Form.Item name="assignee" label={t('fields.assignee')} rules={[{ required: true, message: t('assigneeRequired') }]}>
            <Select
              data-testid="task-assignee"
              showSearch
              optionFilterProp="label"
              disabled={assignees.length <= 1}
              options={assignees.map((u) => ({ value: u.id, label: names[u.id] ?? '…' }))}
            />
          </Form.Item>
          <Form.Item name="due" label={t('fields.due')}>
            <DatePicker data-testid="task-due" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="note" label={t('fields.note')}>
            <Input.TextArea rows={3} maxLength={10000} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
