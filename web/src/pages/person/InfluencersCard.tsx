// Who can influence the person (inside the customer, our employees, competitors' staff) and how our employees
// can reach them (introduction paths).
import { ArrowRightOutlined } from '@ant-design/icons';
import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApi, useNames } from '../../api/hooks';
import type { PathFigure, Profile } from '../../api/types';
import { PageState } from '../../components/PageState';
import { AskIntroductionDialog } from './AskIntroduction';

function PersonLink({ id, names }: { id: string; names: Record<string, string> }) {
  return <Link to={`/people/${encodeURIComponent(id)}`}>{names[id] ?? id}</Link>;
}

export function InfluencersCard({ person, profile, params }: { person: string; profile: Profile; params: Record<string, string> }) {
  const { t } = useTranslation('person');
  const paths = useApi<PathFigure[]>(`/people/${encodeURIComponent(person)}/paths`, params.as_of ? { as_of: params.as_of } : undefined);
  const inf = profile.influencers;
  const ids = [person, ...inf.internal, ...inf.ours, ...inf.competitors, ...(paths.data ?? []).flatMap((p) => [p.employee, ...p.via])];
  const names = useNames('people', ids);
  const chainIds = profile.chains.map((c) => c.opportunity);
  const opportunityNames = useNames('opportunities', chainIds);
  const [asking, setAsking] = useState<PathFigure | null>(null);
  const groups: [string, string[], string][] = [
    ['internal', inf.internal, 'default'],
    ['oursInfluencers', inf.ours, 'blue'],
    ['competitorInfluencers', inf.competitors, 'red'],
  ];
  return (
    <Card size="small" title={t('influencers')} style={{ marginBottom: 16 }} data-testid="person-influencers">
      {groups.map(([label, list, color]) => (
        <div key={label} style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">{t(label)}: </Typography.Text>
          {list.length ? (
            <Space size={4} wrap>
              {list.map((id) => <Tag key={id} color={color}><PersonLink id={id} names={names} /></Tag>)}
            </Space>
          ) : (
            <Typography.Text type="secondary">—</Typography.Text>
          )}
        </div>
      ))}
      <Typography.Text strong>{t('paths')}</Typography.Text>
      <PageState loading={paths.loading} error={paths.error} onRetry={paths.reload}>
        {paths.data && paths.data.length ? (
          <List
            size="small"
            data-testid="person-paths"
            dataSource={paths.data.slice(0, 10)}
            renderItem={(path, index) => (
              <List.Item key={index}>
                <Space size={4} wrap>
                  <PersonLink id={path.employee} names={names} />
                  {path.via.length ? (
                    path.via.map((v) => (
                      <span key={v}><ArrowRightOutlined style={{ color: '#8c8c8c' }} /> <PersonLink id={v} names={names} /></span>
                    ))
                  ) : (
                    <Tag>{t('direct')}</Tag>
                  )}
                  <ArrowRightOutlined style={{ color: '#8c8c8c' }} />
                  <Typography.Text>{names[person] ?? ''}</Typography.Text>
                  <Typography.Text type="secondary">· {t('strength')} {Number(path.strength).toFixed(2)}</Typography.Text>
                  <Button size="small" type="link" data-testid="path-ask" onClick={() => setAsking(path)}>{t('ask', { ns: 'inbox' })}</Button>
                </Space>
              </List.Item>
            )}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pathsEmpty')} />
        )}
      </PageState>
      <AskIntroductionDialog person={person} path={asking} names={names} onClose={() => setAsking(null)}
        opportunities={chainIds.map((id) => ({ id, name: opportunityNames[id] ?? id }))} />
    </Card>
  );
}
