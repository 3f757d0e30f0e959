// Rating entry in two clicks: a row of the six attitudes per degree (one click), then Save (the second click).
// Date defaults to today, the target to ours, the level to the customer (or the opportunity given). Only the
// degrees whose pick differs from the current value are posted. Used by the person and opportunity pages.
import { CheckOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Grid, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useSubmit } from '../../api/hooks';
import type { Attitude, Dimension, Organization, Rating } from '../../api/types';
import { ATTITUDES, DIMENSIONS } from '../../api/types';
import { ErrorAlert } from '../../components/PageState';
import { ATTITUDE_COLOR, tenantToday } from '../../lib/format';
import { changedDimensions, currentValues, ratingBodies, type Picks } from './rating';

export interface RatingPickerProps {
  person: string;
  /** The person's ratings (every level and target), in recorded order: the current values come from them. */
  history: Rating[];
  competitors: Organization[];
  /** A fixed opportunity (project-level ratings); otherwise the level can be chosen among `opportunities`. */
  opportunity?: string;
  opportunities?: { id: string; name: string }[];
  onSaved(): void;
}

function AttitudeButton({ dimension, value, selected, current, onPick }: {
  dimension: Dimension; value: Attitude; selected: boolean; current: boolean; onPick(): void;
}) {
  const { t } = useTranslation();
  const unknown = value === 'unknown';
  const dark = value === 'strong_support' || value === 'strong_oppose';
  const style: CSSProperties = { minHeight: 44, height: 'auto', whiteSpace: 'normal', padding: '4px 4px', lineHeight: 1.2, width: '100%' };
  if (selected) {
    Object.assign(style, unknown
      ? { borderStyle: 'dashed', borderColor: '#595959', color: '#595959', background: '#f5f5f5', fontWeight: 600 }
      : { background: ATTITUDE_COLOR[value], borderColor: ATTITUDE_COLOR[value], color: dark ? '#fff' : '#1f1f1f', fontWeight: 600 });
  }
  return (
    <Button
      role="radio"
      aria-checked={selected}
      data-testid={`rating-${dimension}-${value}`}
      data-selected={selected}
      style={style}
      onClick={onPick}
    >
      {t(`attitude.${value}`)}
      {current && !selected ? <span aria-hidden style={{ marginLeft: 2, color: '#8c8c8c' }}>•</span> : null}
    </Button>
  );
}

export function RatingPicker({ person, history, competitors, opportunity, opportunities, onSaved }: RatingPickerProps) {
  const { t } = useTranslation('person');
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const phone = !screens.sm;
  const [date, setDate] = useState<Dayjs>(() => tenantToday());
  const [toward, setToward] = useState('ours');
  const [chosenOpportunity, setChosenOpportunity] = useState<string | null>(null);
  const [picks, setPicks] = useState<Picks>({});
  const [note, setNote] = useState('');
  const { saving, error, run } = useSubmit();

  // Six in a row when the words are short (Chinese), three when they are long (English) or the screen is narrow.
  const longWords = ATTITUDES.some((v) => t(`attitude.${v}`, { ns: 'common' }).length > 6);
  const columns = phone || longWords ? 3 : 6;
  const level = opportunity ?? chosenOpportunity;
  const day = date.format('YYYY-MM-DD');
  const current = useMemo(() => currentValues(history, { toward, opportunity: level }, day), [history, toward, level, day]);
  const changed = changedDimensions(picks, current);

  async function save() {
    const bodies = ratingBodies(picks, current, { person, date: day, toward, opportunity: level, note });
    if (!bodies.length) return;
    await run(async () => {
      for (const body of bodies) await api.post('/ratings', body);
      setPicks({});
      setNote('');
      void message.success(t('ratingsSaved', { count: bodies.length }));
      onSaved();
    });
  }

  const options = (
      <div style={phone ? { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8, marginBottom: 12 } : { display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
        <label>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{t('ratingDate')}</Typography.Text>
          <DatePicker
            value={date}
            allowClear={false}
            onChange={(d) => d && setDate(d)}
            disabledDate={(d) => d.isAfter(tenantToday(), 'day')}
            style={{ width: phone ? '100%' : 140 }}
            data-testid="rating-date"
          />
        </label>
        <label>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{t('toward')}</Typography.Text>
          <Select
            value={toward}
            onChange={setToward}
            style={{ width: phone ? '100%' : 170 }}
            data-testid="rating-toward"
            options={[{ value: 'ours', label: t('ours') }, ...competitors.map((c) => ({ value: c.id, label: c.name }))]}
          />
        </label>
        {opportunity === undefined && opportunities && (
          <label style={phone ? { gridColumn: '1 / span 2' } : undefined}>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{t('scope')}</Typography.Text>
            <Select
              value={chosenOpportunity ?? ''}
              onChange={(v) => setChosenOpportunity(v || null)}
              style={{ width: phone ? '100%' : 220 }}
              data-testid="rating-opportunity"
              showSearch
              optionFilterProp="label"
              options={[{ value: '', label: t('chooseOpportunity') }, ...opportunities.map((o) => ({ value: o.id, label: o.name }))]}
            />
          </label>
        )}
      </div>
  );

  return (
    <div data-testid="rating-picker">
      {!phone && options}
      {DIMENSIONS.map((dimension) => {
        const shown = picks[dimension] ?? current[dimension];
        return (
          <div key={dimension} style={{ marginBottom: 12 }} role="radiogroup" aria-label={t(`dimension.${dimension}`, { ns: 'common' })}>
            <div style={{ marginBottom: 4 }}>
              <Typography.Text strong>{t(`dimension.${dimension}`, { ns: 'common' })}</Typography.Text>{' '}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('currentValue', { value: t(`attitude.${current[dimension]}`, { ns: 'common' }) })}
              </Typography.Text>
              {changed.includes(dimension) && (
                <Typography.Text type="success" style={{ fontSize: 12, marginLeft: 8 }}>
                  <CheckOutlined /> {t('changed')}
                </Typography.Text>
              )}
            </div>
            <div style={{ display: 'grid', gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, gap: 6 }}>
              {ATTITUDES.map((value) => (
                <AttitudeButton
                  key={value}
                  dimension={dimension}
                  value={value}
                  selected={shown === value}
                  current={current[dimension] === value}
                  onPick={() => setPicks((p) => ({ ...p, [dimension]: value }))}
                />
              ))}
            </div>
          </div>
        );
      })}
      {phone && options}
      <Input.TextArea
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={2000}
        autoSize={{ minRows: 1, maxRows: 4 }}
        placeholder={t('ratingNote')}
        aria-label={t('ratingNote')}
        style={{ marginBottom: 8 }}
        data-testid="rating-note"
      />
      {error !== undefined && <div style={{ marginBottom: 8 }}><ErrorAlert error={error} /></div>}
      <Button
        type="primary"
        size="large"
        block={phone}
        style={{ minHeight: 44, minWidth: 120 }}
        loading={saving}
        disabled={!changed.length}
        onClick={() => void save()}
        data-testid="rating-save"
        title={changed.length ? undefined : t('nothingChanged')}
      >
        {t('save')}{changed.length ? ` (${changed.length})` : ''}
      </Button>
    </div>
  );
}
