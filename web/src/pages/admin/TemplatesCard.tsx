// The tactics of each strategy: the company template (admins edit) and the user's own version.
import { App, Button, Card, Form, Input, Popconfirm, Space, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApi } from '../../api/hooks';
import type { Strategy, StrategyTemplates, TacticText } from '../../api/types';
import { PageState } from '../../components/PageState';
import { StrategyTag } from '../../components/Tags';
import { errorText } from '../../lib/errors';
import { useUserNames } from '../../state/useUserNames';
import { FormModal } from './FormModal';
import { TACTIC_LIMIT, tacticProblem, tacticRequest, tacticText, utf8Length, type TacticForm } from './strategyModel';

type Editing = { strategy: Strategy; kind: 'company' | 'personal'; text: TacticText | null } | null;

function Tactics({ text }: { text: TacticText }) {
  const { i18n } = useTranslation();
  return <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>{tacticText(text, i18n.language)}</Typography.Paragraph>;
}

export function TemplatesCard({ admin }: { admin: boolean }) {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const templates = useApi<StrategyTemplates[]>('/strategy/templates');
  const userName = useUserNames((templates.data ?? []).flatMap((x) => [x.company.updated_by, x.personal?.updated_by]));
  const [editing, setEditing] = useState<Editing>(null);
  const strategyName = (s: Strategy) => t(`strategy.${s}`, { ns: 'common' });

  const updated = (text: TacticText) => {
    if (!text.updated_at) return t('strategy.never');
    const at = dayjs(text.updated_at).format('YYYY-MM-DD HH:mm');
    if (!text.updated_by) return t('strategy.updated', { at });
    return t('strategy.updatedBy', { at, by: userName(text.updated_by) ?? t('figures.loadingName', { ns: 'common' }) });
  };

  async function removePersonal(strategy: Strategy) {
    try {
      await api.del(`/strategy/templates/${strategy}/personal`);
      message.success(t('strategy.removed'));
    } catch (error) {
      message.error(errorText(error));
    }
    templates.reload();
  }

  const byteRule = {
    validator: (_: unknown, value: string | undefined) =>
      !value || utf8Length(value) <= TACTIC_LIMIT ? Promise.resolve() : Promise.reject(new Error(t('strategy.textRule'))),
  };

  return (
    <Card size="small" title={t('strategy.templates')} data-testid="templates-card">
      <Typography.Paragraph type="secondary">{t('strategy.templatesHint')}</Typography.Paragraph>
      <PageState loading={templates.loading && !templates.data} error={templates.error} onRetry={templates.reload}>
        <Tabs
          items={(templates.data ?? []).map((item) => ({
            key: item.strategy,
            label: strategyName(item.strategy),
            children: (
              <Space direction="vertical" style={{ width: '100%' }} data-testid={`template-${item.strategy}`}>
                <Card
                  size="small"
                  type="inner"
                  title={<Space><StrategyTag strategy={item.strategy} />{t('strategy.company')}</Space>}
                  extra={admin && (
                    <Button size="small" onClick={() => setEditing({ strategy: item.strategy, kind: 'company', text: item.company })}>
                      {t('strategy.editCompany')}
                    </Button>
                  )}
                >
                  <Tactics text={item.company} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{updated(item.company)}</Typography.Text>
                </Card>
                <Card
                  size="small"
                  type="inner"
                  title={t('strategy.personal')}
                  extra={
                    <Space size={4}>
                      <Button size="small" onClick={() => setEditing({ strategy: item.strategy, kind: 'personal', text: item.personal ?? item.company })}
                        data-testid={`personal-edit-${item.strategy}`}>
                        {item.personal ? t('strategy.editPersonal') : t('strategy.addPersonal')}
                      </Button>
                      {item.personal && (
                        <Popconfirm title={t('strategy.removeConfirm', { strategy: strategyName(item.strategy) })} onConfirm={() => removePersonal(item.strategy)}>
                          <Button size="small" danger>{t('strategy.removePersonal')}</Button>
                        </Popconfirm>
                      )}
                    </Space>
                  }
                >
                  {item.personal ? (
                    <>
                      <Tactics text={item.personal} />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{updated(item.personal)}</Typography.Text>
                    </>
                  ) : (
                    <Typography.Text type="secondary">{t('strategy.noPersonal')}</Typography.Text>
                  )}
                </Card>
              </Space>
            ),
          }))}
        />
      </PageState>
      <FormModal<TacticForm>
        open={editing !== null}
        title={editing ? t(editing.kind === 'company' ? 'strategy.companyTitle' : 'strategy.personalTitle', { strategy: strategyName(editing.strategy) }) : ''}
        initialValues={editing?.text ? { zh: editing.text.zh, en: editing.text.en } : {}}
        testId="template-form"
        onClose={() => setEditing(null)}
        onSubmit={async (values) => {
          if (!editing) return;
          const path = `/strategy/templates/${editing.strategy}${editing.kind === 'personal' ? '/personal' : ''}`;
          await api.put(path, tacticRequest(values));
          message.success(editing.kind === 'company' ? t('strategy.savedCompany') : t('strategy.savedPersonal'));
          setEditing(null);
          templates.reload();
        }}
      >
        {(form) => (
          <>
            <Form.Item name="zh" label={t('strategy.zh')} extra={t('strategy.textRule')} rules={[byteRule]}>
              <Input.TextArea autoSize={{ minRows: 5, maxRows: 14 }} />
            </Form.Item>
            <Form.Item
              name="en"
              label={t('strategy.en')}
              dependencies={['zh']}
              rules={[
                byteRule,
                {
                  validator: (_, value: string | undefined) =>
                    tacticProblem({ zh: form.getFieldValue('zh'), en: value }) === 'empty' ? Promise.reject(new Error(t('strategy.oneRequired'))) : Promise.resolve(),
                },
              ]}
            >
              <Input.TextArea autoSize={{ minRows: 5, maxRows: 14 }} />
            </Form.Item>
          </>
        )}
      </FormModal>
    </Card>
  );
}
