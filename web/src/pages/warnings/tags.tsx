// Labels of a warning: its severity (coloured) and its kind (localized).
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { SEVERITY_COLOR } from './model';

export function SeverityTag({ severity }: { severity: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={SEVERITY_COLOR[severity as keyof typeof SEVERITY_COLOR]} data-severity={severity}>
      {t(`severity.${severity}`, { defaultValue: severity })}
    </Tag>
  );
}

export function KindTag({ kind }: { kind: string }) {
  const { t } = useTranslation('warnings');
  return <Tag data-kind={kind}>{t(`kinds.${kind}`, { defaultValue: kind })}</Tag>;
}
