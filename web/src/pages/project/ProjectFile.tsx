// The project file (项目档案) of an opportunity: the five aspects of PBM as tabs (kept in the address), and for
// an open opportunity the guided review that closes it.
import { AuditOutlined } from '@ant-design/icons';
import { Button, Card, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useApi } from '../../api/hooks';
import { projectPath, type ProjectOpportunity, type ProjectView } from '../../api/project';
import type { Organization } from '../../api/types';
import { PageState } from '../../components/PageState';
import { MoneyAspect, PeopleAspect, SituationAspect, ThingsAspect, TimingAspect } from './Aspects';
import { ReviewDialog } from './ReviewDialog';
import { useKindNames } from './useKindNames';

export const ASPECTS = ['people', 'money', 'things', 'situation', 'timing'] as const;
type Aspect = (typeof ASPECTS)[number];

export function ProjectFile({ opportunity, asOf, onClosed }: { opportunity: ProjectOpportunity; asOf: string | null; onClosed(): void }) {
  const { t } = useTranslation('project');
  const [search, setSearch] = useSearchParams();
  const aspect: Aspect = (ASPECTS as readonly string[]).includes(search.get('aspect') ?? '') ? (search.get('aspect') as Aspect) : 'people';
  const view = useApi<ProjectView>(projectPath(opportunity.id), asOf ? { as_of: asOf } : undefined);
  const ours = useApi<{ items: Organization[] }>('/organizations', { kind: 'ours', limit: 1 });
  const oursId = ours.data?.items[0]?.id ?? null;
  const kindName = useKindNames(opportunity.customer);
  const [reviewing, setReviewing] = useState(false);
  const closed = opportunity.status !== 'open';

  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="project-file"
      title={<>{t('title')} <Typography.Text type="secondary" style={{ fontWeight: 400 }}>· {t('subtitle')}</Typography.Text></>}
      extra={
        !closed ? (
          <Button type="primary" icon={<AuditOutlined />} onClick={() => setReviewing(true)} data-testid="review-open">{t('review.open')}</Button>
        ) : null
      }
    >
      <PageState loading={view.loading && !view.data} error={view.error} onRetry={view.reload}>
        {view.data && (
          <Tabs
            activeKey={aspect}
            onChange={(key) => setSearch((s) => { const next = new URLSearchParams(s); next.set('aspect', key); return next; }, { replace: true })}
            items={[
              { key: 'people', label: t('aspect.people'), children: <PeopleAspect view={view.data} closed={closed} ours={oursId} /> },
              { key: 'money', label: t('aspect.money'), children: <MoneyAspect view={view.data} currency={opportunity.currency} ours={oursId} /> },
              { key: 'things', label: t('aspect.things'), children: <ThingsAspect view={view.data} opportunity={opportunity.id} onChanged={view.reload} /> },
              { key: 'situation', label: t('aspect.situation'), children: <SituationAspect view={view.data} /> },
              { key: 'timing', label: t('aspect.timing'), children: <TimingAspect view={view.data} opportunity={opportunity.id} kindName={kindName} onChanged={view.reload} /> },
            ]}
          />
        )}
      </PageState>
      {reviewing && view.data && (
        <ReviewDialog
          opportunity={opportunity}
          view={view.data}
          ours={oursId}
          onCancel={() => setReviewing(false)}
          onDone={() => {
            setReviewing(false);
            view.reload();
            onClosed();
          }}
        />
      )}
    </Card>
  );
}
