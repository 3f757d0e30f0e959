// A month-over-month or year-over-year change with an arrow, written in the unit of its figure (lib/format):
// percentage points under a percent, a count with its relative change under a count. Its colour says what it
// means, not which way it moves: `better` is the direction that is good news (down for opposers, unknown,
// un-insighted; neither for neutral persons).
import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExplainTarget } from '../lib/explain';
import { deltaDirection, deltaTone, formatMeanDelta, relativeChange, TONE_COLOR, useFormat, type Better } from '../lib/format';
import { Explainable } from './Explainable';

/** 'pp': a mean's change shown under its percent; 'count': a count's change (with `current` for the relative
 * change); 'mean': a mean's change where the mean itself is the figure. */
export type DeltaUnit = 'pp' | 'count' | 'mean';

/** With `explain` (a degree's change), a click opens who made the change: the attribution of `explain.compare`,
 * else of `label`. */
export function Delta({ value, unit, current, label, better = 'up', explain }: {
  value: number | null | undefined; unit: DeltaUnit; current?: number | null; label?: 'mom' | 'yoy'; better?: Better;
  explain?: ExplainTarget;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const direction = deltaDirection(value);
  const tone = deltaTone(value, better);
  const icon = direction === 'up' ? <ArrowUpOutlined /> : direction === 'down' ? <ArrowDownOutlined /> : <MinusOutlined />;
  const shown = unit === 'pp' ? format.points(value) : unit === 'count' ? format.countDelta(value, current) : formatMeanDelta(value, format.lang);
  const relative = unit === 'count' && value ? relativeChange(value, current) !== null : false;
  const tip = unit === 'pp' ? t('figures.ppTip') : relative ? t('figures.relativeTip') : null;
  // A count's change breaks, if it must, only before its relative change ("环比 ↑ +1" / "（相对 +4.5%）").
  const count = unit === 'count' ? format.countDelta(value) : shown;
  const rest = count !== shown && shown.startsWith(count) ? shown.slice(count.length) : '';
  const body = (
    <span style={{ color: TONE_COLOR[tone], whiteSpace: rest ? 'normal' : 'nowrap' }} data-direction={direction} data-tone={tone} data-testid="delta">
      <span style={{ whiteSpace: 'nowrap' }}>
        {label ? `${t(`common.${label}`)} ` : ''}
        {icon} {rest ? count : shown}
      </span>
      {rest ? <span style={{ whiteSpace: 'nowrap' }}>{rest}</span> : null}
    </span>
  );
  const shownBody = tip ? <Tooltip title={tip}>{body}</Tooltip> : body;
  const compare = explain?.compare ?? label;
  if (!explain || !compare || value === null || value === undefined || unit === 'count') return shownBody;
  return (
    <Explainable target={{ ...explain, compare, unit }} testId={`explain-${compare}`}>
      {shownBody}
    </Explainable>
  );
}
