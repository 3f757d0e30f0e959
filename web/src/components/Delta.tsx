// A month-over-month or year-over-year change with an arrow: up green, down red, none grey. `inverse` is
// for figures where less is better (un-insighted key persons): a fall is green.
import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { deltaDirection, formatDelta } from '../lib/format';

export function Delta({ value, whole, label, inverse }: { value: number | null | undefined; whole?: boolean; label?: 'mom' | 'yoy'; inverse?: boolean }) {
  const { t } = useTranslation();
  const direction = deltaDirection(value);
  const good = inverse ? 'down' : 'up';
  const color = direction === 'flat' || direction === 'none' ? '#8c8c8c' : direction === good ? '#389e0d' : '#cf1322';
  const icon = direction === 'up' ? <ArrowUpOutlined /> : direction === 'down' ? <ArrowDownOutlined /> : <MinusOutlined />;
  return (
    <span style={{ color, whiteSpace: 'nowrap' }} data-direction={direction}>
      {label ? `${t(`common.${label}`)} ` : ''}
      {icon} {formatDelta(value, whole)}
    </span>
  );
}
