// My active declarations: the person, how strongly (changed in place), the note, and retiring with undo.
import { App, Button, Card, Popconfirm, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, type Page } from '../../api/client';
import type { Loaded } from '../../api/hooks';
import { STRENGTHS, type InfluenceLink } from '../../api/types';
import { PageState } from '../../components/PageState';
import { errorText } from '../../lib/errors';
import { useMe } from '../../state/session';
import { declarationRows, type DeclarationRow, type Strength } from './model';
import { useTargets } from './useTargets';
import { paging } from '../../lib/paging';

export function MyDeclarations({ links, employee }: { links: Loaded<Page<InfluenceLink>>; employee: boolean }) {
  const { t } = useTranslation('iknow');
  const { message } = App.useApp();
  const me = useMe();
  const items = links.data?.items ?? [];
  const { targets, loading } = useTargets(me.user.id, employee, items.map((l) => l.to));
  const rows = useMemo(() => declarationRows(items, targets), [items, targets]);
  const nameOf = (row: DeclarationRow) => row.target?.name ?? row.link.to;

  async function changeStrength(row: DeclarationRow, strength: Strength) {
    try {
      await api.patch(`/influence-links/${encodeURIComponent(row.link.id)}`, { strength });
      message.success(t('mine.strengthChanged', { name: nameOf(row), strength: t(`strength.${strength}`, { ns: 'common' }) }));
    } catch (error) {
      message.error(errorText(error));
    }
    links.reload();
  }

  async function restore(row: DeclarationRow, key: string) {
    message.destroy(key);
    try {
      // The retired link becomes active again: the same record, with its history.
      await api.patch(`/influence-links/${encodeURIComponent(row.link.id)}`, { until: null });
      message.success(t('mine.restored', { name: nameOf(row) }));
    } catch (error) {
      message.error(errorText(error));
    }
    links.reload();
  }

  async function retire(row: DeclarationRow) {
    try {
      await api.del(`/influence-links/${encodeURIComponent(row.link.id)}`);
      const key = `retired-${row.link.id}`;
      message.success({
        key,
        duration: 8,
        content: (
          <span>
            {t('mine.retired', { name: nameOf(row) })}{' '}
            <Button size="small" type="link" onClick={() => void restore(row, key)} data-testid="iknow-undo">
              {t('common.undo', { ns: 'common' })}
            </Button>
          </span>
        ),
      });
    } catch (error) {
      message.error(errorText(error));
    }
    links.reload();
  }

  const columns: ColumnsType<DeclarationRow> = [
    {
      title: t('mine.person'),
      key: 'person',
      render: (_, row) => {
        if (!row.target) return loading ? '…' : <Typography.Text type="secondary">{row.link.to} {t('mine.gone')}</Typography.Text>;
        return employee ? row.target.name : <Link to={`/people/${encodeURIComponent(row.link.to)}`}>{row.target.name}</Link>;
      },
    },
    { title: t('mine.org'), key: 'org', render: (_, row) => [row.target?.orgName, row.target?.title].filter(Boolean).join(' · ') || '—' },
    {
      title: t('mine.strength'),
      key: 'strength',
      render: (_, row) => (
        <Select<Strength>
          size="small"
          aria-label={t('mine.strength')}
          value={row.link.strength}
          style={{ width: 90 }}
          onChange={(strength) => void changeStrength(row, strength)}
          options={STRENGTHS.map((s) => ({ value: s, label: t(`strength.${s}`, { ns: 'common' }) }))}
          data-testid={`mine-strength-${row.link.to}`}
        />
      ),
    },
    { title: t('mine.note'), key: 'note', render: (_, row) => row.link.note ?? '—', ellipsis: true },
    { title: t('mine.since'), key: 'since', render: (_, row) => row.link.since ?? '—' },
    {
      title: t('mine.actions'),
      key: 'actions',
      render: (_, row) => (
        <Popconfirm
          title={t('mine.retireConfirm', { name: nameOf(row) })}
          okText={t('mine.retire')}
          cancelText={t('common.cancel', { ns: 'common' })}
          onConfirm={() => retire(row)}
        >
          <Button size="small" danger data-testid={`mine-retire-${row.link.to}`}>{t('mine.retire')}</Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Card size="small" title={t('mine.title')}>
      <PageState loading={links.loading && !links.data} error={links.error} onRetry={links.reload}>
        <Table<DeclarationRow>
          data-testid="iknow-mine"
          size="small"
          rowKey="key"
          columns={columns}
          dataSource={rows}
          locale={{ emptyText: t('mine.empty') }}
          pagination={paging(10, { hideOnSinglePage: true })}
        />
      </PageState>
    </Card>
  );
}
