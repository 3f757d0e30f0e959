// The guided review (复盘) that closes an open opportunity: result and date, winner and amounts, the vendors
// with result and rank, our final quote, the evaluation criteria, the lessons with tags; posted at once to
// POST /opportunities/{id}/review (all or nothing). A refused review goes back to the step of the field the
// server names and shows the error beside that field.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Steps, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useNames } from '../../api/hooks';
import { CLOSED_STATUSES, LESSON_KINDS, postReview, VENDOR_RESULTS, type ProjectOpportunity, type ProjectView } from '../../api/project';
import { ErrorAlert } from '../../components/PageState';
import { errorDetail, errorText } from '../../lib/errors';
import { formatAmount, tenantToday } from '../../lib/format';
import { usePerspective } from '../../state/perspective';
import { weightSum } from './logic';
import { formPath, REVIEW_STEPS, reviewBody, stepOfField, type ReviewForm } from './review';

type Values = Omit<ReviewForm, 'closed' | 'quote'> & { closed?: Dayjs; quote?: { price?: number | null; date?: Dayjs | null; round?: number | null } };

/** Which fields each step checks before going on. */
const STEP_FIELDS: (string | (string | number)[])[][] = [['status', 'closed'], [], [], [], [], []];

export function ReviewDialog({ opportunity, view, ours, onCancel, onDone }: {
  opportunity: ProjectOpportunity; view: ProjectView; ours: string | null; onCancel(): void; onDone(): void;
}) {
  const { t, i18n } = useTranslation('project');
  const perspective = usePerspective();
  const [form] = Form.useForm<Values>();
  const [step, setStep] = useState(0);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<{ step: number; error: unknown } | null>(null);
  const criteria = Form.useWatch('criteria', form) as Values['criteria'];
  const sum = weightSum((criteria ?? []).filter(Boolean).map((c) => c?.weight));
  const vendorNames = useNames('organizations', view.people.vendors.map((v) => v.org));
  const orgOptions = [
    ...(ours ? [{ value: ours, label: t('money.ours') }] : []),
    ...perspective.competitors.map((c) => ({ value: c.id, label: c.name })),
    ...view.people.vendors.filter((v) => v.org && v.org !== ours && !perspective.competitors.some((c) => c.id === v.org)).map((v) => ({ value: v.org!, label: vendorNames[v.org!] ?? v.org! })),
  ];
  const ourQuotes = view.money.quotes.filter((q) => q.org === ours);

  const initial: Values = {
    closed: tenantToday(),
    winning_bid: view.money.winning_bid,
    our_bid: view.money.our_bid ?? ourQuotes[ourQuotes.length - 1]?.price ?? null,
    winner: view.money.winner,
    vendors: view.people.vendors.map((v) => ({ org: v.org, result: v.result, rank: v.rank })),
    criteria: view.situation.criteria.map((c) => ({ id: c.id, item: c.item, weight: c.weight, our_score: c.our_score, best_score: c.best_score })),
    lessons: [{ kind: 'note', tags: [], text: '' }],
  };

  async function next() {
    try {
      await form.validateFields(STEP_FIELDS[step] as never);
      setStep((s) => Math.min(s + 1, REVIEW_STEPS.length - 1));
    } catch {
      // The form shows what is missing.
    }
  }

  async function submit() {
    let values: Values;
    try {
      await form.validateFields();
      values = form.getFieldsValue(true) as Values;
    } catch (invalid) {
      const first = (invalid as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0]?.name[0];
      setStep(stepOfField(typeof first === 'string' ? first : ''));
      return;
    }
    const { body, rows } = reviewBody(
      {
        ...values,
        closed: values.closed?.format('YYYY-MM-DD'),
        quote: values.quote ? { price: values.quote.price, round: values.quote.round, date: values.quote.date?.format('YYYY-MM-DD') } : undefined,
      },
      view.situation.criteria.length > 0,
    );
    setSaving(true);
    setFailure(null);
    try {
      await postReview(opportunity.id, body);
      onDone();
    } catch (error) {
      const field = error instanceof ApiError ? error.field : '';
      const target = field ? stepOfField(field) : step;
      setFailure({ step: target, error });
      setStep(target);
      if (field) {
        const detail = errorDetail(error);
        form.setFields([{ name: formPath(field, rows) as never, errors: [detail ? `${errorText(error)} ${detail}` : errorText(error)] }]);
      }
    } finally {
      setSaving(false);
    }
  }

  const pane = (index: number) => ({ display: step === index ? 'block' : 'none' });
  const last = step === REVIEW_STEPS.length - 1;
  return (
    <Modal
      open
      width={880}
      title={t('review.title', { name: opportunity.name })}
      onCancel={onCancel}
      maskClosable={false}
      // Esc meant to close a tag list must not throw six steps away.
      keyboard={false}
      footer={
        <Space>
          <Button onClick={onCancel}>{t('common.cancel', { ns: 'common' })}</Button>
          <Button disabled={step === 0} onClick={() => setStep((s) => s - 1)} data-testid="review-back">{t('review.back')}</Button>
          {last ? (
            <Button type="primary" loading={saving} onClick={() => void submit()} data-testid="review-submit">{t('review.submit')}</Button>
          ) : (
            <Button type="primary" onClick={() => void next()} data-testid="review-next">{t('review.next')}</Button>
          )}
        </Space>
      }
    >
      <div data-testid="review-dialog">
      <Steps size="small" current={step} onChange={(s) => setStep(s)} style={{ marginBottom: 16 }}
        items={REVIEW_STEPS.map((s) => ({ title: t(`review.step.${s}`) }))} />
      {failure && failure.step === step && <div style={{ marginBottom: 12 }} data-testid="review-error"><ErrorAlert error={failure.error} /></div>}
      <Form form={form} layout="vertical" initialValues={initial} preserve>
        <div style={pane(0)}>
          <Form.Item name="status" label={t('review.result')} rules={[{ required: true, message: t('review.chooseResult') }]}>
            <Radio.Group data-testid="review-status" optionType="button" buttonStyle="solid"
              options={CLOSED_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`, { ns: 'common' }) }))} />
          </Form.Item>
          <Form.Item name="closed" label={t('review.closed')} rules={[{ required: true, message: t('review.chooseDate') }]}>
            <DatePicker data-testid="review-closed" disabledDate={(d) => d.isBefore(dayjs(opportunity.opened), 'day')} />
          </Form.Item>
        </div>
        <div style={pane(1)}>
          <Typography.Paragraph type="secondary">{t('review.budget', { amount: formatAmount(view.money.budget, i18n.language, opportunity.currency) })}</Typography.Paragraph>
          <Form.Item name="winner" label={t('money.winner')}>
            <Select allowClear placeholder={t('money.unknownWinner')} options={orgOptions} data-testid="review-winner" showSearch optionFilterProp="label" />
          </Form.Item>
          <Space wrap size="large">
            <Form.Item name="winning_bid" label={t('money.winningBid')}><InputNumber min={0} style={{ width: 200 }} data-testid="review-winning-bid" /></Form.Item>
            <Form.Item name="our_bid" label={t('money.ourBid')}><InputNumber min={0} style={{ width: 200 }} data-testid="review-our-bid" /></Form.Item>
          </Space>
        </div>
        <div style={pane(2)}>
          <Form.List name="vendors">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="start" wrap data-testid={`review-vendor-${field.name}`}>
                    <Form.Item name={[field.name, 'org']} label={field.name === 0 ? t('people.org') : undefined} rules={[{ required: true, message: t('review.chooseOrg') }]}>
                      <Select style={{ width: 260 }} options={orgOptions} showSearch optionFilterProp="label" data-testid={`review-vendor-org-${field.name}`} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'result']} label={field.name === 0 ? t('people.result') : undefined}>
                      <Select style={{ width: 140 }} options={VENDOR_RESULTS.map((r) => ({ value: r, label: t(`vendorResult.${r}`) }))} data-testid={`review-vendor-result-${field.name}`} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'rank']} label={field.name === 0 ? t('people.rank') : undefined}>
                      <InputNumber min={1} precision={0} style={{ width: 90 }} data-testid={`review-vendor-rank-${field.name}`} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.remove', { ns: 'common' })} style={{ marginTop: field.name === 0 ? 30 : 0 }} />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ result: 'unknown' })} data-testid="review-vendor-add">{t('review.addVendor')}</Button>
              </>
            )}
          </Form.List>
        </div>
        <div style={pane(3)}>
          <Typography.Paragraph type="secondary">{t('review.quoteHint')}</Typography.Paragraph>
          <Space wrap size="large">
            <Form.Item name={['quote', 'price']} label={t('money.price')}><InputNumber min={0} style={{ width: 200 }} data-testid="review-quote-price" /></Form.Item>
            <Form.Item name={['quote', 'round']} label={t('money.round')} extra={t('review.roundHint')}><InputNumber min={1} precision={0} style={{ width: 120 }} /></Form.Item>
            <Form.Item name={['quote', 'date']} label={t('common.date', { ns: 'common' })} extra={t('review.quoteDateHint')}><DatePicker /></Form.Item>
          </Space>
        </div>
        <div style={pane(4)}>
          <Form.List name="criteria">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="start" wrap>
                    <Form.Item name={[field.name, 'item']} label={field.name === 0 ? t('situation.item') : undefined} rules={[{ required: true, message: t('review.itemRequired') }]}>
                      <Input style={{ width: 260 }} data-testid={`review-criterion-item-${field.name}`} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'weight']} label={field.name === 0 ? t('situation.weight') : undefined} rules={[{ required: true, message: t('review.weightRequired') }]}>
                      <InputNumber min={0} max={100} style={{ width: 90 }} data-testid={`review-criterion-weight-${field.name}`} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'our_score']} label={field.name === 0 ? t('situation.ourScore') : undefined}>
                      <InputNumber min={0} style={{ width: 90 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'best_score']} label={field.name === 0 ? t('situation.bestScore') : undefined}>
                      <InputNumber min={0} style={{ width: 90 }} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.remove', { ns: 'common' })} style={{ marginTop: field.name === 0 ? 30 : 0 }} />
                  </Space>
                ))}
                <Space>
                  <Button icon={<PlusOutlined />} onClick={() => add()} data-testid="review-criterion-add">{t('review.addCriterion')}</Button>
                  <span data-testid="review-criteria-sum" data-ok={sum.ok ? 'true' : 'false'} style={{ color: sum.ok ? '#389e0d' : '#cf1322', fontWeight: 600 }}>
                    {t('situation.weightSum', { total: sum.total })}{sum.ok ? '' : ` · ${t('situation.weightsNot100')}`}
                  </span>
                </Space>
              </>
            )}
          </Form.List>
        </div>
        <div style={pane(5)}>
          <Form.List name="lessons">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="start" wrap>
                    <Form.Item name={[field.name, 'kind']} label={field.name === 0 ? t('review.lessonKind') : undefined}>
                      <Select style={{ width: 130 }} options={LESSON_KINDS.map((k) => ({ value: k, label: t(`lessonKind.${k}`) }))} data-testid={`review-lesson-kind-${field.name}`} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'tags']} label={field.name === 0 ? t('review.tags') : undefined}>
                      <Select mode="tags" style={{ width: 220 }} placeholder={t('review.tagsHint')} tokenSeparators={[',', '，']} data-testid={`review-lesson-tags-${field.name}`} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'text']} label={field.name === 0 ? t('review.lessonText') : undefined}>
                      <Input.TextArea autoSize style={{ width: 340 }} data-testid={`review-lesson-text-${field.name}`} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.remove', { ns: 'common' })} style={{ marginTop: field.name === 0 ? 30 : 0 }} />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'note', tags: [] })} data-testid="review-lesson-add">{t('review.addLesson')}</Button>
              </>
            )}
          </Form.List>
          <Alert type="info" showIcon style={{ marginTop: 16 }} message={t('review.allOrNothing')} />
        </div>
      </Form>
      </div>
    </Modal>
  );
}
