// Small labels: an attitude (unknown is dashed and hollow, so it never looks like a value), a tier, a strategy.
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Attitude, Strategy, Tier } from '../api/types';
import { ATTITUDE_COLOR, STRATEGY_COLOR, TIER_COLOR } from '../lib/format';

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
      }}
    >
      {t(`attitude.${attitude}`)}
      {inherited ? ' ↑' : ''}
    </Tag>
  );
  return inherited ? <Tooltip title={t('opportunity:inheritedHint', { defaultValue: '' }) || undefined}>{tag}</Tooltip> : tag;
}

export function TierTag({ tier }: { tier: Tier | null | undefined }) {
  const { t } = useTranslation();
  if (!tier) return <Tag style={{ borderStyle: 'dashed', color: '#8c8c8c' }}>{t('tier.none')}</Tag>;
  return <Tag color={TIER_COLOR[tier]}>{t(`tier.${tier}`)}</Tag>;
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
