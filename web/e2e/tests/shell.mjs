// The frame: sign-in, language, navigation by role, perspectives, visibility by URL.
import { expect } from '../expect.mjs';

export const tests = [
  {
    name: 'a wrong password is refused in the user\'s language',
    async run({ page, base, allowConsoleErrors }) {
      allowConsoleErrors(); // the browser logs the 401 of the refused sign-in
      await page.goto(`${base}/login`);
      await page.getByTestId('login-name').fill('rep01');
      await page.getByTestId('login-password').fill('wrong-password');
      await page.getByTestId('login-submit').click();
      await page.getByTestId('login-error').waitFor();
      expect((await page.getByTestId('login-error').innerText()).includes('登录名或密码错误'), 'the error is in Chinese');
    },
  },
  {
    name: 'a user changes their password and signs out their other sessions',
    async run({ page, login, base, shot }) {
      // Another session of the same user, as another browser would hold it.
      const signIn = (password) => fetch(`${base}/api/v1/auth/login`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login: 'staff07', password }),
      });
      const other = await signIn('brm-demo-2026');
      expect(other.status === 200, `the other session starts (${other.status})`);
      const otherCookie = other.headers.get('set-cookie').match(/brm_session=[^;]+/)[0];
      const otherMe = () => fetch(`${base}/api/v1/auth/me`, { headers: { Cookie: otherCookie } }).then((r) => r.status);
      expect((await otherMe()) === 200, 'the other session works');

      await login('staff07');
      await page.waitForURL(/\/iknow$/);
      await page.getByTestId('password-open').click();
      await page.getByTestId('password-current').fill('brm-demo-2026');
      await page.getByTestId('password-next').fill('short');
      await page.getByTestId('password-confirm').fill('short');
      await page.getByTestId('password-submit').click();
      await page.getByText('新密码至少需要 8 个非空格字符。').waitFor();
      await page.getByTestId('password-next').fill('e2e-新密码-2026');
      await page.getByTestId('password-confirm').fill('e2e-新密码-2026');
      expect(await page.getByTestId('password-form').getByRole('checkbox').isChecked(), 'signing out elsewhere is the default');
      await shot('password');
      await page.getByTestId('password-submit').click();
      await page.getByText('密码已修改，其他登录已全部退出。').waitFor();
      expect((await otherMe()) === 401, 'the other session has ended');
      // This browser carries on with its new session, writes included (the CSRF token came with it).
      const language = await page.evaluate(() => fetch('/api/v1/auth/language', {
        method: 'PUT', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': document.cookie.match(/brm_csrf=([^;]+)/)[1] },
        body: JSON.stringify({ language: 'zh-CN' }),
      }).then((r) => r.status));
      expect(language === 200, `this browser still works (${language})`);
      expect((await signIn('brm-demo-2026')).status === 401, 'the old password no longer works');
      expect((await signIn('e2e-新密码-2026')).status === 200, 'the new one does');
    },
  },
  {
    name: 'the language switch works and is remembered for the user',
    async run({ page, login, base, shot }) {
      await login('rep02');
      await page.goto(`${base}/`);
      await page.getByText('仪表盘').first().waitFor();
      await page.getByTestId('language-select').click();
      await page.getByText('English', { exact: true }).click();
      await page.getByText('Dashboard').first().waitFor();
      await shot('dashboard-en');
      // Remembered on the user: a fresh browser context signs in and gets English.
      const me = await page.evaluate(() => fetch('/api/v1/auth/me').then((r) => r.json()));
      expect(me.user.language === 'en', `the user's language is stored (${me.user.language})`);
      await page.getByTestId('language-select').click();
      await page.getByText('中文', { exact: true }).click();
      await page.getByText('仪表盘').first().waitFor();
      void base;
    },
  },
  {
    name: 'navigation shows only what the role may open',
    async run({ page, login }) {
      await login('staff01');
      await page.waitForURL(/\/iknow$/);
      const menu = await page.locator('.ant-menu').innerText();
      expect(!menu.includes('仪表盘') && !menu.includes('客户'), `an employee sees no figures (${menu})`);
      expect(menu.includes('我认识'), 'an employee sees "I know…"');
    },
  },
  {
    name: 'the rep cannot open another rep\'s customer by URL',
    async run({ page, login, base, api, allowConsoleErrors }) {
      await login('rep01');
      const mine = await api('GET', '/organizations?kind=customer&limit=1000');
      const all = new Set(mine.body.items.map((o) => o.id));
      // cust-001 … cust-040 exist in the demo; pick one rep01 does not own.
      let other = '';
      for (let i = 1; i <= 40 && !other; i++) {
        const id = `cust-${String(i).padStart(3, '0')}`;
        if (!all.has(id)) other = id;
      }
      expect(other, 'some customer belongs to another rep');
      allowConsoleErrors(); // the refused request is logged by the browser
      await page.goto(`${base}/customers/${other}`);
      await page.getByRole('alert').first().waitFor();
      const text = await page.getByRole('alert').first().innerText();
      expect(text.includes('找不到') , `the page says not found (${text})`);
      expect(!(await page.content()).includes('cust-name-'), 'nothing of the customer is shown');
    },
  },
];
