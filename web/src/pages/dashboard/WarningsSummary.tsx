// The warnings of the perspective in brief: counts by severity and kind (from the server's summary), the most
// urgent few (the first rows of the server's list, most severe first), a link to all.
import { Card, Col, List, Row, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { WarningsPage } from '../../api/lines';
import { SkeletonBlock } from '../../components/PageState';
import { usePerspective } from '../../state/perspective';
import { kindsByCount, rowNames, SEVERITIES } from '../warnings/model';
import { KindTag, SeverityTag } from '../warnings/tags';
import { WarningText } from '../warnings/WarningText';

/** How many warnings the dashboard lists. */
export const TOP_WARNINGS = 5;

export function WarningsSummary({ warnings }: { warnings: WarningsPage | undefined }) {
  const { t } = useTranslation('dashboard');
  const perspective = usePerspective();
  const competitors = useMemo(() => Object.fromEntries(perspective.competitors.map((c) => [c.id, c.name])), [perspective.competitors]);
  const summary = warnings?.summary;
  const kinds = useMemo(() => kindsByCount(summary?.kind ?? {}), [summary]);

  return (
    <Card
      size="small"
      title={summary ? `${t('warnings')} · ${t('warningsTotal', { count: summary.total })}` : t('warnings')}
      extra={<Link to="/warnings" data-testid="dash-all-warnings">{t('allWarnings')}</Link>}
      data-testid="dash-warnings"
    >
      {!warnings || !summary ? (
        <SkeletonBlock rows={5} testId="dash-warnings-skeleton" />
      ) : summary.total === 0 ? (
        <Typography.Text type="secondary">{t('noWarnings')}</Typography.Text>
      ) : (
        <Row gutter={[16, 12]}>
          <Col xs={24} lg={8}>
            <Typography.Text strong>{t('bySeverity')}</Typography.Text>
            <div style={{ margin: '6px 0 12px' }}>
              <Space wrap>
                {SEVERITIES.map((s) => (
                  <Link key={s} to={`/warnings?severity=${s}`} data-testid={`dash-severity-${s}`}>
                    <SeverityTag severity={s} /> {summary.severity[s] ?? 0}
                  </Link>
                ))}
              </Space>
            </div>
            <Typography.Text strong>{t('byKind')}</Typography.Text>
            <div style={{ marginTop: 6 }}>
              <Space size={[4, 6]} wrap>
                {kinds.slice(0, 8).map(({ kind, count }) => (
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
              dataSource={warnings.items}
              renderItem={(w) => (
                <List.Item>
                  <Space align="start" size={6}>
                    <SeverityTag severity={w.severity} />
                    <span>
                      {w.customer ? <Link to={`/customers/${w.customer}`}>{w.names[w.customer] ?? w.customer}</Link> : null}
                      {w.customer ? ' · ' : null}
                      <WarningText warning={w} names={rowNames(w, competitors)} compact />
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
