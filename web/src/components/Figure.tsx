// A degree as every page shows it (lib/format): the percent first, the mean second in smaller grey type, and
// a small-sample mark when it rests on fewer than 3 known values.
import { ExclamationCircleOutlined } from '@ant-design/icons';
import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Stats } from '../api/types';
import type { ExplainTarget } from '../lib/explain';
import { isSmallSample, useFormat } from '../lib/format';
import { Explainable } from './Explainable';

/** The mark of a figure with 1 or 2 known values (nothing otherwise). */
export function SmallSampleMark({ known }: { known: number | null | undefined }) {
  const { t } = useTranslation();
  if (!isSmallSample(known)) return null;
  return (
    <Tooltip title={t('figures.smallSampleTip', { known })}>
      <span
        style={{ color: '#d46b08', fontSize: 12, cursor: 'help', whiteSpace: 'nowrap', marginInline: 2 }}
        data-testid="small-sample"
        data-known={known ?? undefined}
        aria-label={t('figures.smallSample')}
      >
        <ExclamationCircleOutlined /> n={known}
      </span>
    </Tooltip>
  );
}

/** A degree's percent with its mean beside it, smaller (`meanShown="tooltip"` in narrow table cells: the mean
 * shows on hover), and the small-sample mark unless `mark` is false (the caller shows it elsewhere). `stats` may
 * be left out (a line sends the mean alone). With `explain`, a click opens the persons behind it. */
export function DegreeFigure({ stats, mean, percent, known, meanShown = 'inline', mark = true, testId, explain }: {
  stats?: Pick<Stats, 'percent' | 'mean' | 'known'> | null; mean?: number | null; percent?: number | null; known?: number | null;
  meanShown?: 'inline' | 'tooltip'; mark?: boolean; testId?: string; explain?: ExplainTarget;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const m = stats ? stats.mean : mean;
  const p = stats ? stats.percent : percent;
  const k = stats ? stats.known : known;
  const meanText = m !== null && m !== undefined ? t('figures.meanSecondary', { mean: format.mean(m) }) : null;
  const value = <span data-testid={testId} data-value={p ?? ''} style={{ whiteSpace: 'nowrap' }}>{format.percent(p)}</span>;
  // Where the space is short (a narrow card), the mean goes under the percent rather than out of sight.
  const figure = (
    <span>
      {meanShown === 'tooltip' && meanText ? <Tooltip title={meanText}>{value}</Tooltip> : value}
      {meanShown === 'inline' && meanText ? (
        <Typography.Text type="secondary" style={{ fontSize: '0.7em', marginLeft: 6, fontWeight: 'normal', whiteSpace: 'nowrap', display: 'inline-block' }} data-testid="figure-mean">
          {meanText}
        </Typography.Text>
      ) : null}
      {mark && isSmallSample(k) ? <span style={{ marginLeft: 4, whiteSpace: 'nowrap', display: 'inline-block' }}><SmallSampleMark known={k} /></span> : null}
    </span>
  );
  return explain ? <Explainable target={explain} testId={testId ? `${testId}-explain` : undefined}>{figure}</Explainable> : figure;
}
