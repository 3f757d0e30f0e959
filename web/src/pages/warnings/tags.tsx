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
  // A long kind wraps rather than widening its column; an unknown kind reads "Other warning", not its code.
  return <Tag data-kind={kind} style={{ whiteSpace: 'normal', maxWidth: '100%' }}>{t(`kinds.${kind}`, { defaultValue: t('unknownKind') })}</Tag>;
}
