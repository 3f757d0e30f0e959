// The workbench (工作台), a rep's home and a manager's for the team: the tasks overdue and due today (done in
// one click), the new warnings (acknowledged, snoozed or dismissed in place), the suggested next actions
// with their expected effect (each made a task in one click), and the recent changes on the perspective's
// customers. Every list follows the perspective; each links to its full page.
import { App, Badge, Button, Card, Col, Empty, List, Row, Space, Statistic, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useLoad } from '../../api/hooks';
import { listAll } from '../../api/client';
import { useWarnings, type WarningRow } from '../../api/lines';
import type { Task } from '../../api/types';
import { useChanges, useSuggestions, type Suggestion } from '../../api/work';
import type { PathFigure } from '../../api/types';
import { ErrorAlert, SkeletonBlock } from '../../components/PageState';
import { todayIso } from '../../lib/format';
import { usePerspective } from '../../state/perspective';
import { useMe } from '../../state/session';
import { groupTasks, isActive } from '../tasks/model';
import { TaskDialog } from '../tasks/TaskDialog';
import { Concerns, DueText, useTaskActions, useTaskNames } from '../tasks/TasksPage';
import { rowNames } from '../warnings/model';
import { KindTag, SeverityTag } from '../warnings/tags';
import { useWarningDecisions, WarningRowActions } from '../warnings/WarningDecisions';
import { useWarningTitle, WarningText } from '../warnings/WarningText';
import { AskIntroductionDialog } from '../person/AskIntroduction';
import { taskFromWarning } from '../tasks/model';
import { effectParts, taskFromSuggestion } from './model';
import { useChangeSentence, useSuggestionSentence } from './SuggestionText';

const SUGGESTIONS_SHOWN = 6;
const CHANGE_DAYS = 14;

/** Whose tasks the perspective means: the user's own, one user's, or all the viewer sees (a team, the company). */
function assigneeOf(scope: string, me: string): string {
  if (scope === 'me') return me;
  if (scope.startsWith('user:')) return scope.slice(5);
  return '';
}

export default function WorkbenchPage() {
  const { t, i18n } = useTranslation('workbench');
  const perspective = usePerspective();
  const me = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const today = perspective.asOf ?? todayIso();
  const assignee = assigneeOf(perspective.scope, me.user.id);
  const team = !assignee;

  const tasks = useLoad(`workbench-tasks:${assignee}`, async () => {
    const base = assignee ? { assignee } : {};
    const lists = await Promise.all(['open', 'snoozed'].map((status) => listAll<Task>('tasks', { ...base, status })));
    return lists.flat();
  });
  const active = useMemo(() => (tasks.data ?? []).filter((x) => isActive(x, today)), [tasks.data, today]);
  const groups = useMemo(() => groupTasks(active, today), [active, today]);
  const due = groups.filter((g) => g.group === 'overdue' || g.group === 'today');
  const later = active.length - due.reduce((n, g) => n + g.tasks.length, 0);
  const taskNames = useTaskNames(active);
  const taskActions = useTaskActions(() => tasks.reload());

  const warnings = useWarnings({ ...perspective.scoped, state: 'new', limit: 6 });
  const competitors = useMemo(() => Object.fromEntries(perspective.competitors.map((c) => [c.id, c.name])), [perspective.competitors]);
  const warningTitle = useWarningTitle();
  const decisions = useWarningDecisions(() => warnings.reload(), (w) => warningTitle(w, rowNames(w, competitors)));

  const [shown, setShown] = useState(SUGGESTIONS_SHOWN);
  const suggestions = useSuggestions({ ...perspective.scoped, limit: shown });
  const sentence = useSuggestionSentence();
  const changes = useChanges({ ...perspective.scoped, days: CHANGE_DAYS, limit: 12 });
  const changeSentence = useChangeSentence();
  const [making, setMaking] = useState<{ task: Partial<Task>; title: string } | null>(null);
  const [asking, setAsking] = useState<Suggestion | null>(null);
  const askPath: PathFigure | null = asking && asking.employees[0]
    ? { employee: asking.employees[0], via: asking.via, strength: asking.strength ?? 0 } : null;

  const overdue = due.find((g) => g.group === 'overdue')?.tasks.length ?? 0;
  const dueToday = due.find((g) => g.group === 'today')?.tasks.length ?? 0;

  const effectText = (s: Suggestion) => {
    if (!s.effect) return <Typography.Text type="secondary">{t('effect.none')}</Typography.Text>;
    const parts = effectParts(s.effect, i18n.language);
    const id = s.effect.of === 'chain' ? s.opportunity : s.customer;
    const good = s.effect.percent_delta > 0;
    return (
      <Tooltip title={t('effect.hint')}>
        <Typography.Text type={good ? 'success' : 'secondary'} data-testid="suggestion-effect">
          {t(`effect.${s.effect.of}`, { name: id ? s.names[id] ?? id : '', ...parts })}
        </Typography.Text>
      </Tooltip>
    );
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="workbench">
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>{t('title')}</Typography.Title>
        <Typography.Text type="secondary">{team ? t('introTeam') : t('intro')}</Typography.Text>
      </div>
      <Row gutter={[16, 16]}>
        {[
          { key: 'overdue', value: tasks.data ? overdue : undefined, to: '/tasks', danger: overdue > 0 },
          { key: 'today', value: tasks.data ? dueToday : undefined, to: '/tasks' },
          { key: 'newWarnings', value: warnings.data?.summary.state.new, to: '/warnings?state=new' },
          { key: 'suggestions', value: suggestions.data?.summary.total, to: '#suggestions' },
        ].map((c) => (
          <Col xs={12} md={6} key={c.key}>
            <Card size="small">
              <Link to={c.to} data-testid={`workbench-count-${c.key}`}>
                <Statistic title={t(`counts.${c.key}`)} value={c.value ?? '—'} valueStyle={c.danger ? { color: '#cf1322' } : undefined} />
              </Link>
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={team ? t('tasksTeam') : t('tasks')} extra={<Link to="/tasks">{t('allTasks')}</Link>} data-testid="workbench-tasks">
            {tasks.error ? <ErrorAlert error={tasks.error} onRetry={tasks.reload} /> : null}
            {!tasks.data && !tasks.error ? <SkeletonBlock rows={4} testId="workbench-tasks-skeleton" /> : null}
            {tasks.data ? (
              <List
                size="small"
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noTasks')} /> }}
                dataSource={due.flatMap((g) => g.tasks)}
                renderItem={(task) => (
                  <List.Item data-testid="workbench-task" actions={[
                    <Button key="done" size="small" type="primary" ghost data-testid="workbench-task-done" onClick={() => void taskActions.done(task)}>{t('done')}</Button>,
                  ]}>
                    <List.Item.Meta
                      title={<span data-testid="workbench-task-title">{task.title}</span>}
                      description={
                        <Space size={12} wrap align="start">
                          <DueText task={task} today={today} />
                          <Concerns task={task} names={taskNames} />
                          {team ? <Tag>{taskNames[task.assignee] ?? task.assignee}</Tag> : null}
                        </Space>
                      }
                    />
                  </List.Item>
                )}
              />
            ) : null}
            {tasks.data && later > 0 ? <Typography.Text type="secondary">{t('upcoming', { count: later })}</Typography.Text> : null}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={<Space>{t('warnings')}<Badge count={warnings.data?.summary.state.new ?? 0} overflowCount={999} /></Space>}
            extra={<Link to="/warnings?state=new&view=list">{t('allWarnings')}</Link>} data-testid="workbench-warnings">
            {warnings.error ? <ErrorAlert error={warnings.error} onRetry={warnings.reload} /> : null}
            {!warnings.data && !warnings.error ? <SkeletonBlock rows={4} testId="workbench-warnings-skeleton" /> : null}
            {warnings.data ? (
              <List
                size="small"
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noWarnings')} /> }}
                dataSource={warnings.data.items}
                renderItem={(w: WarningRow) => (
                  <List.Item data-testid="workbench-warning" actions={[
                    <WarningRowActions key="actions" warning={w} actions={decisions}
                      onTask={(row) => setMaking({ task: taskFromWarning(row, warningTitle(row, rowNames(row, competitors)), me.user.id), title: t('fromWarning', { ns: 'tasks' }) })} />,
                  ]}>
                    <Space align="start" size={6}>
                      <SeverityTag severity={w.severity} />
                      <span>
                        <KindTag kind={w.kind} />
                        {w.customer ? <Link to={`/customers/${w.customer}`}>{w.names[w.customer] ?? w.customer}</Link> : null}
                        {w.customer ? ' · ' : null}
                        <WarningText warning={w} names={rowNames(w, competitors)} compact />
                      </span>
                    </Space>
                  </List.Item>
                )}
              />
            ) : null}
            {decisions.dialogs}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" id="suggestions" title={t('suggestions')} data-testid="workbench-suggestions">
            {suggestions.error ? <ErrorAlert error={suggestions.error} onRetry={suggestions.reload} /> : null}
            {!suggestions.data && !suggestions.error ? <SkeletonBlock rows={4} testId="workbench-suggestions-skeleton" /> : null}
            {suggestions.data ? (
              <List
                size="small"
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noSuggestions')} /> }}
                dataSource={suggestions.data.items}
                loadMore={suggestions.data.total > suggestions.data.items.length ? (
                  <div style={{ textAlign: 'center', marginTop: 8 }}>
                    <Button size="small" data-testid="suggestions-more" loading={suggestions.loading}
                      onClick={() => setShown((n) => n + SUGGESTIONS_SHOWN * 2)}>
                      {t('moreSuggestions', { count: Math.min(SUGGESTIONS_SHOWN * 2, suggestions.data.total - suggestions.data.items.length) })}
                    </Button>
                  </div>
                ) : null}
                renderItem={(s) => (
                  <List.Item data-testid="workbench-suggestion" data-kind={s.kind} data-key={s.key} actions={[
                    ...(s.kind === 'introduce' ? [
                      <Button key="ask" size="small" data-testid="suggestion-ask" onClick={() => setAsking(s)}>{t('ask', { ns: 'inbox' })}</Button>,
                    ] : []),
                    <Button key="task" size="small" data-testid="suggestion-to-task"
                      onClick={() => setMaking({ task: taskFromSuggestion(s, sentence(s), me.user.id), title: t('fromSuggestion') })}>{t('toTask')}</Button>,
                  ]}>
                    <List.Item.Meta
                      title={<Space size={6} wrap><Tag color="geekblue">{t(`kinds.${s.kind}`)}</Tag><span data-testid="suggestion-text">{sentence(s)}</span></Space>}
                      description={effectText(s)}
                    />
                  </List.Item>
                )}
              />
            ) : null}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('changes', { days: CHANGE_DAYS })} data-testid="workbench-changes">
            {changes.error ? <ErrorAlert error={changes.error} onRetry={changes.reload} /> : null}
            {!changes.data && !changes.error ? <SkeletonBlock rows={4} testId="workbench-changes-skeleton" /> : null}
            {changes.data ? (
              <List
                size="small"
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noChanges')} /> }}
                dataSource={changes.data.items}
                renderItem={(c) => (
                  <List.Item data-testid="workbench-change">
                    <Space direction="vertical" size={0}>
                      <span>{c.person ? <Link to={`/people/${c.person}`}>{changeSentence(c)}</Link> : changeSentence(c)}</span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {c.date}{c.customer ? ` · ${c.names[c.customer] ?? c.customer}` : ''}
                      </Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            ) : null}
          </Card>
        </Col>
      </Row>
      {making ? (
        <TaskDialog open task={making.task} title={making.title} onClose={() => setMaking(null)} onSaved={() => {
          setMaking(null);
          tasks.reload();
          message.success({
            content: (
              <Space>
                {t('taskMade')}
                <Button size="small" type="link" onClick={() => navigate('/tasks')}>{t('openTask', { ns: 'tasks' })}</Button>
              </Space>
            ),
          });
        }} />
      ) : null}
      {taskActions.dialogs}
      <AskIntroductionDialog person={asking?.person ?? ''} path={askPath} names={asking?.names ?? {}} opportunities={[]}
        onClose={() => setAsking(null)} />
    </Space>
  );
}
