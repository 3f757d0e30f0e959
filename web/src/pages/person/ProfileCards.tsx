// The seven features with completeness, and the seven portrait dimensions (customer level, then per chain).
import { CheckCircleFilled, QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Descriptions, Progress, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useNames } from '../../api/hooks';
import type { Profile, YesNo } from '../../api/types';
import { DIMENSIONS } from '../../api/types';
import { Explainable } from '../../components/Explainable';
import { AttitudeTag } from '../../components/Tags';
import { knownFeatures } from './rating';

export function YesNoTag({ value, testId }: { value: YesNo; testId?: string }) {
  const { t } = useTranslation();
  const color = value === 'yes' ? 'green' : value === 'no' ? 'default' : undefined;
  return (
    <Tag color={color} style={value === 'unknown' ? { borderStyle: 'dashed', color: '#8c8c8c', background: 'transparent' } : undefined} data-testid={testId} data-value={value}>
      {t(`yesno.${value}`)}
    </Tag>
  );
}

function Known({ known }: { known: boolean }) {
  const { t } = useTranslation('person');
  return known
    ? <CheckCircleFilled style={{ color: '#389e0d' }} aria-label={t('known')} />
    : <QuestionCircleOutlined style={{ color: '#bfbfbf' }} aria-label={t('unknownFeature')} />;
}

/** The seven features; each degree opens the rating fact behind it. */
export function FeaturesCard({ profile, towardName, name }: { profile: Profile; towardName: string | null; name?: string }) {
  const { t } = useTranslation('person');
  const f = profile.features;
  const known = knownFeatures(profile.completeness);
  const rows: { key: string; label: string; value: React.ReactNode; known: boolean }[] = [
    ...DIMENSIONS.map((d) => ({
      key: d,
      label: t(`dimension.${d}`, { ns: 'common' }),
      value: (
        <Explainable target={{ figure: 'person', id: profile.person, dimension: d, name }} testId={`explain-feature-${d}`}>
          <AttitudeTag value={f[d]} />
        </Explainable>
      ),
      known: f[d] !== 'unknown',
    })),
    { key: 'veto', label: t('vote.veto', { ns: 'common' }), value: <YesNoTag value={f.veto} />, known: f.veto !== 'unknown' },
    { key: 'approve', label: t('vote.approve', { ns: 'common' }), value: <YesNoTag value={f.approve} />, known: f.approve !== 'unknown' },
    { key: 'acquaintance', label: t('acquaintance'), value: f.acquaintance ? <Tag color="green">{t('acquainted')}</Tag> : <Tag style={{ borderStyle: 'dashed', color: '#8c8c8c', background: 'transparent' }}>{t('notAcquainted')}</Tag>, known: f.acquaintance },
    { key: 'orientation', label: t('orientation'), value: <Tag>{t(`orientation.${f.orientation}`, { ns: 'common' })}</Tag>, known: f.orientation !== 'unknown' },
  ];
  return (
    <Card
      size="small"
      title={<>{t('features')}{towardName ? <Typography.Text type="secondary"> · {towardName}</Typography.Text> : null}</>}
      style={{ marginBottom: 16 }}
      data-testid="person-features"
    >
      <Space wrap style={{ marginBottom: 12 }} align="center">
        <Progress
          type="circle"
          size={64}
          percent={Math.round(profile.completeness * 100)}
          format={() => `${known}/7`}
          data-testid="person-completeness"
          aria-label={t('completeness')}
        />
        <Space direction="vertical" size={4}>
          <Typography.Text type="secondary">{t('completeness')}</Typography.Text>
          <Space wrap>
            <Tag color={profile.insighted ? 'green' : 'orange'} data-testid="person-insighted">{profile.insighted ? t('insighted') : t('uninsighted')}</Tag>
            <Tag color={profile.fully_profiled ? 'green' : 'default'} data-testid="person-fully-profiled">{profile.fully_profiled ? t('fullyProfiled') : t('notFullyProfiled')}</Tag>
          </Space>
        </Space>
      </Space>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', gap: '6px 16px' }}>
        {rows.map((row) => (
          <div key={row.key} style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '4px 0', borderBottom: '1px solid #f0f0f0' }}>
            <Known known={row.known} />
            <Typography.Text type="secondary" style={{ flex: 'none' }}>{row.label}</Typography.Text>
            <span data-testid={`feature-${row.key}`} style={{ marginLeft: 'auto' }}>{row.value}</span>
          </div>
        ))}
      </div>
    </Card>
  );
}

export function PortraitCard({ profile }: { profile: Profile }) {
  const { t } = useTranslation('person');
  const names = useNames('opportunities', profile.chains.map((c) => c.opportunity));
  const f = profile.features;
  return (
    <Card size="small" title={t('portrait')} style={{ marginBottom: 16 }} data-testid="person-portrait">
      <Typography.Text strong>{t('customerLevel')}</Typography.Text>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} style={{ marginTop: 8 }}>
        <Descriptions.Item label={t('orientation')}>{t(`orientation.${f.orientation}`, { ns: 'common' })}</Descriptions.Item>
        {DIMENSIONS.map((d) => (
          <Descriptions.Item key={d} label={t(`dimensionShort.${d}`, { ns: 'common' })}><AttitudeTag value={f[d]} /></Descriptions.Item>
        ))}
        <Descriptions.Item label={t('interaction')}><span data-testid="person-interaction">{t(`interaction.${profile.interaction}`, { ns: 'common' })}</span></Descriptions.Item>
        <Descriptions.Item label={t('importance')}>{t(`importance.${profile.importance}`, { ns: 'common' })}</Descriptions.Item>
      </Descriptions>
      <Typography.Text strong>{t('projectLevel')} · {t('chains')}</Typography.Text>
      <Table
        style={{ marginTop: 8 }}
        size="small"
        rowKey={(c) => c.opportunity}
        dataSource={profile.chains}
        pagination={profile.chains.length > 10 ? { pageSize: 10 } : false}
        scroll={{ x: 560 }}
        locale={{ emptyText: t('noChains') }}
        data-testid="person-chains"
        columns={[
          {
            title: t('opportunity'), dataIndex: 'opportunity',
            render: (id: string) => <Link to={`/opportunities/${encodeURIComponent(id)}`}>{names[id] ?? id}</Link>,
          },
          { title: t('role'), dataIndex: 'role', render: (r: string) => t(`chainRole.${r}`, { ns: 'common' }) },
          ...DIMENSIONS.map((d) => ({
            title: t(`dimensionShort.${d}`, { ns: 'common' }), key: d,
            render: (_: unknown, c: Profile['chains'][number]) => <AttitudeTag value={c[d]} />,
          })),
          { title: t('interaction'), dataIndex: 'interaction', render: (i: string) => t(`interaction.${i}`, { ns: 'common' }) },
        ]}
      />
    </Card>
  );
}
