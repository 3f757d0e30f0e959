// The opportunity's header (name, customer, owner, amount, status, stage, type, dates, win probability, with its
// history, edit and retire) and the chain's degrees with MoM/YoY and the missing roles.
import { Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useNames } from '../../api/hooks';
import type { ChainFigure, Opportunity } from '../../api/types';
import { DIMENSIONS } from '../../api/types';
import { TierTag } from '../../components/Tags';
import { TrendCard } from '../../components/TrendCard';
import { DegreeFigure } from '../../components/Figure';
import { Explainable } from '../../components/Explainable';
import { useFormat } from '../../lib/format';
import { useUserNames } from '../../state/useUserNames';
import { OpportunityActions } from './OpportunityActions';

const STATUS_COLOR: Record<string, string> = { open: 'blue', won: 'green', lost: 'red', abandoned: 'default' };

export function OpportunityHeader({ opportunity, customerOwner, canWrite, onChanged }: {
  opportunity: Opportunity; customerOwner: string | null; canWrite: boolean; onChanged(): void;
}) {
  const { t } = useTranslation('opportunity');
  const format = useFormat();
  const customers = useNames('organizations', [opportunity.customer]);
  const userName = useUserNames([opportunity.owner]);
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="opportunity-header">
      <Space wrap style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="opportunity-name">{opportunity.name}</Typography.Title>
          <Tag color={STATUS_COLOR[opportunity.status]} data-testid="opportunity-status">{t(`status.${opportunity.status}`, { ns: 'common' })}</Tag>
          {opportunity.focus && <Tag color="gold">{t('focus')}</Tag>}
        </Space>
        <OpportunityActions opportunity={opportunity} customerOwner={customerOwner} canWrite={canWrite} onChanged={onChanged} />
      </Space>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
        <Descriptions.Item label={t('customer')}>
          <Link to={`/customers/${encodeURIComponent(opportunity.customer)}`} data-testid="opportunity-customer">
            {customers[opportunity.customer] ?? opportunity.customer}
          </Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('owner')}>{opportunity.owner ? userName(opportunity.owner) ?? t('figures.loadingName', { ns: 'common' }) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('amount')}>{format.amount(opportunity.amount, opportunity.currency)}</Descriptions.Item>
        <Descriptions.Item label={t('winProbability')}>
          {opportunity.win_probability === null ? '—' : format.share(opportunity.win_probability)}
        </Descriptions.Item>
        <Descriptions.Item label={t('stage')}><span data-testid="opportunity-stage">{opportunity.stage ?? '—'}</span></Descriptions.Item>
        <Descriptions.Item label={t('type')}>{t(`types.${opportunity.type}`, { defaultValue: opportunity.type })}</Descriptions.Item>
        <Descriptions.Item label={t('opened')}>{opportunity.opened}</Descriptions.Item>
        <Descriptions.Item label={t('closed')}>{opportunity.closed ?? '—'}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** The chain's degrees; each opens the members behind it and each change its attribution. */
export function ChainDegrees({ chain, towardName, name }: { chain: ChainFigure; towardName: string; name?: string }) {
  const { t } = useTranslation('opportunity');
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={<>{t('chainDegrees')} <Typography.Text type="secondary">· {t('toward', { name: towardName })}</Typography.Text></>}
      data-testid="chain-degrees"
    >
      <Row gutter={[12, 12]}>
        {DIMENSIONS.map((d) => {
          const s = chain.degrees[d];
          const explain = { figure: 'chain' as const, id: chain.opportunity, dimension: d, name };
          return (
            <Col key={d} xs={24} md={8}>
              <TrendCard
                testId={`chain-degree-${d}`}
                title={t(`dimension.${d}`, { ns: 'common' })}
                value={<Space size={6}><DegreeFigure stats={s} testId={`chain-percent-${d}`} /><TierTag tier={s.tier} /></Space>}
                mom={chain.mom[d]}
                yoy={chain.yoy[d]}
                unit="pp"
                explain={explain}
                extra={
                  <div style={{ marginTop: 4, fontSize: 12, color: '#595959' }}>
                    <Explainable target={explain} testId="explain-counts">
                      <Space size={8} wrap>
                        <span>{t('known', { known: s.known, n: s.n })}</span>
                        <span style={{ color: '#389e0d' }}>{t('supporters', { count: s.supporters })}</span>
                        <span style={{ color: '#cf1322' }}>{t('opposers', { count: s.opposers })}</span>
                      </Space>
                    </Explainable>
                  </div>
                }
              />
            </Col>
          );
        })}
      </Row>
      <div style={{ marginTop: 12 }} data-testid="missing-roles">
        <Typography.Text type="secondary">{t('missingRoles')}: </Typography.Text>
        {chain.missing_roles.length ? (
          chain.missing_roles.map((r) => <Tag key={r} color="orange">{t(`chainRole.${r}`, { ns: 'common' })}</Tag>)
        ) : (
          <Tag color="green">{t('noMissingRoles')}</Tag>
        )}
      </div>
    </Card>
  );
}
