// Sign-in: login and password, the reason the last session ended, and the language switch.
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { LanguageSwitch } from '../../components/Layout';
import { errorText } from '../../lib/errors';
import { homeOf } from '../../lib/pages';
import { useSession } from '../../state/session';

export default function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function submit(values: { login: string; password: string }) {
    setBusy(true);
    setError(undefined);
    try {
      const signed = await session.login(values.login.trim(), values.password);
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from !== '/login' && from !== '/' ? from : homeOf(signed.user.role), { replace: true });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f5f5f5', padding: 16 }}>
      <Card style={{ width: 380, maxWidth: '100%' }}>
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <Typography.Title level={3} style={{ margin: 0 }}>{t('app.name')}</Typography.Title>
          </Space>
          <Space style={{ width: '100%', justifyContent: 'flex-end' }}><LanguageSwitch /></Space>
          {session.ended === 'expired' && <Alert type="warning" showIcon message={t('shell.sessionExpired')} data-testid="session-expired" />}
          {session.ended === 'signed_out' && <Alert type="info" showIcon message={t('shell.signedOut')} />}
          {error !== undefined && <Alert type="error" showIcon message={errorText(error)} role="alert" data-testid="login-error" />}
          <Form layout="vertical" onFinish={submit} requiredMark={false} autoComplete="on">
            <Form.Item name="login" label={t('login.login')} rules={[{ required: true, whitespace: true, message: t('login.loginRequired') }]}>
              <Input autoFocus autoComplete="username" data-testid="login-name" />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password autoComplete="current-password" data-testid="login-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">{t('login.submit')}</Button>
          </Form>
        </Space>
      </Card>
    </div>
  );
}
