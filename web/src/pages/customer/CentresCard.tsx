// The influence centres' attitude (docs/web.md, "Influence centres' attitude"): how close the customer's most
// influential key persons are to us as a group — their three degrees pooled as the customer's, percent first,
// with the month's change — and who they are (a popover linking to each person).
import { InfoCircleOutlined } from '@ant-design/icons';
import { Button, Card, Col, Popover, Row, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useNames } from '../../api/hooks';
import type { CompareKind } from '../../api/explain';
import { DIMENSIONS, type CustomerCentres, type Dimension } from '../../api/types';
import type { ExplainTarget } from '../../lib/explain';
import { Delta } from '../../components/Delta';
import { DegreeFigure } from '../../components/Figure';

/** The centres in rank order with their names: the customer graph's, else the name service's, else "…". */
export function centreList(persons: string[], known: Map<string, string>, looked: Record<string, string>, loading: string): { id: string; name: string }[] {
  return persons.map((id) => ({ id, name: known.get(id) ?? (looked[id] && looked[id] !== id ? looked[id] : loading) }));
}

export function CentresCard({ centres, people, customer }: { centres: CustomerCentres | undefined; people: Map<string, string>; customer?: { id: string; name: string } }) {
  const { t } = useTranslation('customer');
  const missing = (centres?.persons ?? []).filter((id) => !people.has(id));
  const looked = useNames('people', missing);
  if (!centres) return null;
  // Each degree and change opens the centres behind it (GET /explain?figure=centres).
  const explain = (dimension: Dimension, compare?: CompareKind): ExplainTarget | undefined =>
    customer ? { figure: 'centres', id: customer.id, name: customer.name, dimension, compare, unit: 'pp' } : undefined;
  const list = centreList(centres.persons, people, looked, t('figures.loadingName', { ns: 'common' }));
  const names = (
    <ol style={{ margin: 0, paddingInlineStart: 20, maxHeight: 320, overflowY: 'auto' }} data-testid="centres-names">
      {list.map((p) => (
        <li key={p.id}><Link to={`/people/${encodeURIComponent(p.id)}`} data-testid="centre-link">{p.name}</Link></li>
      ))}
    </ol>
  );
  return (
    <Card size="small" data-testid="centres-card">
      <Row gutter={[16, 8]} align="middle" wrap>
        <Col flex="260px">
          <Space direction="vertical" size={2}>
            <Space size={4}>
              <Typography.Text strong>{t('centres.title')}</Typography.Text>
              <Tooltip title={t('centres.tip', { top: centres.top })}>
                <InfoCircleOutlined style={{ color: '#8c8c8c' }} aria-label={t('centres.tip', { top: centres.top })} />
              </Tooltip>
            </Space>
            {list.length ? (
              <Popover title={t('centres.who')} content={names} trigger={['hover', 'click']} placement="bottomLeft">
                <Button type="link" size="small" style={{ padding: 0 }} data-testid="centres-count" data-count={list.length}>
                  {t('centres.count', { count: list.length })}
                </Button>
              </Popover>
            ) : (
              <Typography.Text type="secondary" data-testid="centres-count" data-count={0}>{t('centres.none')}</Typography.Text>
            )}
          </Space>
        </Col>
        {DIMENSIONS.map((d) => (
          <Col flex="1 1 200px" key={d} data-testid={`centres-${d}`}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`dimension.${d}`, { ns: 'common' })}</Typography.Text>
            <div style={{ fontSize: 20 }}>
              <DegreeFigure stats={centres.degrees[d]} testId={`centres-percent-${d}`} explain={explain(d)} />
            </div>
            <Space size={[12, 0]} wrap style={{ fontSize: 12 }}>
              <Delta value={centres.mom[d]} unit="pp" label="mom" explain={explain(d, 'mom')} />
              <Delta value={centres.yoy[d]} unit="pp" label="yoy" explain={explain(d, 'yoy')} />
            </Space>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
