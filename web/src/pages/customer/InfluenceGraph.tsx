// The influence graph: the customer's people with our employees, competitors' staff and others linked to
// them. A force layout for graphs of a few hundred nodes, concentric rings (inside, then outsiders) above.
import { ExpandOutlined } from '@ant-design/icons';
import { Button, Card, Space, Switch, Typography } from 'antd';
import type cytoscape from 'cytoscape';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ATTITUDE_COLOR } from '../../lib/format';
import type { CustomerGraph } from './api';
import { createCy, fitAtMost, keepSized, LARGE, replaceElements } from './cy';
import { GraphCanvas } from './GraphCanvas';
import { influenceElements, SIDE_STYLE } from './influence';
import { Dot } from './OrgChart';

const STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(color)',
      'border-color': 'data(border)',
      'border-style': 'data(borderStyle)' as unknown as 'solid',
      'border-width': 2,
      shape: 'data(shape)' as unknown as 'ellipse',
      width: 'data(size)',
      height: 'data(size)',
      label: 'data(label)',
      'text-wrap': 'wrap',
      'text-max-width': '120px',
      'text-valign': 'bottom',
      'text-margin-y': 3,
      'font-size': 11,
      color: '#262626',
      'min-zoomed-font-size': 5,
    },
  },
  { selector: 'node:selected', style: { 'overlay-color': '#1d4ed8', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
  {
    selector: 'edge',
    style: {
      width: 'data(width)',
      'line-style': 'data(lineStyle)' as unknown as 'solid',
      'line-color': '#8c8c8c',
      'target-arrow-color': '#8c8c8c',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.9,
      'curve-style': 'bezier',
      opacity: 0.85,
    },
  },
  { selector: 'edge[strength = "strong"]', style: { 'line-color': '#595959', 'target-arrow-color': '#595959' } },
];

export function InfluenceGraph({ graph }: { graph: CustomerGraph }) {
  const { t } = useTranslation('customer');
  const navigate = useNavigate();
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<cytoscape.Core | null>(null);
  const [onlyLinked, setOnlyLinked] = useState(graph.people.length > 60);
  const elements = useMemo(() => influenceElements(graph, onlyLinked), [graph, onlyLinked]);
  const navigateRef = useRef(navigate);
  navigateRef.current = navigate;

  useEffect(() => {
    if (!container.current) return undefined;
    const cy = createCy(container.current, elements.nodes.length, STYLE);
    cyRef.current = cy;
    cy.on('dbltap', 'node', (event) => {
      const id = event.target.id() as string;
      if (event.target.data('side') === 'internal') navigateRef.current(`/people/${encodeURIComponent(id)}`);
    });
    const release = keepSized(cy, container.current);
    return () => {
      release();
      cyRef.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    replaceElements(cy, elements);
    if (!elements.nodes.length) return;
    const large = elements.nodes.length > LARGE;
    const layout = large
      ? cy.layout({
          name: 'concentric',
          concentric: (node: cytoscape.NodeSingular) => (node.data('side') === 'internal' ? 2 : 1),
          levelWidth: () => 1,
          minNodeSpacing: 8,
          animate: false,
        })
      : cy.layout({ name: 'cose', animate: false, randomize: true, nodeRepulsion: () => 9000, idealEdgeLength: () => 90, numIter: 1500, padding: 20 } as cytoscape.LayoutOptions);
    layout.run();
    fitAtMost(cy, 1.3);
  }, [elements]);

  const other = elements.counts.partner + elements.counts.customer;
  return (
    <div>
      <Space wrap style={{ marginBottom: 8 }}>
        <Space>
          <Switch checked={onlyLinked} onChange={setOnlyLinked} data-testid="influence-only-linked" aria-label={t('influence.onlyLinked')} />
          <span>{t('influence.onlyLinked')}</span>
        </Space>
        <Button icon={<ExpandOutlined />} onClick={() => cyRef.current?.fit(undefined, 30)}>{t('orgchart.fit')}</Button>
        <Typography.Text type="secondary" data-testid="influence-counts">
          {t('influence.counts', { ...elements.counts, other, links: elements.edges.length })}
        </Typography.Text>
      </Space>
      <div style={{ display: 'flex', gap: 12 }}>
        <GraphCanvas
          canvas={container}
          testId="influence-graph"
          label={t('tabs.influence')}
          nodes={elements.nodes.length}
          edges={elements.edges.length}
          empty={elements.edges.length === 0 ? t('influence.empty') : null}
        />
        <Card size="small" title={t('orgchart.legend')} style={{ width: 270, flex: 'none', alignSelf: 'flex-start' }} data-testid="influence-legend">
          <Space direction="vertical" size={6} style={{ fontSize: 12 }}>
            <span><Dot color={ATTITUDE_COLOR.support} border={SIDE_STYLE.internal.border} /> {t('influence.legendInternal')}</span>
            <span><Dot color={SIDE_STYLE.ours.color} border={SIDE_STYLE.ours.border} shape="square" /> {t('influence.legendOurs')}</span>
            <span><Dot color={SIDE_STYLE.competitor.color} border={SIDE_STYLE.competitor.border} shape="diamond" /> {t('influence.legendCompetitor')}</span>
            <span><Dot color={SIDE_STYLE.partner.color} border={SIDE_STYLE.partner.border} shape="square" /> {t('influence.legendPartner')}</span>
            <span><Dot color={SIDE_STYLE.customer.color} border={SIDE_STYLE.customer.border} shape="square" /> {t('influence.legendCustomer')}</span>
            <span>{t('influence.legendEdges')}</span>
          </Space>
        </Card>
      </div>
    </div>
  );
}
