// The milestone model editor (项目关键时点模型): a customer's own order of milestone kinds (its owner, managers
// and admins change it), or the company default (customer null: admins change it). Drag a kind, or use the
// arrows, to reorder; add a custom kind with a name, or a default kind back; remove one; save.
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, HolderOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, List, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmit } from '../../api/hooks';
import { MILESTONE_DEFAULT, retireModel, saveModel, type MilestoneKind } from '../../api/project';
import { ErrorAlert, PageState } from '../../components/PageState';
import { isDefaultKind, kindCode, kindsProblem, missingDefaults, moveKind } from './modelEditor';
import { useModels } from './useKindNames';

export function MilestoneModelEditor({ customer, canWrite, onSaved }: { customer: string | null; canWrite: boolean; onSaved?(): void }) {
  const { t } = useTranslation('project');
  const { message } = App.useApp();
  const models = useModels(customer);
  const own = customer ? models.data?.own ?? null : models.data?.company ?? null;
  const inherited = customer !== null && !own;
  const source = own ?? models.data?.company ?? null;
  const [kinds, setKinds] = useState<MilestoneKind[]>([]);
  const [dirty, setDirty] = useState(false);
  const [name, setName] = useState('');
  const [dragged, setDragged] = useState<number | null>(null);
  const submit = useSubmit();

  useEffect(() => {
    if (!models.data) return;
    setKinds(source ? source.kinds.map((k) => ({ ...k })) : MILESTONE_DEFAULT.map((kind) => ({ kind })));
    setDirty(false);
  }, [models.data]); // eslint-disable-line react-hooks/exhaustive-deps

  const change = (next: MilestoneKind[]) => {
    setKinds(next);
    setDirty(true);
  };
  const label = (k: MilestoneKind) => t(`milestoneKind.${k.kind}`, { ns: 'common', defaultValue: k.name || k.kind });
  const problem = kindsProblem(kinds);

  async function save() {
    const ok = await submit.run(async () => {
      await saveModel(own, customer, kinds);
    });
    if (ok) {
      message.success(t('model.saved'));
      models.reload();
      onSaved?.();
    }
  }

  async function reset() {
    if (!own) return;
    const ok = await submit.run(async () => {
      await retireModel(own);
    });
    if (ok) {
      message.success(t('model.resetDone'));
      models.reload();
      onSaved?.();
    }
  }

  function add() {
    const text = name.trim();
    if (!text) return;
    change([...kinds, { kind: kindCode(text, kinds), name: text }]);
    setName('');
  }

  const title = customer ? t('model.customerTitle') : t('model.companyTitle');
  return (
    <Card size="small" title={title} data-testid={customer ? 'model-editor' : 'company-model-editor'}
      extra={inherited ? <Tag>{t('model.usesDefault')}</Tag> : customer ? <Tag color="blue">{t('model.own')}</Tag> : null}>
      <PageState loading={models.loading && !models.data} error={models.error} onRetry={models.reload}>
        <Typography.Paragraph type="secondary">{canWrite ? t('model.hint') : t('model.readOnly')}</Typography.Paragraph>
        <List
          size="small"
          bordered
          dataSource={kinds}
          data-testid="model-kinds"
          renderItem={(k, index) => (
            <List.Item
              data-testid={`model-kind-${k.kind}`}
              draggable={canWrite}
              onDragStart={() => setDragged(index)}
              onDragOver={(e) => canWrite && e.preventDefault()}
              onDrop={() => {
                if (dragged !== null && dragged !== index) change(moveKind(kinds, dragged, index));
                setDragged(null);
              }}
              style={{ cursor: canWrite ? 'grab' : undefined, background: dragged === index ? '#e6f4ff' : undefined }}
              actions={canWrite ? [
                <Button key="up" size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => change(moveKind(kinds, index, index - 1))} aria-label={t('model.up')} data-testid={`model-up-${k.kind}`} />,
                <Button key="down" size="small" icon={<ArrowDownOutlined />} disabled={index === kinds.length - 1} onClick={() => change(moveKind(kinds, index, index + 1))} aria-label={t('model.down')} data-testid={`model-down-${k.kind}`} />,
                <Button key="remove" size="small" danger icon={<DeleteOutlined />} onClick={() => change(kinds.filter((_, i) => i !== index))} aria-label={t('common.remove', { ns: 'common' })} data-testid={`model-remove-${k.kind}`} />,
              ] : undefined}
            >
              <Space>
                {canWrite && <HolderOutlined style={{ color: '#8c8c8c' }} />}
                <Typography.Text type="secondary">{index + 1}.</Typography.Text>
                <span>{label(k)}</span>
                {!isDefaultKind(k.kind) && <Tag color="purple">{t('model.custom')}</Tag>}
              </Space>
            </List.Item>
          )}
        />
        {canWrite && (
          <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
            <Space wrap>
              <Input value={name} onChange={(e) => setName(e.target.value)} onPressEnter={add} placeholder={t('model.customName')} style={{ width: 220 }} maxLength={100} data-testid="model-new-name" />
              <Button icon={<PlusOutlined />} onClick={add} disabled={!name.trim()} data-testid="model-add">{t('model.addCustom')}</Button>
              {missingDefaults(kinds).length > 0 && (
                <Select
                  style={{ width: 200 }}
                  placeholder={t('model.addDefault')}
                  value={null}
                  onChange={(kind: string) => change([...kinds, { kind }])}
                  options={missingDefaults(kinds).map((kind) => ({ value: kind, label: t(`milestoneKind.${kind}`, { ns: 'common' }) }))}
                />
              )}
            </Space>
            {problem && dirty && <Typography.Text type="danger" data-testid="model-problem">{t(`model.problem.${problem}`)}</Typography.Text>}
            <Space>
              <Button type="primary" onClick={() => void save()} disabled={!dirty || !!problem} loading={submit.saving} data-testid="model-save">{t('common.save', { ns: 'common' })}</Button>
              {customer && own && (
                <Popconfirm title={t('model.resetConfirm')} onConfirm={() => void reset()} okText={t('common.confirm', { ns: 'common' })} cancelText={t('common.cancel', { ns: 'common' })}>
                  <Button data-testid="model-reset">{t('model.reset')}</Button>
                </Popconfirm>
              )}
            </Space>
            {submit.error !== undefined && <ErrorAlert error={submit.error} />}
          </Space>
        )}
      </PageState>
    </Card>
  );
}
