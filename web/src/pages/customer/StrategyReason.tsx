// Why the customer's strategy is recommended (the metrics' `strategy_reason`): the rule that held with its numbers
// against the thresholds, and the concrete list that would change it — the key persons to profile (linked, with
// the features they miss) and the means to lift above what. Texts are in the 'explain' namespace.
import { Button, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { StrategyReason as Reason } from '../../api/explain';
import { liftLines, reasonLines, thresholdValues, type ReasonLine } from '../../lib/explain';

/** Key persons to profile shown before "N more". */
const FIRST = 8;

export function StrategyReason({ reason }: { reason: Reason }) {
  const { t, i18n } = useTranslation('explain');
  const [all, setAll] = useState(false);
  const lang = i18n.language;
  const say = (line: ReasonLine, prefix = 'reason') =>
    t(`${prefix}.${line.key}`, {
      ...line.values,
      dimension: line.dimension ? t(`dimension.${line.dimension}`, { ns: 'common' }) : '',
      tier: line.tier ? t(`tier.${line.tier}`, { ns: 'common' }) : '',
    });
  const lines = reasonLines(reason, lang);
  const lifts = liftLines(reason, lang);
  const people = all ? reason.to_profile : reason.to_profile.slice(0, FIRST);
  const changes = reason.key_persons_needed > 0 || reason.to_profile.length > 0 || lifts.length > 0 || reason.rule === 'all_good';
  return (
    <div data-testid="strategy-reason" data-rule={reason.rule} style={{ background: '#fafafa', borderRadius: 6, padding: '8px 12px', marginBottom: 8 }}>
      <Space wrap size={8}>
        <Typography.Text strong>{t('reason.title')}</Typography.Text>
        <Tag color="geekblue" data-testid="strategy-rule">{t(`reason.rule.${reason.rule}`)}</Tag>
      </Space>
      <ul style={{ paddingLeft: 20, margin: '4px 0' }} data-testid="strategy-reason-lines">
        {lines.map((line, i) => <li key={i} data-key={line.key}>{say(line)}</li>)}
      </ul>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '0 0 4px' }}>
        {t('reason.thresholds', thresholdValues(reason, lang))} {t('reason.oursOnly')}
      </Typography.Paragraph>
      {changes ? (
        <div data-testid="strategy-change">
          <Typography.Text strong>{t('reason.change')}</Typography.Text>
          <ul style={{ paddingLeft: 20, margin: '4px 0 0' }}>
            {reason.key_persons_needed > 0 ? <li data-testid="strategy-add-key-persons">{t('reason.addKeyPersons', { count: reason.key_persons_needed })}</li> : null}
            {reason.to_profile.length ? (
              <li>
                {t('reason.toProfile')}
                <ul style={{ paddingLeft: 16, margin: 0 }} data-testid="strategy-to-profile">
                  {people.map((p) => (
                    <li key={p.person} data-person={p.person}>
                      <Link to={`/people/${encodeURIComponent(p.person)}`}>{p.name}</Link>{' '}
                      {p.missing.map((f) => <Tag key={f} style={{ marginInlineEnd: 4 }} data-feature={f}>{t(`feature.${f}`)}</Tag>)}
                    </li>
                  ))}
                </ul>
                {reason.to_profile.length > FIRST ? (
                  <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setAll(!all)} data-testid="strategy-to-profile-more">
                    {all ? t('common.close', { ns: 'common' }) : t('reason.more', { count: reason.to_profile.length - FIRST })}
                  </Button>
                ) : null}
              </li>
            ) : null}
            {lifts.map((line) => <li key={line.key + line.dimension} data-testid="strategy-lift" data-dimension={line.dimension}>{say(line, 'reason')}</li>)}
            {reason.rule === 'all_good' ? <li>{t('reason.keep')}</li> : null}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
