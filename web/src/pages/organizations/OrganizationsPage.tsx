// /organizations — the organizations by kind: competitors, partners, customers and our own company, searched
// by name and paged on the server; retired ones on request. Every sales role creates, changes, retires and
// reinstates competitors, partners and customers here, as far as the server's access policy allows (our own
// company stays read-only). Each row's history is one click away.
import { EditOutlined, PlusOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Page } from '../../api/client';
import { useApi, useNames } from '../../api/hooks';
import { reinstateRecord, retireRecord } from '../../api/records';
import type { Organization } from '../../api/types';
import { HistoryButton } from '../../components/HistoryDrawer';
import { Dimmed, ErrorAlert, SkeletonBlock } from '../../components/PageState';
import { RetireDialog } from '../../components/RetireDialog';
import { errorText } from '../../lib/errors';
import { useDebouncedInput } from '../../lib/useDebouncedInput';
import { useQueryChange } from '../../lib/useQueryChange';
import { usePerspective } from '../../state/perspective';
import { CustomerDialog } from '../customers/CustomerDialog';
import { OrganizationDialog } from './OrganizationDialog';
import { KINDS, listParams, PAGE_SIZES, queryFrom, toParams, type OrganizationsQuery } from './query';

export default function OrganizationsPage() {
  const { t } = useTranslation('organizations');
  const { message } = App.useApp();
  const perspective = usePerspective();
  const [params, change] = useQueryChange();
  const query = queryFrom(params);
  const list = useApi<Page<Organization>>('/organizations', listParams(query));
  const set = (part: Partial<OrganizationsQuery>) => change((current) => toParams({ ...queryFrom(current), page: 1, ...part }));
  const [searchText, setSearchText] = useDebouncedInput(query.search, (search) => set({ search }));
  // undefined: no dialog; null: a new organization of the shown kind.
  const [editing, setEditing] = useState<Organization | null | undefined>(undefined);
  const [retiring, setRetiring] = useState<Organization | null>(null);
  // Every sales role changes the organizations it reads (the server's access policy refuses the rest, naming
  // why); our own company is kept read-only on this page.
  const writable = query.kind !== 'ours';

  const users = useMemo(() => new Map(perspective.users.map((u) => [u.id, u])), [perspective.users]);
  const owners = (list.data?.items ?? []).map((o) => (o.owner ? users.get(o.owner)?.person : undefined));
  const ownerNames = useNames('people', owners);
  const ownerName = (owner: string | null) => {
    const user = owner ? users.get(owner) : undefined;
    if (!user) return owner ?? '—';
    const name = ownerNames[user.person];
    return name === undefined ? t('figures.loadingName', { ns: 'common' }) : name === user.person ? user.login : name;
  };

  const changed = () => {
    list.reload();
    if (query.kind === 'competitor') perspective.reload(); // the "toward" choices
  };
  const reinstate = async (organization: Organization) => {
    try {
      await reinstateRecord('organizations', organization.id);
      void message.success(t('retire.reinstated', { ns: 'common' }));
      changed();
    } catch (failure) {
      void message.error(errorText(failure));
    }
  };

  const columns: ColumnsType<Organization> = [
    {
      title: t('name'), key: 'name',
      render: (_, o) => (
        <Space size={4} wrap>
          {o.kind === 'customer' ? <Link to={`/customers/${encodeURIComponent(o.id)}`}>{o.name}</Link> : <span>{o.name}</span>}
          {o.until ? <Tag data-testid="organization-retired">{t('retire.since', { ns: 'common', date: o.until })}</Tag> : null}
        </Space>
      ),
    },
    { title: t('industry'), dataIndex: 'industry', width: 180, render: (v: string | null) => v ?? '—' },
    { title: t('region'), dataIndex: 'region', width: 140, render: (v: string | null) => v ?? '—' },
    ...(query.kind === 'customer' ? [{ title: t('owner'), key: 'owner', width: 160, render: (_: unknown, o: Organization) => (o.owner ? ownerName(o.owner) : t('noOwner')) }] : []),
    {
      title: t('common.actions', { ns: 'common' }), key: 'actions', width: writable ? 150 : 70,
      render: (_, o) => (
        <Space size={4}>
          <HistoryButton collection="organizations" id={o.id} name={o.name} size="small" />
          {writable ? (
            <>
              <Button size="small" icon={<EditOutlined />} aria-label={t('common.edit', { ns: 'common' })} onClick={() => setEditing(o)} data-testid="organization-edit" />
              {o.until ? (
                <Button size="small" icon={<UndoOutlined />} aria-label={t('common.reinstate', { ns: 'common' })} onClick={() => void reinstate(o)} data-testid="organization-reinstate" />
              ) : (
                <Button size="small" danger icon={<StopOutlined />} aria-label={t('common.retire', { ns: 'common' })} onClick={() => setRetiring(o)} data-testid="organization-retire" />
              )}
            </>
          ) : null}
        </Space>
      ),
    },
  ];

  const saved = () => {
    setEditing(undefined);
    void message.success(t('common.saved', { ns: 'common' }));
    changed();
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="organizations-page">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start" wrap>
        <div>
          <Typography.Title level={3} style={{ marginBottom: 4 }}>{t('title')}</Typography.Title>
          <Typography.Text type="secondary">{t('intro')}</Typography.Text>
        </div>
        {writable ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="organization-new">
            {t('new', { kind: t(`orgKind.${query.kind}`, { ns: 'common' }).toLowerCase() })}
          </Button>
        ) : null}
      </Space>
      <Card size="small">
        <Space wrap>
          <Segmented
            value={query.kind}
            onChange={(kind) => set({ kind: kind as Organization['kind'] })}
            options={KINDS.map((kind) => ({ value: kind, label: t(`orgKind.${kind}`, { ns: 'common' }) }))}
            data-testid="organizations-kind"
          />
          <Input.Search
            allowClear
            aria-label={t('search')}
            placeholder={t('search')}
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            onSearch={(search) => set({ search })}
            style={{ width: 220 }}
            data-testid="organizations-search"
          />
          <Checkbox checked={query.retired} onChange={(e) => set({ retired: e.target.checked })} data-testid="organizations-retired">{t('showRetired')}</Checkbox>
        </Space>
      </Card>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      {!list.data && !list.error ? <SkeletonBlock rows={8} /> : null}
      {list.data ? (
        <Dimmed loading={list.loading}>
          <Table<Organization>
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={list.data.items}
            data-testid="organizations-table"
            locale={{ emptyText: query.search ? t('noMatch') : t('none') }}
            pagination={{
              current: query.page,
              pageSize: query.size,
              total: list.data.total,
              showSizeChanger: true,
              pageSizeOptions: [...PAGE_SIZES],
              showTotal: (total) => t('common.total', { ns: 'common', count: total }),
              onChange: (page, size) => change((current) => toParams({ ...queryFrom(current), page: size === query.size ? page : 1, size })),
            }}
          />
        </Dimmed>
      ) : null}
      {writable && query.kind === 'customer' ? (
        <CustomerDialog open={editing !== undefined} customer={editing ?? undefined} onClose={() => setEditing(undefined)} onSaved={saved} />
      ) : null}
      {writable && (query.kind === 'competitor' || query.kind === 'partner') ? (
        <OrganizationDialog open={editing !== undefined} kind={query.kind} organization={editing ?? undefined} onClose={() => setEditing(undefined)} onSaved={saved} />
      ) : null}
      <RetireDialog
        open={retiring !== null}
        title={t('retireTitle', { name: retiring?.name ?? '' })}
        onClose={() => setRetiring(null)}
        onRetire={async (day) => {
          await retireRecord('organizations', retiring!.id, day);
          setRetiring(null);
          void message.success(t('retire.done', { ns: 'common' }));
          changed();
        }}
      />
    </Space>
  );
}
