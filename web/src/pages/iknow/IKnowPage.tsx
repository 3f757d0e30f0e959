// "I know…" (我认识…): find a person by name, declare how strongly I can influence them, and keep my
// declarations current (change the strength, retire with undo). Open to every role, employees included.
import { App, Button, Card, Form, Input, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../api/client';
import { useApi, useNames } from '../../api/hooks';
import type { InfluenceLink } from '../../api/types';
import { PageState } from '../../components/PageState';
import { useMe } from '../../state/session';
import { DeclareModal } from './DeclareModal';
import { MyDeclarations } from './MyDeclarations';
import { existingLink, linkChange, linkRequest, toCandidates, type Candidate, type DeclarationForm, type DirectoryPerson, type ListedPerson } from './model';

const PAGE_SIZE = 10;

export default function IKnowPage() {
  const { t } = useTranslation('iknow');
  const { message } = App.useApp();
  const me = useMe();
  const employee = me.user.role === 'employee';
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const [chosen, setChosen] = useState<Candidate | null>(null);

  const links = useApi<Page<InfluenceLink>>('/influence-links', { from: me.user.person, active_on: 'today', limit: 1000 });
  const results = useApi<Page<DirectoryPerson | ListedPerson>>(query ? '/people' : null, {
    search: query, active_on: 'today', limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE,
  });

  // The people list carries only ids of organizations and departments: their names are read for the page's
  // rows only (batched by id), not for every organization and department of the tenant.
  const items = useMemo(() => results.data?.items ?? [], [results.data]);
  const orgNames = useNames('organizations', employee ? [] : items.map((p) => p.org));
  const departmentNames = useNames('departments', employee ? [] : items.map((p) => p.department));
  const candidates = useMemo(() => {
    // A name on its way shows as "…", never as the raw id.
    const known = (names: Record<string, string>, ids: (string | null)[]) =>
      new Map(ids.filter((id): id is string => !!id).map((id) => [id, names[id] ?? '…']));
    return toCandidates(items, known(orgNames, items.map((p) => p.org)), known(departmentNames, items.map((p) => p.department)));
  }, [items, orgNames, departmentNames]);
  const mine = links.data?.items ?? [];

  async function declare(candidate: Candidate, form: DeclarationForm) {
    const existing = existingLink(mine, candidate.id);
    if (existing) {
      const change = linkChange(existing, form);
      if (change) await api.patch(`/influence-links/${encodeURIComponent(existing.id)}`, change);
      message.success(change ? t('declare.updated', { name: candidate.name }) : t('declare.unchanged'));
    } else {
      await api.post('/influence-links', linkRequest(me.user.person, candidate.id, form));
      message.success(t('declare.created', { name: candidate.name }));
    }
    setChosen(null);
    links.reload();
  }

  const columns: ColumnsType<Candidate> = [
    { title: t('search.name'), dataIndex: 'name', key: 'name', render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
    { title: t('search.org'), dataIndex: 'orgName', key: 'org' },
    { title: t('search.department'), dataIndex: 'departmentName', key: 'department', render: (v: string | null) => v ?? '—' },
    { title: t('search.jobTitle'), dataIndex: 'title', key: 'title', render: (v: string | null) => v ?? '—' },
    {
      title: t('search.action'),
      key: 'action',
      render: (_, candidate) => {
        if (candidate.id === me.user.person) return <Typography.Text type="secondary">{t('search.me')}</Typography.Text>;
        const existing = existingLink(mine, candidate.id);
        return (
          <Space>
            {existing && <Tag color="blue">{t('search.already', { strength: t(`strength.${existing.strength}`, { ns: 'common' }) })}</Tag>}
            <Button size="small" type={existing ? 'default' : 'primary'} onClick={() => setChosen(candidate)} data-testid={`declare-${candidate.id}`}>
              {existing ? t('search.change') : t('search.declare')}
            </Button>
          </Space>
        );
      },
    },
  ];

  return (
    <div data-testid="iknow-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('subtitle')}</Typography.Paragraph>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card size="small" title={t('search.title')}>
          <Form
            layout="inline"
            onFinish={(values: { text?: string }) => {
              setQuery((values.text ?? '').trim());
              setPage(1);
            }}
          >
            <Form.Item name="text" style={{ flex: 1, maxWidth: 480 }}>
              <Input autoFocus allowClear placeholder={t('search.placeholder')} aria-label={t('search.placeholder')} data-testid="iknow-search" />
            </Form.Item>
            <Button type="primary" htmlType="submit" data-testid="iknow-search-submit">{t('search.submit')}</Button>
          </Form>
          {query && (
            <div style={{ marginTop: 12 }}>
              <PageState loading={results.loading && !results.data} error={results.error} onRetry={results.reload}>
                {results.data && results.data.total === 0 ? (
                  <Typography.Text type="secondary" data-testid="iknow-no-results">{t('search.none', { text: query })}</Typography.Text>
                ) : (
                  <Table<Candidate>
                    data-testid="iknow-results"
                    size="small"
                    rowKey="id"
                    loading={results.loading}
                    columns={columns}
                    dataSource={candidates}
                    pagination={{
                      current: page,
                      pageSize: PAGE_SIZE,
                      total: results.data?.total ?? 0,
                      onChange: setPage,
                      showSizeChanger: false,
                      showTotal: (total) => t('common.total', { ns: 'common', count: total }),
                    }}
                  />
                )}
              </PageState>
            </div>
          )}
        </Card>
        <MyDeclarations links={links} employee={employee} />
      </Space>
      <DeclareModal candidate={chosen} existing={chosen ? existingLink(mine, chosen.id) : undefined} onSubmit={declare} onClose={() => setChosen(null)} />
    </div>
  );
}
