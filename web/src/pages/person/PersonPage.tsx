// The key person page (SPEC.md §6.1): header and edit, the seven features and portrait dimensions, rating
// entry in two clicks, the rating history, votes, activities, influencers and paths, the chains.
import { Card, Col, Row } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { rememberNames, useAll, useApi } from '../../api/hooks';
import type { Activity, Opportunity, Organization, Person, Profile, Rating, Vote } from '../../api/types';
import { PageState } from '../../components/PageState';
import { usePerspective } from '../../state/perspective';
import { ActivitiesCard } from './ActivitiesCard';
import { InfluencersCard } from './InfluencersCard';
import { PersonHeader } from './PersonHeader';
import { FeaturesCard, PortraitCard } from './ProfileCards';
import { RatingHistory } from './RatingHistory';
import { RatingPicker } from './RatingPicker';
import { VotesCard } from './VotesCard';

export default function PersonPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('person');
  const perspective = usePerspective();
  const path = `/people/${encodeURIComponent(id)}`;
  const person = useApi<Person>(path);
  const orgId = person.data?.org ?? null;
  const org = useApi<Organization>(orgId ? `/organizations/${encodeURIComponent(orgId)}` : null);
  const profile = useApi<Profile>(person.data ? `${path}/profile` : null, perspective.params);
  const ratings = useAll<Rating>('ratings', person.data ? { person: id } : null);
  const votes = useAll<Vote>('votes', person.data ? { person: id } : null);
  const activities = useAll<Activity>('activities', person.data ? { person: id } : null);
  const customer = org.data?.kind === 'customer';
  const opportunities = useAll<Opportunity>('opportunities', customer && orgId ? { customer: orgId } : null);

  useEffect(() => {
    if (opportunities.data) rememberNames('opportunities', opportunities.data);
  }, [opportunities.data]);
  useEffect(() => {
    if (person.data) document.title = `${person.data.name} · BRM`;
  }, [person.data]);

  // The server's access policy says whether this user may change the person; ratings are about key persons.
  const canEdit = !!profile.data?.may_write;
  const canRate = customer;
  const towardName = perspective.toward === 'ours' ? null : perspective.competitors.find((c) => c.id === perspective.toward)?.name ?? perspective.toward;
  const opportunityOptions = (opportunities.data ?? []).map((o) => ({ id: o.id, name: o.name }));

  const reloadFigures = () => {
    profile.reload();
    ratings.reload();
  };

  return (
    <PageState loading={person.loading && !person.data} error={person.error} onRetry={person.reload}>
      {person.data && (
        <div data-testid="person-page">
          <PersonHeader person={person.data} org={org.data} canEdit={canEdit} onSaved={() => { person.reload(); profile.reload(); }} />
          <Row gutter={16}>
            <Col xs={{ span: 24, order: 2 }} lg={{ span: 14, order: 1 }}>
              <PageState loading={profile.loading && !profile.data} error={profile.error} onRetry={profile.reload}>
                {profile.data && (
                  <>
                    <FeaturesCard profile={profile.data} towardName={towardName} name={person.data.name} />
                    <PortraitCard profile={profile.data} />
                  </>
                )}
              </PageState>
              <PageState loading={ratings.loading && !ratings.data} error={ratings.error} onRetry={ratings.reload}>
                {ratings.data && <RatingHistory ratings={ratings.data} competitors={perspective.competitors} toward={perspective.toward} />}
              </PageState>
            </Col>
            <Col xs={{ span: 24, order: 1 }} lg={{ span: 10, order: 2 }}>
              {canRate && (
                <Card size="small" title={t('ratingEntry')} style={{ marginBottom: 16 }} data-testid="rating-card">
                  <PageState loading={ratings.loading && !ratings.data} error={ratings.error} onRetry={ratings.reload}>
                    {ratings.data && (
                      <RatingPicker
                        person={id}
                        history={ratings.data}
                        competitors={perspective.competitors}
                        opportunities={opportunityOptions}
                        onSaved={reloadFigures}
                      />
                    )}
                  </PageState>
                </Card>
              )}
              {profile.data && (
                <VotesCard
                  person={id}
                  veto={profile.data.features.veto}
                  approve={profile.data.features.approve}
                  votes={votes.data ?? []}
                  canWrite={canRate}
                  onSaved={() => { votes.reload(); profile.reload(); }}
                />
              )}
              {profile.data && <InfluencersCard person={id} profile={profile.data} params={perspective.params} />}
            </Col>
            <Col xs={{ span: 24, order: 3 }} lg={{ span: 24, order: 3 }}>
              <PageState loading={activities.loading && !activities.data} error={activities.error} onRetry={activities.reload}>
                <ActivitiesCard
                  person={id}
                  activities={activities.data ?? []}
                  opportunities={opportunityOptions}
                  canWrite={canRate}
                  onSaved={() => { activities.reload(); profile.reload(); }}
                />
              </PageState>
            </Col>
          </Row>
        </div>
      )}
    </PageState>
  );
}
