// The to-do list (待办): the tasks of the chosen assignee (mine by default; a manager picks someone of the
// team, or everything they can see), grouped as overdue, due today, upcoming, without a due date, snoozed
// and closed; each finished, snoozed, dismissed with a reason or reopened in place (with undo), changed,
// and discussed in its comments. What to show and whose live in the URL.
import { App, Button, Card, Drawer, Empty, Input, List, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, listAll, type Page } from '../../api/client';
import { useApi, useLoad, useNames } from '../../api/hooks';
import type { Task, TaskComment, TaskStatus } from '../../api/types';
import { DismissDialog, SnoozeDialog } from '../../components/DecisionDialogs';
import { ErrorAlert, SkeletonBlock } from '../../components/PageState';
import { errorText } from '../../lib/errors';
import { todayIso } from '../../lib/format';
import { useQueryChange } from '../../lib/useQueryChange';
import { usePerspective } from '../../state/perspective';
import { useMe } from '../../state/session';
import { assignableUsers, groupTasks, taskState, type TaskGroup } from './model';
import { TaskDialog } from './TaskDialog';
import { useUserNameRecord } from '../../state/useUserNames';

const SHOWS = ['active', 'snoozed', 'closed', 'all'] as const;
type Show = (typeof SHOWS)[number];
const STATUSES_OF: Record<Show, TaskStatus[] | null> = {
  active: ['open', 'snoozed'],
  snoozed: ['snoozed'],
  closed: ['done', 'dismissed'],
  all: null,
};
const GROUP_COLOR: Record<TaskGroup, string> = {
  overdue: 'red', today: 'orange', upcoming: 'blue', undated: 'default', snoozed: 'purple', closed: 'default',
};

/** The tasks of `assignee` ('' for all the user sees) with the statuses `show` asks for. */
async function loadTasks(assignee: string, show: Show): Promise<Task[]> {
  const base = assignee ? { assignee } : {};
  const statuses = STATUSES_OF[show];
  if (!statuses) return listAll<Task>('tasks', base);
  const lists = await Promise.all(statuses.map((status) => listAll<Task>('tasks', { ...base, status })));
  return lists.flat();
}

function dayDiff(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86400000);
}

export function TaskStatusTag({ task, today }: { task: Task; today: string }) {
  const { t } = useTranslation('tasks');
  const state = taskState(task, today);
  const color = state === 'done' ? 'green' : state === 'dismissed' ? 'default' : state === 'snoozed' ? 'purple' : 'blue';
  return <Tag color={color} data-testid="task-status">{t(`status.${state}`)}</Tag>;
}

/** When a task is due, in words, red when overdue. */
export function DueText({ task, today }: { task: Task; today: string }) {
  const { t } = useTranslation('tasks');
  const state = taskState(task, today);
  if (state === 'snoozed') return <Typography.Text type="secondary">{t('snoozedUntil', { date: task.snoozed_until })}</Typography.Text>;
  if (!task.due) return <Typography.Text type="secondary">{t('noDue')}</Typography.Text>;
  const late = (state === 'open' || state === 'woken') && task.due < today;
  return (
    <Space direction="vertical" size={0}>
      <Typography.Text type={late ? 'danger' : undefined}>{t('dueOn', { date: task.due })}</Typography.Text>
      {late ? <Typography.Text type="danger" style={{ fontSize: 12 }}>{t('overdueBy', { count: dayDiff(task.due, today) })}</Typography.Text> : null}
    </Space>
  );
}

/** What a task concerns, as links. */
export function Concerns({ task, names }: { task: Task; names: Record<string, string> }) {
  return (
    <Space direction="vertical" size={0}>
      {task.customer ? <Link to={`/customers/${task.customer}`}>{names[task.customer] ?? task.customer}</Link> : null}
      {task.opportunity ? <Link to={`/opportunities/${task.opportunity}`} style={{ fontSize: 12 }}>{names[task.opportunity] ?? task.opportunity}</Link> : null}
      {task.person ? <Link to={`/people/${task.person}`} style={{ fontSize: 12 }}>{names[task.person] ?? task.person}</Link> : null}
    </Space>
  );
}

/** The names of what the tasks concern and of their assignees and authors. */
export function useTaskNames(tasks: Task[]): Record<string, string> {
  const customers = useNames('organizations', tasks.map((x) => x.customer));
  const opportunities = useNames('opportunities', tasks.map((x) => x.opportunity));
  const people = useNames('people', tasks.map((x) => x.person));
  const users = useUserNameRecord(tasks.flatMap((x) => [x.assignee, x.by]));
  return useMemo(() => ({ ...customers, ...opportunities, ...people, ...users }), [customers, opportunities, people, users]);
}

/** Changing a task's status, with the dialogs that ask for a snooze day or a dismissal reason, and undo. */
export function useTaskActions(onChanged: () => void) {
  const { t } = useTranslation('tasks');
  const { message } = App.useApp();
  const [snoozing, setSnoozing] = useState<Task | null>(null);
  const [dismissing, setDismissing] = useState<Task | null>(null);

  async function change(task: Task, patch: Partial<Task>, undo = true) {
    try {
      await api.patch(`/tasks/${encodeURIComponent(task.id)}`, patch);
      onChanged();
      const key = `task-${task.id}-${undo ? 'change' : 'undone'}`;
      const before: Partial<Task> = { status: task.status };
      if (patch.status === 'snoozed') before.snoozed_until = task.snoozed_until;
      if (patch.status === 'dismissed') before.reason = task.reason;
      message.open({
        key,
        type: 'success',
        content: (
          <Space>
            {t(`status.${patch.status ?? task.status}`)}: {task.title.length > 30 ? `${task.title.slice(0, 30)}…` : task.title}
            {undo ? (
              <Button size="small" type="link" data-testid="task-undo" onClick={() => {
                message.destroy(key);
                void change({ ...task, ...patch } as Task, before, false);
              }}>{t('common.undo', { ns: 'common' })}</Button>
            ) : null}
          </Space>
        ),
      });
    } catch (error) {
      message.error(errorText(error));
    }
  }

  const dialogs = (
    <>
      <SnoozeDialog open={!!snoozing} title={t('snoozeTitle')} subject={snoozing?.title} okText={t('actions.snooze')}
        onClose={() => setSnoozing(null)} onSnooze={(day) => {
          if (snoozing) void change(snoozing, { status: 'snoozed', snoozed_until: day });
          setSnoozing(null);
        }} />
      <DismissDialog open={!!dismissing} title={t('dismissTitle')} subject={dismissing?.title} okText={t('actions.dismiss')}
        onClose={() => setDismissing(null)} onDismiss={(reason) => {
          if (dismissing) void change(dismissing, { status: 'dismissed', reason });
          setDismissing(null);
        }} />
    </>
  );
  return {
    done: (task: Task) => change(task, { status: 'done' }),
    reopen: (task: Task) => change(task, { status: 'open' }),
    snooze: setSnoozing,
    dismiss: setDismissing,
    dialogs,
  };
}

/** A task's comments, oldest first, and a box to add one. */
function CommentsDrawer({ task, names, onClose }: { task: Task | null; names: Record<string, string>; onClose(): void }) {
  const { t } = useTranslation('tasks');
  const { message } = App.useApp();
  const comments = useApi<Page<TaskComment>>(task ? '/task-comments' : null, { task: task?.id, limit: 200 });
  const authors = useUserNameRecord((comments.data?.items ?? []).map((c) => c.by));
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  async function send() {
    if (!task || !text.trim()) return;
    setSending(true);
    try {
      await api.post('/task-comments', { task: task.id, text: text.trim() });
      setText('');
      comments.reload();
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setSending(false);
    }
  }
  return (
    <Drawer open={!!task} onClose={onClose} title={`${t('comments')} · ${task?.title ?? ''}`} width={480} data-testid="task-comments">
      {task?.note ? <Typography.Paragraph type="secondary">{task.note}</Typography.Paragraph> : null}
      {task?.status === 'dismissed' && task.reason ? <Typography.Paragraph>{t('dismissedBecause', { reason: task.reason })}</Typography.Paragraph> : null}
      {comments.error ? <ErrorAlert error={comments.error} onRetry={comments.reload} /> : null}
      <List
        loading={comments.loading}
        dataSource={comments.data?.items ?? []}
        locale={{ emptyText: t('noComments') }}
        renderItem={(c) => (
          <List.Item>
            <List.Item.Meta title={<Space><span>{authors[c.by ?? ''] ?? names[c.by ?? ''] ?? '…'}</span><Typography.Text type="secondary">{c.date}</Typography.Text></Space>}
              description={<span style={{ whiteSpace: 'pre-wrap' }}>{c.text}</span>} />
          </List.Item>
        )}
      />
      <Space.Compact style={{ width: '100%', marginTop: 12 }}>
        <Input.TextArea aria-label={t('addComment')} data-testid="comment-text" value={text} autoSize={{ minRows: 2 }} maxLength={10000}
          placeholder={t('commentPlaceholder')} onChange={(e) => setText(e.target.value)} />
        <Button type="primary" loading={sending} disabled={!text.trim()} onClick={() => void send()} data-testid="comment-send">{t('send')}</Button>
      </Space.Compact>
    </Drawer>
  );
}

export default function TasksPage() {
  const { t } = useTranslation('tasks');
  const me = useMe();
  const perspective = usePerspective();
  const [query, change] = useQueryChange();
  const show: Show = (SHOWS as readonly string[]).includes(query.get('show') ?? '') ? (query.get('show') as Show) : 'active';
  const whose = query.get('whose') ?? 'mine';
  const assignee = whose === 'mine' ? me.user.id : whose === 'all' ? '' : whose;
  const tasks = useLoad(`${assignee}|${show}`, () => loadTasks(assignee, show));
  const today = todayIso();
  const items = useMemo(() => tasks.data ?? [], [tasks.data]);
  const names = useTaskNames(items);
  const groups = useMemo(() => groupTasks(items, today), [items, today]);
  const [editing, setEditing] = useState<Partial<Task> | null>(null);
  const [discussing, setDiscussing] = useState<Task | null>(null);
  const actions = useTaskActions(tasks.reload);
  const team = useMemo(() => assignableUsers(me.user, perspective.teams, perspective.users), [me.user, perspective.teams, perspective.users]);
  const teamNames = useUserNameRecord(team.map((u) => u.id));
  const everything = me.user.role === 'executive' || me.user.role === 'admin';
  const mayChange = (task: Task) => everything || team.some((u) => u.id === task.assignee || u.id === task.by);

  const set = (key: string, value: string, fallback: string) =>
    change((next) => {
      if (value === fallback) next.delete(key);
      else next.set(key, value);
      return next;
    });

  const columns: ColumnsType<Task> = [
    {
      key: 'title', title: t('fields.title'),
      render: (_, task) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong data-testid="task-title-cell">{task.title}</Typography.Text>
          {task.note ? <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 360 }}>{task.note}</Typography.Text> : null}
        </Space>
      ),
    },
    { key: 'concerns', title: t('fields.concerns'), width: 200, render: (_, task) => <Concerns task={task} names={names} /> },
    { key: 'assignee', title: t('fields.assignee'), width: 100, render: (_, task) => names[task.assignee] ?? '…' },
    { key: 'due', title: t('fields.due'), width: 130, render: (_, task) => <DueText task={task} today={today} /> },
    {
      key: 'status', title: t('fields.status'), width: 110,
      render: (_, task) => (
        <Space direction="vertical" size={0}>
          <TaskStatusTag task={task} today={today} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`source.${task.source}`)}</Typography.Text>
        </Space>
      ),
    },
    {
      key: 'actions', title: '', width: 230,
      render: (_, task) => {
        const state = taskState(task, today);
        const active = state === 'open' || state === 'woken';
        return (
          <Space size={4} wrap>
            {mayChange(task) && active ? (
              <>
                <Button size="small" type="primary" data-testid="task-done" onClick={() => void actions.done(task)}>{t('actions.done')}</Button>
                <Button size="small" data-testid="task-snooze" onClick={() => actions.snooze(task)}>{t('actions.snooze')}</Button>
                <Button size="small" data-testid="task-dismiss" onClick={() => actions.dismiss(task)}>{t('actions.dismiss')}</Button>
              </>
            ) : null}
            {mayChange(task) && !active ? (
              <Button size="small" data-testid="task-reopen" onClick={() => void actions.reopen(task)}>{t('actions.reopen')}</Button>
            ) : null}
            {mayChange(task) ? <Button size="small" type="link" onClick={() => setEditing(task)}>{t('actions.edit')}</Button> : null}
            <Button size="small" type="link" data-testid="task-comments-open" onClick={() => setDiscussing(task)}>{t('actions.comments')}</Button>
          </Space>
        );
      },
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="tasks-page">
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 16 }}>
        <div>
          <Typography.Title level={3} style={{ marginBottom: 4 }}>{t('title')}</Typography.Title>
          <Typography.Text type="secondary">{t('intro')}</Typography.Text>
        </div>
        <Button type="primary" data-testid="task-new" onClick={() => setEditing({ assignee: assignee || me.user.id })}>{t('newTask')}</Button>
      </div>
      <Card size="small">
        <Space wrap>
          <Select aria-label={t('show.label')} data-testid="tasks-show" value={show} style={{ width: 170 }}
            onChange={(value: Show) => set('show', value, 'active')}
            options={SHOWS.map((s) => ({ value: s, label: t(`show.${s}`) }))} />
          <Select aria-label={t('whose.label')} data-testid="tasks-whose" value={whose} style={{ width: 200 }} showSearch optionFilterProp="label"
            onChange={(value: string) => set('whose', value, 'mine')}
            options={[
              { value: 'mine', label: t('whose.mine') },
              { value: 'all', label: t('whose.all') },
              ...team.filter((u) => u.id !== me.user.id).map((u) => ({ value: u.id, label: teamNames[u.id] ?? '…' })),
            ]} />
          {tasks.data ? <Typography.Text type="secondary" data-testid="tasks-count">{t('count', { count: items.length })}</Typography.Text> : null}
        </Space>
      </Card>
      {tasks.error ? <ErrorAlert error={tasks.error} onRetry={tasks.reload} /> : null}
      {!tasks.data && !tasks.error ? <SkeletonBlock rows={6} testId="tasks-skeleton" /> : null}
      {tasks.data && groups.length === 0 ? (
        <Card><Empty description={show === 'active' ? t('noneActive') : t('none')} /></Card>
      ) : null}
      {groups.map(({ group, tasks: list }) => (
        <Card key={group} size="small" data-testid={`tasks-group-${group}`}
          title={<Space><Tag color={GROUP_COLOR[group]}>{t(`groups.${group}`)}</Tag><Typography.Text type="secondary">{list.length}</Typography.Text></Space>}>
          <Table<Task> size="small" rowKey="id" dataSource={list} pagination={list.length > 20 ? { pageSize: 20 } : false}
            columns={whose === 'mine' ? columns.filter((c) => c.key !== 'assignee') : columns}
            scroll={{ x: 960 }} tableLayout="fixed" />
        </Card>
      ))}
      {editing ? (
        <TaskDialog open task={editing} onClose={() => setEditing(null)} onSaved={() => {
          setEditing(null);
          tasks.reload();
        }} />
      ) : null}
      <CommentsDrawer task={discussing} names={names} onClose={() => setDiscussing(null)} />
      {actions.dialogs}
    </Space>
  );
}
