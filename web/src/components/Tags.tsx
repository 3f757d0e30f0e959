// Small labels: an attitude (unknown is dashed and hollow, so it never looks like a value), a tier, a strategy.
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Attitude, Strategy, Tier } from '../api/types';
import { ATTITUDE_COLOR, isSmallSample, STRATEGY_COLOR, TIER_COLOR } from '../lib/format';
import { SmallSampleMark } from './Figure';

export function AttitudeTag({ value, inherited }: { value: Attitude | null | undefined; inherited?: boolean }) {
  const { t } = useTranslation();
  const attitude: Attitude = value ?? 'unknown';
  const unknown = attitude === 'unknown';
  const dark = attitude === 'strong_support' || attitude === 'strong_oppose';
  const tag = (
    <Tag
      data-attitude={attitude}
      style={{
        background: unknown ? 'transparent' : ATTITUDE_COLOR[attitude],
        color: unknown ? '#8c8c8c' : dark ? '#fff' : '#1f1f1f',
        borderStyle: unknown || inherited ? 'dashed' : 'solid',
        borderColor: unknown ? '#bfbfbf' : ATTITUDE_COLOR[attitude],
        fontStyle: inherited ? 'italic' : undefined,
        // "Strong support" wraps in a narrow column rather than widening its table.
        whiteSpace: 'normal',
      }}
    >
      {t(`attitude.${attitude}`)}
      {inherited ? ' ↑' : ''}
    </Tag>
  );
  return inherited ? <Tooltip title={t('opportunity:inheritedHint', { defaultValue: '' }) || undefined}>{tag}</Tooltip> : tag;
}

/** A tier; with `known`, a tier resting on 1 or 2 known values carries the small-sample mark. */
export function TierTag({ tier, known }: { tier: Tier | null | undefined; known?: number | null }) {
  const { t } = useTranslation();
  if (!tier) return <Tag style={{ borderStyle: 'dashed', color: '#8c8c8c' }}>{t('tier.none')}</Tag>;
  const tag = <Tag color={TIER_COLOR[tier]} data-tier={tier}>{t(`tier.${tier}`)}</Tag>;
  if (!isSmallSample(known)) return tag;
  return <span style={{ whiteSpace: 'nowrap' }}>{tag}<SmallSampleMark known={known} /></span>;
}

export function StrategyTag({ strategy, overridden }: { strategy: Strategy | null | undefined; overridden?: boolean }) {
  const { t } = useTranslation();
  if (!strategy) return null;
  return (
    <Tag color={STRATEGY_COLOR[strategy]} style={overridden ? { textDecoration: 'line-through' } : undefined} data-strategy={strategy}>
      {t(`strategy.${strategy}`)}
    </Tag>
  );
}
