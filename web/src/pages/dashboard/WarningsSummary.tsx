// The warnings of the perspective in brief: counts by severity and kind, the most urgent few, a link to all.
import { Card, Col, List, Row, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useNames } from '../../api/hooks';
import type { Warning } from '../../api/types';
import { usePerspective } from '../../state/perspective';
import { personIds, SEVERITIES, summarize, topWarnings } from '../warnings/model';
import { KindTag, SeverityTag } from '../warnings/tags';
import { WarningText, type WarningNames } from '../warnings/WarningText';

const TOP = 5;

export function WarningsSummary({ warnings, customers }: { warnings: Warning[]; customers: Record<string, string> }) {
  const { t } = useTranslation('dashboard');
  const perspective = usePerspective();
  const summary = useMemo(() => summarize(warnings), [warnings]);
  const top = useMemo(() => topWarnings(warnings, TOP), [warnings]);
  const people = useNames('people', personIds(top));
  const opportunities = useNames('opportunities', top.map((w) => w.opportunity));
  const names: WarningNames = {
    customers,
    people,
    opportunities,
    competitors: Object.fromEntries(perspective.competitors.map((c) => [c.id, c.name])),
  };

  return (
    <Card
      size="small"
      title={`${t('warnings')} · ${t('warningsTotal', { count: summary.total })}`}
      extra={<Link to="/warnings" data-testid="dash-all-warnings">{t('allWarnings')}</Link>}
      data-testid="dash-warnings"
    >
      {summary.total === 0 ? (
        <Typography.Text type="secondary">{t('noWarnings')}</Typography.Text>
      ) : (
        <Row gutter={[16, 12]}>
          <Col xs={24} lg={8}>
            <Typography.Text strong>{t('bySeverity')}</Typography.Text>
            <div style={{ margin: '6px 0 12px' }}>
              <Space wrap>
                {SEVERITIES.map((s) => (
                  <Link key={s} to={`/warnings?severity=${s}`} data-testid={`dash-severity-${s}`}>
                    <SeverityTag severity={s} /> {summary.bySeverity[s]}
                  </Link>
                ))}
              </Space>
            </div>
            <Typography.Text strong>{t('byKind')}</Typography.Text>
            <div style={{ marginTop: 6 }}>
              <Space size={[4, 6]} wrap>
                {summary.byKind.slice(0, 8).map(({ kind, count }) => (
                  <Link key={kind} to={`/warnings?kind=${kind}`}>
                    <KindTag kind={kind} /> {count}
                  </Link>
                ))}
              </Space>
            </div>
          </Col>
          <Col xs={24} lg={16}>
            <Typography.Text strong>{t('topWarnings')}</Typography.Text>
            <List
              size="small"
              dataSource={top}
              renderItem={(w) => (
                <List.Item>
                  <Space align="start" size={6}>
                    <SeverityTag severity={w.severity} />
                    <span>
                      {w.customer ? <Link to={`/customers/${w.customer}`}>{customers[w.customer] ?? w.customer}</Link> : null}
                      {w.customer ? ' · ' : null}
                      <WarningText warning={w} names={names} compact />
                      {w.opportunity ? (
                        <> <Link to={`/opportunities/${w.opportunity}`}>→</Link></>
                      ) : null}
                    </span>
                  </Space>
                </List.Item>
              )}
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}
