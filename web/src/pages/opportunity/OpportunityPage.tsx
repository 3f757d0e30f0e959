// The opportunity page (SPEC.md §6.2): header, the chain's degrees and missing roles, the chain grouped by role
// (add, edit, remove members, rate them in this opportunity), the project file (PBM: 人 财 物 情 节, and the review that
// closes it), the side-by-side with each competitor, the trend.
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useApi, useLoad } from '../../api/hooks';
import type { ChainFigure, LineTrendPoint, Organization } from '../../api/types';
import { PageState } from '../../components/PageState';
import { usePerspective } from '../../state/perspective';
import { useTranslation } from 'react-i18next';
import { ChainDegrees, OpportunityHeader } from './OpportunityHeader';
import { ChainSection } from './ChainSection';
import { ChainTrend } from './ChainTrend';
import { CompareSection, useChains } from './CompareSection';
import { ProjectFile } from '../project/ProjectFile';
import { prefetchProject, type ProjectOpportunity } from '../../api/project';

export default function OpportunityPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('opportunity');
  const perspective = usePerspective();
  const path = `/opportunities/${encodeURIComponent(id)}`;
  // All at once, not one after the other: a missing or hidden opportunity shows the opportunity's own error.
  // The project file's reads start as soon as the opportunity is here, not after the page has drawn.
  const opportunity = useLoad<ProjectOpportunity>(path, async () => {
    const answer = await api.get<ProjectOpportunity>(path);
    prefetchProject(answer, perspective.asOf);
    return answer;
  });
  const chain = useApi<ChainFigure>(`${path}/chain`, perspective.params);
  // The chain says whether the user may change the opportunity (the server's access policy decides); the
  // customer's record says who owns it.
  const customer = useApi<Organization>(opportunity.data ? `/organizations/${encodeURIComponent(opportunity.data.customer)}` : null);
  const trend = useApi<LineTrendPoint[]>(`${path}/trend`, perspective.params);
  const [generation, setGeneration] = useState(0);
  const compare = useChains(id, perspective.competitors, perspective.asOf ?? undefined, generation, perspective.loaded);

  useEffect(() => {
    if (opportunity.data) document.title = `${opportunity.data.name} · BRM`;
  }, [opportunity.data]);

  const towardName = perspective.toward === 'ours' ? t('ours') : perspective.competitors.find((c) => c.id === perspective.toward)?.name ?? perspective.toward;
  const changed = () => {
    chain.reload();
    trend.reload();
    setGeneration((g) => g + 1);
  };

  return (
    <PageState loading={opportunity.loading && !opportunity.data} error={opportunity.error} onRetry={opportunity.reload}>
      {opportunity.data && (
        <div data-testid="opportunity-page">
          <OpportunityHeader
            opportunity={opportunity.data}
            customerOwner={customer.data?.owner ?? null}
            canWrite={!!chain.data?.may_write}
            onChanged={() => { opportunity.reload(); changed(); }}
          />
          <PageState loading={chain.loading && !chain.data} error={chain.error} onRetry={chain.reload}>
            {chain.data && (
              <>
                <ChainDegrees chain={chain.data} towardName={towardName} name={opportunity.data.name} />
                <ChainSection
                  opportunity={id}
                  customer={opportunity.data.customer}
                  chain={chain.data}
                  competitors={perspective.competitors}
                  onChanged={changed}
                />
              </>
            )}
          </PageState>
          <ProjectFile opportunity={opportunity.data} asOf={perspective.asOf} onClosed={() => { opportunity.reload(); changed(); }} />
          <CompareSection chains={compare.chains} competitors={perspective.competitors} error={compare.error} loading={compare.loading} />
          <ChainTrend points={trend.data} opened={opportunity.data.opened} loading={trend.loading} error={trend.error} onRetry={trend.reload} />
        </div>
      )}
    </PageState>
  );
}
