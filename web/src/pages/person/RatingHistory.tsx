// The rating history: a step chart of the customer-level values over time and a timeline grouped by day.
import { Button, Card, Empty, Segmented, Select, Space, Tag, Timeline, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useUserNames } from '../../state/useUserNames';
import { useNames } from '../../api/hooks';
import type { Organization, Rating } from '../../api/types';
import { DIMENSIONS } from '../../api/types';
import { Chart, type ChartOption } from '../../components/Chart';
import { AttitudeTag } from '../../components/Tags';
import { groupByDate, stepSeries } from './rating';

const PAGE = 12;

export function RatingHistory({ ratings, competitors, toward }: { ratings: Rating[]; competitors: Organization[]; toward: string }) {
  const { t } = useTranslation('person');
  const [level, setLevel] = useState<string>('all');
  const [target, setTarget] = useState<string>('all');
  const [shown, setShown] = useState(PAGE);
  const userName = useUserNames(ratings.map((r) => r.by));
  const opportunities = useNames('opportunities', ratings.map((r) => r.opportunity));
  const towardName = (id: string) => (id === 'ours' ? t('ours') : competitors.find((c) => c.id === id)?.name ?? id);

  const groups = useMemo(() => groupByDate(ratings.filter((r) => (level === 'all' || (level === 'customer' ? r.opportunity === null : r.opportunity !== null))
    && (target === 'all' || (r.toward ?? 'ours') === target))), [ratings, level, target]);

  const option = useMemo<ChartOption>(() => {
    const series = stepSeries(ratings, { toward, opportunity: null });
    const attitudeAt: Record<number, string> = { 2: 'strong_support', 1: 'support', 0: 'neutral', [-1]: 'oppose', [-2]: 'strong_oppose' };
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: series.days },
      yAxis: {
        type: 'value', min: -2, max: 2, interval: 1,
        axisLabel: { formatter: (v: number) => t(`attitude.${attitudeAt[v] ?? 'unknown'}`, { ns: 'common' }) },
      },
      series: DIMENSIONS.map((d) => ({
        name: t(`dimensionShort.${d}`, { ns: 'common' }), type: 'line', step: 'end', data: series.values[d], connectNulls: false, symbolSize: 5,
      })),
    };
  }, [ratings, toward, t]);

  return (
    <Card size="small" title={t('history')} style={{ marginBottom: 16 }} data-testid="rating-history">
      {ratings.length === 0 ? (
        <Empty description={t('historyEmpty')} />
      ) : (
        <>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('stepChart', { toward: towardName(toward) })}</Typography.Text>
          <Chart option={option} height={200} testId="rating-step-chart" />
          <Space wrap style={{ margin: '12px 0' }}>
            <Segmented
              value={level}
              onChange={(v) => { setLevel(String(v)); setShown(PAGE); }}
              options={[
                { value: 'all', label: t('levelAll') },
                { value: 'customer', label: t('customerLevel') },
                { value: 'project', label: t('projectLevel') },
              ]}
            />
            <Select
              value={target}
              onChange={(v) => { setTarget(v); setShown(PAGE); }}
              style={{ minWidth: 160 }}
              aria-label={t('toward')}
              options={[{ value: 'all', label: `${t('toward')}: ${t('filterAll')}` }, { value: 'ours', label: t('ours') }, ...competitors.map((c) => ({ value: c.id, label: c.name }))]}
            />
          </Space>
          <Timeline
            data-testid="rating-timeline"
            items={groups.slice(0, shown).map((group) => ({
              key: group.date,
              children: (
                <div data-testid={`rating-day-${group.date}`}>
                  <Typography.Text strong>{group.date}</Typography.Text>
                  {group.entries.map((r) => {
                    const retired = r.until !== null;
                    return (
                      <div key={r.id} style={{ textDecoration: retired ? 'line-through' : undefined, opacity: retired ? 0.6 : 1, marginTop: 2 }} data-testid="rating-entry" data-retired={retired}>
                        <Space size={4} wrap>
                          <span>{t(`dimensionShort.${r.dimension}`, { ns: 'common' })}</span>
                          <AttitudeTag value={r.value} />
                          <Typography.Text type="secondary">{t('toward')} {towardName(r.toward ?? 'ours')}</Typography.Text>
                          {r.opportunity ? (
                            <Link to={`/opportunities/${encodeURIComponent(r.opportunity)}`}>{opportunities[r.opportunity] ?? r.opportunity}</Link>
                          ) : (
                            <Typography.Text type="secondary">{t('customerLevel')}</Typography.Text>
                          )}
                          {r.by && <Typography.Text type="secondary">· {userName(r.by) ?? t('figures.loadingName', { ns: 'common' })}</Typography.Text>}
                          {retired && <Tag>{t('retired')} {r.until}</Tag>}
                        </Space>
                        {r.note && <div><Typography.Text type="secondary" italic data-testid="rating-note-text">“{r.note}”</Typography.Text></div>}
                      </div>
                    );
                  })}
                </div>
              ),
            }))}
          />
          {groups.length > shown && (
            <Button onClick={() => setShown((n) => n + PAGE)} data-testid="rating-history-more">
              {t('showMore')} ({groups.length - shown})
            </Button>
          )}
        </>
      )}
    </Card>
  );
}
