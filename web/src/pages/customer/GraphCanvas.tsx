// The box a Cytoscape graph draws in, with its node and edge counts for tests, and an empty state on top.
import { Empty } from 'antd';
import type { ReactNode, RefObject } from 'react';

export function GraphCanvas({ canvas, testId, label, nodes, edges, empty }: {
  canvas: RefObject<HTMLDivElement>; testId: string; label: string; nodes: number; edges: number; empty: ReactNode | null;
}) {
  return (
    <div style={{ flex: 1, minWidth: 0, position: 'relative' }}>
      <div
        ref={canvas}
        data-testid={testId}
        data-nodes={nodes}
        data-edges={edges}
        role="img"
        aria-label={label}
        style={{ height: 560, border: '1px solid #f0f0f0', borderRadius: 6, background: '#fcfcfc' }}
      />
      {empty !== null ? (
        <div style={{ position: 'absolute', top: 16, left: 0, right: 0, display: 'flex', justifyContent: 'center', pointerEvents: 'none' }}>
          <Empty description={empty} />
        </div>
      ) : null}
    </div>
  );
}
