// Side by side with each competitor: per member and dimension, the attitude toward ours and toward each
// competitor; and the chain's degrees toward each target.
import { Card, Empty, Segmented, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useNames } from '../../api/hooks';
import type { Attitude, ChainFigure, Dimension, Organization } from '../../api/types';
import { DIMENSIONS } from '../../api/types';
import { ErrorAlert } from '../../components/PageState';
import { AttitudeTag, TierTag } from '../../components/Tags';
import { DegreeFigure } from '../../components/Figure';
import { compareRows, leads, type CompareRow } from './chain';

/** The chain toward ours and toward each competitor, as of the perspective's day; read once the
 * competitors are known (`ready`), not once without them and again with them. */
export function useChains(opportunity: string, competitors: Organization[], asOf: string | undefined, generation: number, ready = true) {
  const [chains, setChains] = useState<Record<string, ChainFigure>>({});
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const key = competitors.map((c) => c.id).join(',');
  useEffect(() => {
    if (!ready) return undefined;
    let current = true;
    const targets = ['ours', ...(key ? key.split(',') : [])];
    setLoading(true);
    Promise.all(targets.map((toward) =>
      api.get<ChainFigure>(`/opportunities/${encodeURIComponent(opportunity)}/chain`, { toward, as_of: asOf }).then((c) => [toward, c] as const)))
      .then((pairs) => {
        if (!current) return;
        setChains(Object.fromEntries(pairs));
        setError(undefined);
      })
      .catch((failure) => current && setError(failure))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [opportunity, key, asOf, generation, ready]);
  return { chains, error, loading };
}

export function CompareSection({ chains, competitors, error, loading }: {
  chains: Record<string, ChainFigure>; competitors: Organization[]; error: unknown; loading: boolean;
}) {
  const { t } = useTranslation('opportunity');
  const ours = chains.ours;
  const others = useMemo(() => competitors.map((c) => ({ toward: c.id, chain: chains[c.id] })), [competitors, chains]);
  const rows = useMemo(() => (ours ? compareRows(ours, others) : []), [ours, others]);
  const names = useNames('people', rows.map((r) => r.person));
  const targets = [{ id: 'ours', name: t('ours') }, ...competitors.map((c) => ({ id: c.id, name: c.name }))];
  // One degree at a time, so that the members' table fits the page whatever the number of competitors.
  const [degree, setDegree] = useState<Dimension>('closeness');

  const memberColumns = [
    {
      title: t('person'), dataIndex: 'person', fixed: 'left' as const, width: 120,
      render: (p: string) => <Link to={`/people/${encodeURIComponent(p)}`}>{names[p] ?? p}</Link>,
    },
    { title: t('role'), dataIndex: 'role', width: 100, render: (r: string) => t(`chainRole.${r}`, { ns: 'common' }) },
    ...[degree].map((d: Dimension) => ({
      title: t(`dimension.${d}`, { ns: 'common' }),
      key: d,
      children: targets.map((target) => ({
        title: target.name,
        key: `${d}-${target.id}`,
        width: 96,
        render: (_: unknown, row: CompareRow) => (
          <span data-testid={`compare-${row.person}-${d}-${target.id}`}>
            <AttitudeTag value={row.values[d][target.id] as Attitude} inherited={row.inherited[d].includes(target.id)} />
          </span>
        ),
      })),
    })),
  ];

  const degreeRows = targets.filter((target) => chains[target.id]).map((target) => ({ ...target, chain: chains[target.id] }));
  const degreeColumns = [
    { title: t('target'), dataIndex: 'name', width: 180 },
    ...DIMENSIONS.map((d: Dimension) => ({
      title: t(`dimension.${d}`, { ns: 'common' }),
      key: d,
      render: (_: unknown, row: (typeof degreeRows)[number]) => {
        const s = row.chain.degrees[d];
        const ahead = row.id !== 'ours' && ours && leads(ours.degrees, row.chain.degrees, d);
        return (
          <span data-testid={`compare-degree-${row.id}-${d}`} style={{ color: ahead ? '#cf1322' : undefined, fontWeight: ahead ? 600 : undefined }}>
            <DegreeFigure
              stats={s}
              meanShown="tooltip"
              explain={{ figure: 'chain', id: row.chain.opportunity, dimension: d, toward: row.id }}
            />{' '}
            <TierTag tier={s.tier} />
          </span>
        );
      },
    })),
  ];

  return (
    <Card size="small" title={t('compare')} style={{ marginBottom: 16 }} data-testid="compare-section">
      {error !== undefined ? (
        <ErrorAlert error={error} />
      ) : competitors.length === 0 ? (
        <Empty description={t('noCompetitors')} />
      ) : (
        <>
          <Typography.Text strong>{t('degreesToward')}</Typography.Text>
          <Table
            size="small"
            rowKey="id"
            loading={loading}
            dataSource={degreeRows}
            columns={degreeColumns}
            pagination={false}
            style={{ margin: '8px 0 16px' }}
            scroll={{ x: 'max-content' }}
            data-testid="compare-degrees"
          />
          <Space wrap>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('compareHint')}</Typography.Text>
            <Segmented
              size="small"
              value={degree}
              onChange={(value) => setDegree(value as Dimension)}
              options={DIMENSIONS.map((d) => ({ value: d, label: t(`dimensionShort.${d}`, { ns: 'common' }) }))}
              data-testid="compare-dimension"
            />
          </Space>
          <Table
            size="small"
            bordered
            rowKey="member"
            loading={loading}
            dataSource={rows}
            columns={memberColumns}
            pagination={rows.length > 20 ? { pageSize: 20 } : false}
            scroll={{ x: 'max-content' }}
            style={{ marginTop: 8 }}
            data-testid="compare-table"
          />
        </>
      )}
    </Card>
  );
}
