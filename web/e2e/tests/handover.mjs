// Owner handover: an admin hands the customers of the demo's last rep to another rep through the preview on
// the Users page; the customers, their open opportunities and the key persons only the first rep could
// influence (as tasks) pass in one step.
import { expect, until } from '../expect.mjs';

export const tests = [
  {
    name: 'an admin hands a rep\'s customers over after the preview',
    async run({ base, page, login, api, shot }) {
      await login('admin');
      const reps = (await api('GET', '/users?role=rep&active=true&limit=200')).body.items.sort((a, b) => a.login.localeCompare(b.login));
      const [to, from] = reps.slice(-2);
      const owned = (await api('GET', `/organizations?kind=customer&owner=${from.id}&limit=1000`)).body.items;
      expect(owned.length > 0, `${from.login} owns customers`);
      const preview = (await api('POST', `/users/${from.id}/handover`, { to: to.id, preview: true })).body;

      await page.goto(`${base}/admin/users`);
      await page.getByRole('searchbox', { name: '搜索登录名或姓名' }).fill(from.login);
      await page.getByTestId(`user-handover-${from.login}`).click();
      const dialog = page.locator('.ant-modal', { has: page.getByTestId('handover-form') });
      await dialog.waitFor();
      await dialog.getByTestId('handover-to').click();
      await page.keyboard.type(to.login);
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `(${to.login})` }).click();
      const shown = dialog.getByTestId('handover-preview');
      await shown.waitFor();
      await until(async () => (await shown.innerText()).includes(`${owned.length} 家客户`) || await shown.innerText(), 'the preview counts the customers');
      await until(async () => (await dialog.getByTestId('handover-only').count()) === preview.only_theirs.length || 'not yet',
        'the preview lists the key persons only this rep could influence');
      await shot('handover-preview');
      await dialog.getByTestId('handover-submit').click();
      await page.locator('.ant-message', { hasText: '已将' }).waitFor();
      await dialog.waitFor({ state: 'hidden' });

      for (const customer of owned) {
        const now = (await api('GET', `/organizations/${customer.id}`)).body;
        expect(now.owner === to.id, `${customer.name} is ${to.login}'s now`);
      }
      for (const { id } of preview.opportunities) {
        expect((await api('GET', `/opportunities/${id}`)).body.owner === to.id, `opportunity ${id} follows`);
      }
      const tasks = (await api('GET', `/tasks?source=handover&assignee=${to.id}&limit=200`)).body;
      expect(tasks.total === preview.only_theirs.length, `one task per key person only ${from.login} knew (${tasks.total})`);
      const history = (await api('GET', `/users/${from.id}/history`)).body.items;
      expect(history.some((line) => line.field === 'handover' && line.actor.startsWith('u-')), 'the handover is in the rep\'s history');
    },
  },
];
