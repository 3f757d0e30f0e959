// The relationship map (关系图谱) of a customer on one canvas: person cards grouped by department along the
// reporting tree, influence links by kind as overlays, an opportunity's decision roles as badges, the
// influence centres ranked, and the gaps as placeholders. Editable as the org chart was (add a person,
// change a reporting line, drop a card onto another), and exported as PNG, SVG or a PowerPoint slide.
import { AimOutlined, DownloadOutlined, ExpandOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Select, Space, Switch, Typography } from 'antd';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useApi } from '../../../api/hooks';
import type { ChainFigure, ChainRole, CustomerMetrics, Opportunity } from '../../../api/types';
import { errorText } from '../../../lib/errors';
import { usePerspective } from '../../../state/perspective';
import { centresPath, chainPath, graphPath, type CustomerGraph, type InfluenceCentre } from '../api';
import { LARGE } from '../cy';
import type { Overlays } from './elements';
import { fileName, mapPng, mapSlide, saveBlob, svgBlob } from './exporters';
import { MapSidePanel } from './MapSidePanel';
import { decodeIcons, iconsDecoded } from './glyphs';
import { buildBase, buildDecor, LINK_COLOR, LINK_KINDS, type MapBase, type MapTexts } from './model';
import { mapSvg } from './svg';
import { useMapCanvas } from './useMapCanvas';

export interface RelationshipMapProps {
  graph: CustomerGraph;
  metrics: CustomerMetrics;
  opportunities: Opportunity[] | undefined;
  canWrite: boolean;
  /** A card was dropped onto another one: ask and move. */
  onDrop(person: string, manager: string): void;
  /** Open the move form for this person. */
  onMoveRequest(person: string): void;
  /** Buttons shown first in the toolbar. */
  tools?: ReactNode;
}

const TOP_CHOICES = [5, 10, 20];

export function RelationshipMap({ graph, metrics, opportunities, canWrite, onDrop, onMoveRequest, tools }: RelationshipMapProps) {
  const { t } = useTranslation('customer');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const perspective = usePerspective();
  const customer = graph.customer;
  const large = graph.people.length > LARGE;
  const container = useRef<HTMLDivElement>(null);

  const [opportunity, setOpportunity] = useState<string | null>(null);
  const [top, setTop] = useState(10);
  const [selected, setSelected] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [overlays, setOverlays] = useState<Overlays>({ internal: !large, ours: !large, competitor: !large, other: !large, centres: true, gaps: true });

  const centres = useApi<InfluenceCentre[]>(centresPath(customer.id), perspective.params);
  const chain = useApi<ChainFigure>(opportunity ? chainPath(opportunity) : null, perspective.params);
  // The seven features are toward us: toward a competitor, the graph toward us supplies them.
  const towardOurs = perspective.params.toward ? (perspective.params.as_of ? { as_of: perspective.params.as_of } : {}) : null;
  const ours = useApi<CustomerGraph>(towardOurs ? graphPath(customer.id) : null, towardOurs ?? undefined);

  const texts = useMemo<MapTexts>(
    () => ({
      noDepartment: t('noDepartment'),
      noKeyPerson: t('map.noKeyPerson'),
      missingRole: (role: ChainRole) => t('map.missingRole', { role: t(`chainRole.${role}`, { ns: 'common' }) }),
      role: (role: ChainRole) => t(`chainRole.${role}`, { ns: 'common' }),
      rank: (rank: number) => t('map.rank', { rank }),
      outsiders: (kind) => t(`map.outsiders.${kind}`),
      chainGaps: t('map.chainGaps'),
    }),
    [t],
  );
  const base = useMemo(
    () => buildBase(graph, texts, { featurePeople: towardOurs ? ours.data?.people ?? graph.people : graph.people, departmentCounts: metrics.departments }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [graph, texts, ours.data, metrics.departments],
  );
  const decor = useMemo(() => buildDecor(base, texts, centres.data, top, opportunity ? chain.data : undefined), [base, texts, centres.data, top, opportunity, chain.data]);

  // The page passes new callbacks at every render: keep the memoised parts below from drawing again.
  const callbacks = useRef({ onMoveRequest });
  callbacks.current = { onMoveRequest };
  const moveRequest = useCallback((id: string) => callbacks.current.onMoveRequest(id), []);
  const handlers = useMemo(
    () => ({ select: setSelected, open: (id: string) => navigate(`/people/${encodeURIComponent(id)}`), drop: onDrop }),
    [navigate, onDrop],
  );
  // Drawn once the centres (and, toward a competitor, the features toward us) have arrived and the cards' icons
  // are decoded: they come with the graph, and drawing the map before them would style cards a second time.
  const iconsReady = useIconsDecoded(base);
  const ready = iconsReady && !centres.loading && !(towardOurs && ours.loading);
  const { whole } = useMapCanvas(container, base, decor, overlays, canWrite, handlers, ready);

  const focusOn = useCallback((id: string) => {
    const cy = whole();
    if (!cy) return;
    const node = cy.getElementById(id);
    if (node.empty()) return;
    cy.elements().unselect();
    node.select();
    setSelected(id);
    cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1) }, { duration: 250 });
  }, [whole]);

  const visibleLinks = base.influence.filter((e) => overlays[e.kind]).length;
  const visibleGaps = overlays.gaps ? base.placeholders.length + base.unknown.size : 0;
  const day = graph.as_of;
  const baseName = fileName(customer.name, t('map.fileName'), day);

  const exportAs = async (kind: 'png' | 'svg' | 'pptx') => {
    const cy = whole();
    if (!cy) return;
    setExporting(true);
    try {
      let blob: Blob;
      if (kind === 'png') blob = mapPng(cy);
      else if (kind === 'svg') blob = svgBlob(mapSvg(base, decor, overlays, graph.people, { title: customer.name, subtitle: t('map.subtitle', { date: day }) }));
      else {
        const legend = ['legendCard', 'legendDegrees', 'legendVotes', 'legendImportance', 'legendKey', 'legendCentre', 'legendRole', 'legendGap', 'legendReporting', 'legendLinks', 'legendColours'].map((k) => t(`map.${k}`));
        blob = await mapSlide(cy, { title: customer.name, subtitle: t('map.subtitle', { date: day }), legendTitle: t('map.legend'), legend });
      }
      const name = `${baseName}.${kind}`;
      saveBlob(blob, name);
      message.success(t('map.exported', { name }));
    } catch (failure) {
      message.error(errorText(failure));
    } finally {
      setExporting(false);
    }
  };

  const opportunityOptions = useMemo(() => {
    const list = [...(opportunities ?? [])].sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open') || b.opened.localeCompare(a.opened));
    return list.map((o) => ({ value: o.id, label: t('map.opportunityLabel', { name: o.name, status: t(`status.${o.status}`, { ns: 'common' }) }) }));
  }, [opportunities, t]);

  const toggle = (key: keyof Overlays) => (on: boolean) => setOverlays((o) => ({ ...o, [key]: on }));
  const present = new Set(base.influence.map((e) => e.kind));

  return (
    <div data-testid="relationship-map">
      <Space wrap style={{ marginBottom: 8 }}>
        {tools}
        <FindPerson people={graph.people} onFind={focusOn} />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('map.opportunity')}
          style={{ width: 300 }}
          value={opportunity ?? undefined}
          onChange={(value: string | undefined) => setOpportunity(value ?? null)}
          options={opportunityOptions}
          loading={chain.loading}
          data-testid="map-opportunity"
          aria-label={t('map.opportunity')}
        />
        <Button icon={<ExpandOutlined />} onClick={() => whole()?.fit(undefined, 30)}>{t('orgchart.fit')}</Button>
        <Dropdown
          trigger={['click']}
          disabled={exporting || !graph.people.length}
          menu={{
            items: [
              { key: 'png', label: <span data-testid="map-export-png">{t('map.exportPng')}</span> },
              { key: 'svg', label: <span data-testid="map-export-svg">{t('map.exportSvg')}</span> },
              { key: 'pptx', label: <span data-testid="map-export-pptx">{t('map.exportPptx')}</span> },
            ],
            onClick: ({ key }) => void exportAs(key as 'png' | 'svg' | 'pptx'),
          }}
        >
          <Button icon={<DownloadOutlined />} loading={exporting} data-testid="map-export">{t('map.export')}</Button>
        </Dropdown>
      </Space>
      <Space wrap size={[16, 6]} style={{ marginBottom: 8 }} data-testid="map-overlays">
        <Typography.Text type="secondary">{t('map.overlays')}</Typography.Text>
        {LINK_KINDS.filter((kind) => kind !== 'other' || present.has('other')).map((kind) => (
          <label key={kind} style={{ display: 'inline-flex', gap: 6, alignItems: 'center', cursor: 'pointer' }}>
            <Switch size="small" checked={overlays[kind]} onChange={toggle(kind)} data-testid={`map-overlay-${kind}`} aria-label={t(`map.${kind}`)} />
            <span style={{ borderBottom: `3px solid ${LINK_COLOR[kind]}` }}>{t(`map.${kind}`)}</span>
          </label>
        ))}
        <label style={{ display: 'inline-flex', gap: 6, alignItems: 'center', cursor: 'pointer' }}>
          <Switch size="small" checked={overlays.centres} onChange={toggle('centres')} data-testid="map-overlay-centres" aria-label={t('map.centres')} />
          <span>{t('map.centres')}</span>
        </label>
        <Select size="small" value={top} onChange={setTop} options={TOP_CHOICES.map((n) => ({ value: n, label: t('map.top', { count: n }) }))} data-testid="map-top" aria-label={t('map.centres')} style={{ width: 100 }} />
        <label style={{ display: 'inline-flex', gap: 6, alignItems: 'center', cursor: 'pointer' }}>
          <Switch size="small" checked={overlays.gaps} onChange={toggle('gaps')} data-testid="map-overlay-gaps" aria-label={t('map.gaps')} />
          <span>{t('map.gaps')}</span>
        </label>
        <Typography.Text type="secondary" data-testid="map-counts">
          {t('map.counts', { persons: graph.people.length, departments: graph.departments.length, links: base.influence.length })}
        </Typography.Text>
      </Space>
      {large ? <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('map.large')}</Typography.Paragraph> : null}
      <div style={{ display: 'flex', gap: 12, alignItems: 'stretch' }}>
        <div style={{ flex: 1, minWidth: 0, position: 'relative' }}>
          <div
            ref={container}
            data-testid="orgchart"
            data-nodes={ready ? base.cards.length : 0}
            data-edges={ready ? base.reporting.length : 0}
            data-links={ready ? visibleLinks : 0}
            data-gaps={ready ? visibleGaps : 0}
            data-roles={ready ? decor.badges.filter((b) => b.kind === 'role').length : 0}
            data-missing-roles={ready ? decor.placeholders.length : 0}
            data-centres={ready && overlays.centres ? decor.centres.size : 0}
            role="img"
            aria-label={t('map.canvas')}
            style={{ height: 640, border: '1px solid #f0f0f0', borderRadius: 6, background: '#ffffff' }}
          />
          {graph.people.length === 0 ? (
            <Typography.Text type="secondary" style={{ position: 'absolute', top: 24, left: 0, right: 0, textAlign: 'center', pointerEvents: 'none' }}>
              {t('orgchart.empty')}
            </Typography.Text>
          ) : null}
        </div>
        <MapSidePanel
          graph={graph}
          base={base}
          decor={decor}
          centres={centres.data}
          top={top}
          opportunityChosen={!!opportunity}
          chainRoles={opportunity ? chain.data?.members : undefined}
          selected={selected}
          canWrite={canWrite}
          onFocus={focusOn}
          onMoveRequest={moveRequest}
        />
      </div>
    </div>
  );
}

/** Whether the icons of the cards of `base` are decoded (a render follows when they are). */
function useIconsDecoded(base: MapBase): boolean {
  const icons = useMemo(() => {
    const set = new Set<string>();
    for (const c of base.cards) {
      for (const icon of c.icons) set.add(icon);
      if (c.gapIcon) set.add(c.gapIcon);
    }
    return set;
  }, [base]);
  const [done, setDone] = useState<Set<string> | null>(null);
  const now = done === icons || iconsDecoded(icons);
  useEffect(() => {
    if (now) return undefined;
    let live = true;
    void decodeIcons(icons).then(() => live && setDone(icons));
    return () => {
      live = false;
    };
  }, [icons, now]);
  return now;
}

/** Finds a person on the map; memoised, as a thousand options cost a lot to hand to the Select again. */
const FindPerson = memo(function FindPerson({ people, onFind }: { people: CustomerGraph['people']; onFind(id: string): void }) {
  const { t } = useTranslation('customer');
  const options = useMemo(() => people.map((p) => ({ value: p.id, label: p.title ? `${p.name} · ${p.title}` : p.name })), [people]);
  return (
    <Select
      showSearch
      allowClear
      placeholder={<><AimOutlined /> {t('table.search')}</>}
      style={{ width: 240 }}
      optionFilterProp="label"
      options={options}
      onChange={(id: string | undefined) => id && onFind(id)}
      data-testid="orgchart-find"
      aria-label={t('table.search')}
    />
  );
});
