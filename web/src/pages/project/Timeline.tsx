// The timeline of the milestone model (节): reached milestones as filled dots on a solid line, expected ones
// as hollow dots on a dashed line, due ones orange, overdue ones red, unknown ones grey; as-of marked.
import { Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProjectMilestone } from '../../api/project';
import { timelineLayout, type MilestoneState } from './logic';

const COLOR: Record<MilestoneState, string> = {
  reached: '#237804', expected: '#1d4ed8', due: '#d46b08', overdue: '#cf1322', unknown: '#8c8c8c',
};

export function Timeline({ milestones, asOf, kindName }: { milestones: ProjectMilestone[]; asOf: string; kindName(kind: string): string }) {
  const { t } = useTranslation('project');
  const layout = timelineLayout(milestones, asOf);
  const width = Math.max(720, milestones.length * 130);
  const left = 60;
  const inner = width - 2 * left;
  const y = 46;
  const xOf = (x: number) => left + x * inner;
  const points = layout.points;
  return (
    <div data-testid="timeline">
      <div style={{ overflowX: 'auto' }}>
        <svg width={width} height={130} role="img" aria-label={t('timing.title')} style={{ display: 'block' }}>
          {points.slice(1).map((p, i) => {
            const a = points[i];
            const solid = a.state === 'reached' && p.state === 'reached';
            return (
              <line key={`seg-${p.kind}`} x1={xOf(a.x)} y1={y} x2={xOf(p.x)} y2={y}
                stroke={solid ? COLOR.reached : '#bfbfbf'} strokeWidth={solid ? 3 : 2} strokeDasharray={solid ? undefined : '6 4'} />
            );
          })}
          {layout.today !== null && (
            <g>
              <line x1={xOf(layout.today)} y1={y - 26} x2={xOf(layout.today)} y2={y + 26} stroke="#722ed1" strokeWidth={1.5} strokeDasharray="3 3" />
              <text x={xOf(layout.today)} y={y - 30} textAnchor="middle" fontSize={11} fill="#722ed1">{t('timing.asOf', { date: asOf })}</text>
            </g>
          )}
          {points.map((p) => {
            const filled = p.state === 'reached';
            return (
              <g key={p.kind} data-testid={`timeline-${p.kind}`} data-state={p.state}>
                <circle cx={xOf(p.x)} cy={y} r={p.state === 'overdue' ? 10 : 8}
                  fill={filled ? COLOR.reached : '#fff'} stroke={COLOR[p.state]} strokeWidth={filled ? 2 : 2.5}
                  strokeDasharray={filled || p.state === 'overdue' ? undefined : '3 2'} />
                <text x={xOf(p.x)} y={y + 28} textAnchor="middle" fontSize={12} fill="#1f1f1f" fontWeight={p.state === 'overdue' ? 600 : 400}>{kindName(p.kind)}</text>
                <text x={xOf(p.x)} y={y + 44} textAnchor="middle" fontSize={11} fill={COLOR[p.state]} fontStyle={filled ? undefined : 'italic'}>
                  {p.date ? (filled ? p.date : `${t('timing.expectedShort')} ${p.date}`) : t('timing.noDate')}
                </text>
                {p.state === 'overdue' && (
                  <text x={xOf(p.x)} y={y + 60} textAnchor="middle" fontSize={11} fill={COLOR.overdue} fontWeight={600}>{t('timing.overdueDays', { count: p.days ?? 0 })}</text>
                )}
                {p.state === 'due' && (
                  <text x={xOf(p.x)} y={y + 60} textAnchor="middle" fontSize={11} fill={COLOR.due}>{t('timing.dueDays', { count: p.days ?? 0 })}</text>
                )}
              </g>
            );
          })}
        </svg>
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 4 }} data-testid="timeline-legend">
        {(['reached', 'expected', 'due', 'overdue', 'unknown'] as MilestoneState[]).map((s) => (
          <Tooltip key={s} title={t(`timing.stateHint.${s}`)}>
            <Tag style={{ borderStyle: s === 'reached' || s === 'overdue' ? 'solid' : 'dashed', color: COLOR[s], borderColor: COLOR[s], background: s === 'reached' ? '#f6ffed' : '#fff' }}>
              {s === 'reached' ? '●' : '○'} {t(`timing.state.${s}`)}
            </Tag>
          </Tooltip>
        ))}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('timing.legend')}</Typography.Text>
      </div>
    </div>
  );
}
