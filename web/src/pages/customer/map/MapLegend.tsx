// The map's legend, drawn with the same icons as the cards.
import { Card, Space, Typography } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTITUDES } from '../../../api/types';
import { degreeImage, importanceImage, voteImage } from './glyphs';
import { CENTRE_COLOR, GAP_COLOR, LINK_COLOR, LINK_KINDS, ROLE_COLOR } from './model';

/** An icon as the cards show it (the same image). */
function Icon({ src, label }: { src: string; label?: string }) {
  return <img src={src} width={18} height={18} alt={label ?? ''} style={{ verticalAlign: 'middle' }} />;
}

function Swatch({ color, dashed, text }: { color: string; dashed?: boolean; text?: boolean }) {
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-block', width: 18, height: 12, marginRight: 6, verticalAlign: 'middle', borderRadius: 3,
        background: text ? color : '#ffffff', border: `2px ${dashed ? 'dashed' : 'solid'} ${color}`,
      }}
    />
  );
}

export const MapLegend = memo(function MapLegend() {
  const { t } = useTranslation('customer');
  return (
    <Card size="small" title={t('map.legend')} data-testid="orgchart-legend">
      <Space direction="vertical" size={6} style={{ fontSize: 12 }}>
        <span>{t('map.legendCard')}</span>
        <span>
          <Icon src={degreeImage('closeness', 'support')} /> <Icon src={degreeImage('solution', 'support')} />{' '}
          <Icon src={degreeImage('price', 'support')} /> {t('map.legendDegrees')}
        </span>
        <Space wrap size={[6, 4]}>
          {ATTITUDES.map((a) => (
            <span key={a} style={{ whiteSpace: 'nowrap' }}>
              <Icon src={degreeImage('closeness', a)} label={t(`attitude.${a}`, { ns: 'common' })} /> {t(`attitude.${a}`, { ns: 'common' })}
            </span>
          ))}
        </Space>
        <span>
          <Icon src={voteImage('veto', 'yes')} /> <Icon src={voteImage('approve', 'yes')} /> <Icon src={voteImage('approve', 'unknown')} /> {t('map.legendVotes')}
        </span>
        <span><Icon src={importanceImage('high')} /> {t('map.legendImportance')}</span>
        <span><Swatch color="#434343" /> {t('map.legendKey')}</span>
        <span><Swatch color={CENTRE_COLOR} /> {t('map.legendCentre')}</span>
        <span><Swatch color={ROLE_COLOR} text /> {t('map.legendRole')}</span>
        <span><Swatch color={GAP_COLOR} dashed /> {t('map.legendGap')}</span>
        <span>{t('map.legendReporting')}</span>
        <span>{t('map.legendLinks')}</span>
        <Space wrap size={[8, 4]}>
          {LINK_KINDS.map((kind) => (
            <span key={kind} style={{ whiteSpace: 'nowrap' }}><Swatch color={LINK_COLOR[kind]} text /> {t(`map.${kind}`)}</span>
          ))}
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('map.legendDrag')}</Typography.Text>
      </Space>
    </Card>
  );
});
