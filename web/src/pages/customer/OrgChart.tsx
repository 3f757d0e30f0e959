// The reporting tree on a Cytoscape canvas: click a node for its panel, double-click to open the person,
// drop a node onto another to make it report there (after a confirmation; the page offers Undo).
import { AimOutlined, ExpandOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Select, Space, Tag, Typography } from 'antd';
import type cytoscape from 'cytoscape';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { AttitudeTag } from '../../components/Tags';
import { ATTITUDE_COLOR } from '../../lib/format';
import type { CustomerGraph } from './api';
import { createCy, fitAtMost, keepSized, LARGE, replaceElements } from './cy';
import { GraphCanvas } from './GraphCanvas';
import { APPROVE_COLOR, BOTH_COLOR, dropTarget, orgElements, VETO_COLOR, type Box } from './orgchart';

const style = (large: boolean): cytoscape.StylesheetJson => [
  {
    selector: 'node',
    style: {
      'background-color': 'data(color)',
      'border-color': 'data(border)',
      'border-style': 'data(borderStyle)' as unknown as 'solid',
      'border-width': 'data(borderWidth)',
      width: 'data(size)',
      height: 'data(size)',
      label: 'data(label)',
      'text-wrap': 'wrap',
      'text-max-width': '120px',
      'text-valign': 'bottom',
      'text-margin-y': 3,
      'font-size': 11,
      color: 'data(textColor)',
      'min-zoomed-font-size': large ? 8 : 4,
    },
  },
  { selector: 'node[?key]', style: { 'font-weight': 'bold', 'font-size': 12 } },
  { selector: 'node:selected', style: { 'overlay-color': '#1d4ed8', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
  { selector: 'node.drop-target', style: { 'overlay-color': '#faad14', 'overlay-opacity': 0.45, 'overlay-padding': 8 } },
  {
    selector: 'edge',
    style: {
      width: 1.2,
      'line-color': '#bfbfbf',
      'curve-style': 'taxi',
      'taxi-direction': 'downward',
      'taxi-turn': '40px' as unknown as number,
      'target-arrow-shape': 'none',
    },
  },
];

export interface OrgChartProps {
  graph: CustomerGraph;
  canWrite: boolean;
  /** A node was dropped onto another one: ask and move. */
  onDrop(person: string, manager: string): void;
  /** Open the move form for this person. */
  onMoveRequest(person: string): void;
  /** Buttons shown first in the toolbar. */
  tools?: ReactNode;
}

export function OrgChart({ graph, canWrite, onDrop, onMoveRequest, tools }: OrgChartProps) {
  const { t } = useTranslation('customer');
  const navigate = useNavigate();
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<cytoscape.Core | null>(null);
  const fitted = useRef(false);
  const [selected, setSelected] = useState<string | null>(null);
  const markers = useMemo(() => ({ veto: t('orgchart.vetoMark'), approve: t('orgchart.approveMark') }), [t]);
  const elements = useMemo(() => orgElements(graph.people, graph.reporting, markers), [graph.people, graph.reporting, markers]);
  const people = useMemo(() => new Map(graph.people.map((p) => [p.id, p])), [graph.people]);
  const departments = useMemo(() => new Map(graph.departments.map((d) => [d.id, d.name])), [graph.departments]);
  const large = elements.nodes.length > LARGE;

  // Callbacks change with every render; the Cytoscape handlers read the latest ones.
  const handlers = useRef({ onDrop, navigate, setSelected, canWrite });
  handlers.current = { onDrop, navigate, setSelected, canWrite };

  useEffect(() => {
    if (!container.current) return undefined;
    const cy = createCy(container.current, elements.nodes.length, style(elements.nodes.length > LARGE));
    cyRef.current = cy;
    let grabbed: { id: string; x: number; y: number } | null = null;
    let boxes: Box[] = [];
    cy.on('tap', 'node', (event) => handlers.current.setSelected(event.target.id()));
    cy.on('tap', (event) => {
      if (event.target === cy) handlers.current.setSelected(null);
    });
    cy.on('dbltap', 'node', (event) => handlers.current.navigate(`/people/${encodeURIComponent(event.target.id())}`));
    cy.on('grab', 'node', (event) => {
      const node = event.target as cytoscape.NodeSingular;
      grabbed = { id: node.id(), ...node.position() };
      // Boxes of the other nodes, taken once per drag (their positions do not change meanwhile).
      boxes = cy.nodes().map((n) => {
        const b = n.boundingBox({ includeLabels: false, includeOverlays: false });
        return { id: n.id(), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 };
      });
    });
    cy.on('drag', 'node', (event) => {
      const node = event.target as cytoscape.NodeSingular;
      const target = dropTarget(node.id(), node.position(), boxes);
      cy.nodes('.drop-target').removeClass('drop-target');
      if (target) cy.getElementById(target).addClass('drop-target');
    });
    cy.on('free', 'node', (event) => {
      const node = event.target as cytoscape.NodeSingular;
      cy.nodes('.drop-target').removeClass('drop-target');
      if (!grabbed || grabbed.id !== node.id()) return;
      const target = dropTarget(node.id(), node.position(), boxes);
      const from = grabbed;
      grabbed = null;
      node.position({ x: from.x, y: from.y });
      if (target) handlers.current.onDrop(node.id(), target);
    });
    const release = keepSized(cy, container.current);
    return () => {
      release();
      cyRef.current = null;
      fitted.current = false;
    };
    // The instance lives as long as the component; elements are swapped below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.style(style(large));
    replaceElements(cy, elements);
    cy.autoungrabify(!canWrite);
    if (!fitted.current) {
      fitAtMost(cy, 1.2);
      fitted.current = true;
    }
    if (selected && cy.getElementById(selected).nonempty()) cy.getElementById(selected).select();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [elements, canWrite, large]);

  const focusOn = (id: string) => {
    const cy = cyRef.current;
    if (!cy) return;
    const node = cy.getElementById(id);
    if (node.empty()) return;
    cy.elements().unselect();
    node.select();
    setSelected(id);
    cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1) }, { duration: 250 });
  };

  const person = selected ? people.get(selected) : undefined;
  const managerLine = person ? graph.reporting.find((l) => l.person === person.id) : undefined;
  const manager = managerLine ? people.get(managerLine.manager) : undefined;
  const reports = person ? graph.reporting.filter((l) => l.manager === person.id).length : 0;

  return (
    <div>
      <Space wrap style={{ marginBottom: 8 }}>
        {tools}
        <Select
          showSearch
          allowClear
          placeholder={<><AimOutlined /> {t('table.search')}</>}
          style={{ width: 260 }}
          optionFilterProp="label"
          options={graph.people.map((p) => ({ value: p.id, label: p.title ? `${p.name} · ${p.title}` : p.name }))}
          onChange={(id: string | undefined) => id && focusOn(id)}
          data-testid="orgchart-find"
          aria-label={t('table.search')}
        />
        <Button icon={<ExpandOutlined />} onClick={() => cyRef.current?.fit(undefined, 30)}>{t('orgchart.fit')}</Button>
        <Typography.Text type="secondary">{t('orgchart.nodes', { count: graph.people.length })}</Typography.Text>
        {large ? <Typography.Text type="secondary">{t('orgchart.large')}</Typography.Text> : null}
      </Space>
      <div style={{ display: 'flex', gap: 12, alignItems: 'stretch' }}>
        <GraphCanvas
          canvas={container}
          testId="orgchart"
          label={t('tabs.orgchart')}
          nodes={elements.nodes.length}
          edges={elements.edges.length}
          empty={graph.people.length === 0 ? t('orgchart.empty') : null}
        />
        <div style={{ width: 270, flex: 'none', display: 'flex', flexDirection: 'column', gap: 12 }}>
          {person ? (
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
              </Descriptions>
              <Space direction="vertical" style={{ width: '100%' }}>
                <Link to={`/people/${encodeURIComponent(person.id)}`} data-testid="orgchart-open-person">{t('orgchart.openPerson')}</Link>
                {canWrite ? <Button size="small" onClick={() => onMoveRequest(person.id)}>{t('orgchart.moveThis')}</Button> : null}
              </Space>
            </Card>
          ) : null}
          <Card size="small" title={t('orgchart.legend')} data-testid="orgchart-legend">
            <Space direction="vertical" size={4} style={{ fontSize: 12 }}>
              <span>{t('orgchart.legendColor')}</span>
              <Space wrap size={[4, 4]}>
                {(['strong_support', 'support', 'neutral', 'oppose', 'strong_oppose'] as const).map((a) => (
                  <Tag key={a} style={{ margin: 0 }}>
                    <Dot color={ATTITUDE_COLOR[a]} border="#595959" /> {t(`attitude.${a}`, { ns: 'common' })}
                  </Tag>
                ))}
              </Space>
              <span><Dot color="#fff" border="#8c8c8c" dashed /> {t('orgchart.legendUnknown')}</span>
              <span><Dot color="#fff" border={VETO_COLOR} thick /> {t('orgchart.legendVeto')}</span>
              <span><Dot color="#fff" border={APPROVE_COLOR} thick /> {t('orgchart.legendApprove')}</span>
              <span><Dot color="#fff" border={BOTH_COLOR} thick /> {t('orgchart.legendBoth')}</span>
              <span>{t('orgchart.legendKey')}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('orgchart.legendDrag')}</Typography.Text>
            </Space>
          </Card>
        </div>
      </div>
    </div>
  );
}

export function Dot({ color, border, dashed, thick, size = 12, shape = 'circle' }: {
  color: string; border: string; dashed?: boolean; thick?: boolean; size?: number; shape?: 'circle' | 'square' | 'diamond';
}) {
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-block',
        width: size,
        height: size,
        verticalAlign: 'middle',
        background: color,
        border: `${thick ? 3 : 1.5}px ${dashed ? 'dashed' : 'solid'} ${border}`,
        borderRadius: shape === 'circle' ? '50%' : shape === 'square' ? 3 : 0,
        transform: shape === 'diamond' ? 'rotate(45deg) scale(0.8)' : undefined,
      }}
    />
  );
}
