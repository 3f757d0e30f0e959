// Beside the map: the chosen person (with the seven features from their profile), the influence centres
// ranked, the gaps counted, and the legend.
import { Button, Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import { memo } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/hooks';
import type { ChainMemberFigure, Profile } from '../../../api/types';
import { AttitudeTag } from '../../../components/Tags';
import { useFormat } from '../../../lib/format';
import { usePerspective } from '../../../state/perspective';
import { profilePath, type CustomerGraph, type InfluenceCentre } from '../api';
import { FEATURES, unknownFeatures } from './gaps';
import { MapLegend } from './MapLegend';
import type { MapBase, MapDecor } from './model';

export interface MapSidePanelProps {
  graph: CustomerGraph;
  base: MapBase;
  decor: MapDecor;
  centres: InfluenceCentre[] | undefined;
  top: number;
  opportunityChosen: boolean;
  chainRoles: ChainMemberFigure[] | undefined;
  selected: string | null;
  canWrite: boolean;
  onFocus(id: string): void;
  onMoveRequest(id: string): void;
}

/** Memoised: the page above re-renders as its other figures arrive, and nothing here changes with them. */
export const MapSidePanel = memo(function MapSidePanel(props: MapSidePanelProps) {
  const { graph, base, decor, centres, top, opportunityChosen, selected } = props;
  const { t } = useTranslation('customer');
  const format = useFormat();
  const people = new Map(graph.people.map((p) => [p.id, p]));
  const departments = new Map(graph.departments.map((d) => [d.id, d.name]));
  const ranked = (centres ?? []).filter((c) => people.has(c.person)).slice(0, top);
  const unknownPersons = base.unknown.size;
  let unknownTotal = 0;
  for (const list of base.unknown.values()) unknownTotal += list.length;

  return (
    <div style={{ width: 300, flex: 'none', display: 'flex', flexDirection: 'column', gap: 12, maxHeight: 640, overflowY: 'auto' }}>
      {selected && people.has(selected) ? <SelectedPerson {...props} /> : null}
      <Card size="small" title={t('map.centresTitle')} data-testid="map-centres">
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>{t('map.centresHint', { count: top })}</Typography.Paragraph>
        {ranked.length ? (
          <List
            size="small"
            dataSource={ranked}
            renderItem={(c, i) => {
              const p = people.get(c.person)!;
              return (
                <List.Item style={{ padding: '4px 0' }} data-testid="map-centre">
                  <Space size={6} style={{ width: '100%' }}>
                    <Tag color="gold" style={{ margin: 0, minWidth: 36, textAlign: 'center' }}>{t('map.rank', { rank: i + 1 })}</Tag>
                    <Typography.Link onClick={() => props.onFocus(c.person)}>{p.name}</Typography.Link>
                    {c.key ? <Tag style={{ margin: 0 }}>{t('person.key')}</Tag> : null}
                    <Typography.Text type="secondary" style={{ marginLeft: 'auto', fontSize: 12 }}>{format.share(c.rank)}</Typography.Text>
                  </Space>
                </List.Item>
              );
            }}
          />
        ) : (
          <Typography.Text type="secondary">{t('map.centresEmpty')}</Typography.Text>
        )}
      </Card>
      <Card size="small" title={t('map.gapsTitle')} data-testid="map-gaps">
        <Descriptions size="small" column={1} colon={false}>
          <Descriptions.Item label={t('map.gapDepartments')}>
            <span data-testid="map-gap-departments">{format.count(base.emptyDepartments.length)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('map.gapRoles')}>
            {opportunityChosen ? <span data-testid="map-gap-roles">{format.count(decor.missingRoles.length)}</span> : <Typography.Text type="secondary">{t('map.chooseOpportunity')}</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label={t('map.gapPersons')}>{format.count(unknownPersons)}</Descriptions.Item>
          <Descriptions.Item label={t('map.gapFeatures')}>{format.count(unknownTotal)}</Descriptions.Item>
        </Descriptions>
        {base.emptyDepartments.length ? (
          <Space wrap size={[4, 4]}>
            {base.emptyDepartments.map((d) => <Tag key={d} color="orange" style={{ margin: 0 }}>{departments.get(d) ?? d}</Tag>)}
          </Space>
        ) : null}
        {opportunityChosen && decor.missingRoles.length ? (
          <Space wrap size={[4, 4]} style={{ marginTop: 6 }}>
            {decor.missingRoles.map((r) => <Tag key={r} color="orange" style={{ margin: 0 }}>{t(`chainRole.${r}`, { ns: 'common' })}</Tag>)}
          </Space>
        ) : null}
        {decor.offMap ? <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '6px 0 0' }}>{t('map.offMap', { count: decor.offMap })}</Typography.Paragraph> : null}
      </Card>
      <MapLegend />
    </div>
  );
});

function SelectedPerson({ graph, decor, selected, canWrite, chainRoles, onMoveRequest }: MapSidePanelProps) {
  const { t } = useTranslation('customer');
  const perspective = usePerspective();
  const person = graph.people.find((p) => p.id === selected)!;
  const profile = useApi<Profile>(profilePath(person.id), perspective.params.as_of ? { as_of: perspective.params.as_of } : undefined);
  const departments = new Map(graph.departments.map((d) => [d.id, d.name]));
  const managerLine = graph.reporting.find((l) => l.person === person.id);
  const manager = managerLine ? graph.people.find((p) => p.id === managerLine.manager) : undefined;
  const reports = graph.reporting.filter((l) => l.manager === person.id).length;
  const rank = decor.centres.get(person.id);
  const roles = (chainRoles ?? []).filter((m) => m.person === person.id).map((m) => t(`chainRole.${m.role}`, { ns: 'common' }));
  const features = profile.data?.features;
  const unknown = features ? unknownFeatures(features, features.acquaintance) : null;
  const separator = t('map.separator');
  return (
    <Card size="small" title={t('orgchart.selected')} data-testid="orgchart-panel">
      <Typography.Title level={5} style={{ marginTop: 0 }}>{person.name}</Typography.Title>
      <Descriptions size="small" column={1} colon={false}>
        <Descriptions.Item label={t('person.title')}>{person.title ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('person.department')}>{person.department ? departments.get(person.department) ?? '—' : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('orgchart.manager')}>{manager?.name ?? t('person.noManager')}</Descriptions.Item>
        <Descriptions.Item label={t('orgchart.reports')}>{reports}</Descriptions.Item>
        <Descriptions.Item label={t('dimensionShort.closeness', { ns: 'common' })}><AttitudeTag value={person.closeness} /></Descriptions.Item>
        <Descriptions.Item label={t('dimensionShort.solution', { ns: 'common' })}><AttitudeTag value={person.solution} /></Descriptions.Item>
        <Descriptions.Item label={t('dimensionShort.price', { ns: 'common' })}><AttitudeTag value={person.price} /></Descriptions.Item>
        <Descriptions.Item label={t('vote.veto', { ns: 'common' })}>{t(`yesno.${person.veto}`, { ns: 'common' })}</Descriptions.Item>
        <Descriptions.Item label={t('vote.approve', { ns: 'common' })}>{t(`yesno.${person.approve}`, { ns: 'common' })}</Descriptions.Item>
        <Descriptions.Item label={t('person.importance')}>{t(`importance.${person.importance}`, { ns: 'common', defaultValue: t('importance.unknown', { ns: 'common' }) })}</Descriptions.Item>
        {rank ? <Descriptions.Item label={t('map.centreRank')}>{t('map.rank', { rank })}</Descriptions.Item> : null}
        {roles.length ? <Descriptions.Item label={t('map.chainRole')}>{roles.join(separator)}</Descriptions.Item> : null}
      </Descriptions>
      {person.key && unknown ? (
        <div data-testid="orgchart-panel-features" style={{ margin: '4px 0 8px' }}>
          <Typography.Text strong>{t('map.completeness', { known: FEATURES.length - unknown.length })}</Typography.Text>
          <div>
            {unknown.length
              ? <Typography.Text type="warning">{t('map.unknownList', { list: unknown.map((f) => t(`map.feature.${f}`)).join(separator) })}</Typography.Text>
              : <Typography.Text type="success">{t('map.allKnown')}</Typography.Text>}
          </div>
        </div>
      ) : null}
      <Space direction="vertical" style={{ width: '100%' }}>
        <Link to={`/people/${encodeURIComponent(person.id)}`} data-testid="orgchart-open-person">{t('orgchart.openPerson')}</Link>
        {canWrite ? <Button size="small" onClick={() => onMoveRequest(person.id)}>{t('orgchart.moveThis')}</Button> : null}
      </Space>
    </Card>
  );
}
