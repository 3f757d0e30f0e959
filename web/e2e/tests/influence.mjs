// The influence line, "I know…", and the admin pages (users and teams, strategy settings, bundles).
import { expect } from '../expect.mjs';

async function confirmPopover(page) {
  await page.locator('.ant-popover:visible .ant-btn-primary').click();
}

async function rowsOf(page, testId) {
  await page.getByTestId(testId).locator('.ant-table-row').first().waitFor();
  return page.getByTestId(testId).locator('.ant-table-row').count();
}

export const tests = [
  {
    name: 'an employee declares an acquaintance',
    async run({ page, login, shot, api }) {
      await login('staff01');
      await page.waitForURL(/\/iknow$/);
      const me = (await api('GET', '/auth/me')).body.user;
      const mine = new Set((await api('GET', `/influence-links?from=${me.person}&active_on=today&limit=1000`)).body.items.map((l) => l.to));
      const directory = (await api('GET', '/people?limit=1000')).body.items;
      // A person of a customer not yet declared, whose given name finds at most one page of people.
      let target = null;
      let fragment = '';
      for (const person of directory) {
        if (person.id === me.person || mine.has(person.id) || person.org === 'org-ours' || person.name.length < 3) continue;
        const part = person.name.slice(1);
        const found = await api('GET', `/people?search=${encodeURIComponent(part)}&limit=0`);
        if (found.body.total <= 10) {
          target = person;
          fragment = part;
          break;
        }
      }
      expect(target, 'a person to declare');
      expect(/[\u4e00-\u9fff]/.test(fragment), `the fragment is Chinese (${fragment})`);

      // The search box has the focus: type and press Enter.
      await page.getByTestId('iknow-search').waitFor();
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'iknow-search'), 'the search box has the focus');
      await page.keyboard.type(fragment);
      await page.keyboard.press('Enter');
      await page.getByTestId(`declare-${target.id}`).click();
      // The dialog opens with an animation; on a busy machine a click during it can be lost, as a user's
      // would: click again until the choice shows.
      const strong = page.getByTestId('declare-form').getByRole('radio', { name: '强' });
      for (let attempt = 0; attempt < 5 && !(await strong.isChecked()); attempt++) {
        await page.getByTestId('declare-form').getByText('强', { exact: true }).click();
        await page.waitForTimeout(attempt * 200);
      }
      expect(await strong.isChecked(), 'the strength is chosen');
      await page.getByTestId('declare-note').fill('e2e：大学同学');
      await page.getByTestId('declare-note').press('Enter');
      await page.getByTestId(`mine-retire-${target.id}`).waitFor();
      const row = await page.getByTestId('iknow-mine').locator('.ant-table-row', { hasText: target.name }).innerText();
      expect(row.includes('强'), `the list shows the strength (${row})`);

      const links = (await api('GET', `/influence-links?from=${me.person}&active_on=today&limit=1000`)).body.items.filter((l) => l.to === target.id);
      expect(links.length === 1 && links[0].strength === 'strong' && links[0].note === 'e2e：大学同学', `the link is stored (${JSON.stringify(links)})`);
      await shot('iknow');

      await page.getByTestId(`mine-retire-${target.id}`).click();
      await confirmPopover(page);
      await page.getByTestId(`mine-retire-${target.id}`).waitFor({ state: 'detached' });
      const active = async () =>
        (await api('GET', `/influence-links?from=${me.person}&active_on=today&limit=1000`)).body.items.filter((l) => l.to === target.id);
      expect((await active()).length === 0, 'the link is retired');
      // Undo brings the same link back; retiring again removes it for good.
      await page.getByTestId('iknow-undo').click();
      await page.getByTestId(`mine-retire-${target.id}`).waitFor();
      const restored = await active();
      expect(restored.length === 1 && restored[0].id === links[0].id, `undo restores the link (${JSON.stringify(restored)})`);
      await page.getByTestId(`mine-retire-${target.id}`).click();
      await confirmPopover(page);
      await page.getByTestId(`mine-retire-${target.id}`).waitFor({ state: 'detached' });
      expect((await active()).length === 0, 'the link is retired again');
    },
  },
  {
    name: 'the influence page for a rep shows the list and the KPIs',
    async run({ page, login, base, shot, api }) {
      await login('rep01');
      await page.goto(`${base}/influence`);
      const line = (await api('GET', '/lines/influence')).body;
      expect(line.list.length > 0, 'rep01 has acquainted key persons');
      const rows = await rowsOf(page, 'influence-list');
      expect(rows === Math.min(20, line.list.length), `the first page of the list (${rows})`);
      const acquainted = await page.getByTestId('influence-acquainted').innerText();
      expect(acquainted.includes(String(line.trend.acquainted)), `the acquainted count (${acquainted})`);
      // Names, not ids, for the rep's own key persons.
      const first = await page.getByTestId('influence-list').locator('.ant-table-row').first().innerText();
      expect(!/p-\d{6}|cust-\d{3}/.test(first), `names are shown (${first})`);
      await page.getByTestId('influence-search').fill('zzz-nobody');
      await page.getByTestId('influence-list').locator('.ant-empty').waitFor();
      await page.getByTestId('influence-search').fill('');

      await page.getByTestId('influence-tab-kpi').click();
      await rowsOf(page, 'influence-kpi-table');
      const kpi = await page.getByTestId('influence-kpi-table').innerText();
      expect(kpi.includes('我的'), `the rep sees their own KPIs (${kpi})`);
      await page.getByTestId('influence-tab-employees').click();
      expect((await rowsOf(page, 'influence-employee-table')) === 1, 'a rep sees only themselves');
      await page.getByTestId('influence-employee-table').locator('.ant-table-row', { hasText: 'rep01' }).waitFor();
      await shot('influence-rep');
    },
  },
  {
    name: 'the influence page for the executive shows the company, the teams and the employees',
    async run({ page, login, base, shot, api }) {
      await login('ceo');
      await page.goto(`${base}/influence`);
      const line = (await api('GET', '/lines/influence')).body;
      await rowsOf(page, 'influence-list');
      const total = await page.getByTestId('influence-page').locator('.ant-pagination-total-text').first().innerText();
      expect(total.includes(String(line.list.length)), `every acquainted key person is listed (${total} vs ${line.list.length})`);
      await page.getByTestId('influence-closeness').click();
      await page.keyboard.type('强支持');
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option-active', { hasText: '强支持' }).waitFor();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'detached' });
      const strong = line.list.filter((e) => e.closeness === 'strong_support').length;
      await page.getByTestId('influence-page').locator('.ant-pagination-total-text', { hasText: String(strong) }).first().waitFor();
      await shot('influence');

      await page.getByTestId('influence-tab-kpi').click();
      const teams = (await api('GET', '/teams')).body.total;
      expect((await rowsOf(page, 'influence-kpi-table')) === teams + 1, 'the company and every team');
      const kpi = await page.getByTestId('influence-kpi-table').innerText();
      expect(kpi.includes('全公司') && kpi.includes('华东大区'), `company and team rows (${kpi.slice(0, 200)})`);
      await page.getByTestId('influence-tab-employees').click();
      expect((await rowsOf(page, 'influence-employee-table')) === 10, 'the first page of employees');
      await page.getByTestId('influence-employee-table').getByText('…').first().waitFor({ state: 'detached' });
    },
  },
  {
    name: 'admin: the users page lists users, creates a user and a team',
    async run({ page, login, base, shot, api }) {
      await login('admin');
      await page.goto(`${base}/admin/users`);
      await rowsOf(page, 'admin-users-table');
      const users = await page.getByTestId('admin-users-table').innerText();
      expect(users.includes('rep01') && users.includes('manager1'), 'users are listed');
      await shot('admin-users');

      // A new user for one of our employees who has none, from the keyboard.
      const all = (await api('GET', '/users?limit=1000')).body.items;
      const ours = (await api('GET', '/organizations?kind=ours')).body.items[0];
      const staff = (await api('GET', `/people?org=${ours.id}&active_on=today&limit=1000`)).body.items;
      const person = staff.find((p) => !all.some((u) => u.person === p.id));
      expect(person, 'an employee without an account');
      await page.getByTestId('user-create').click();
      await page.getByTestId('user-login').fill('e2e-user');
      await page.getByTestId('user-login').press('Tab');
      await page.keyboard.type(person.name);
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option-active', { hasText: person.name }).waitFor();
      await page.keyboard.press('Enter');
      await page.getByTestId('user-create-form').locator('.ant-select-selection-item', { hasText: person.name }).waitFor();
      await page.getByTestId('user-create-form').locator('input[type=password]').fill('e2e-password-1');
      await page.getByTestId('user-create-form').locator('input[type=password]').press('Enter');
      await page.getByTestId('admin-users-table').getByText('e2e-user', { exact: true }).waitFor();
      const user = (await api('GET', '/users?search=e2e-user')).body.items[0];
      expect(user && user.person === person.id && user.role === 'rep', `the user is stored (${JSON.stringify(user)})`);

      await page.getByTestId('admin-tab-teams').click();
      await rowsOf(page, 'admin-teams-table');
      await page.getByTestId('team-create').click();
      await page.getByTestId('team-name').fill('华中大区（e2e）');
      // From the keyboard: type into the parent's search and take the match with Enter.
      await page.getByTestId('team-name').press('Tab');
      await page.keyboard.type('销售中心');
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option-active', { hasText: '销售中心' }).waitFor();
      await page.keyboard.press('Enter');
      await page.getByTestId('team-form').locator('.ant-select-selection-item', { hasText: '销售中心' }).waitFor();
      await page.getByTestId('team-name').press('Enter');
      await page.getByTestId('admin-teams-table').getByText('华中大区（e2e）').waitFor();
      const created = (await api('GET', `/teams?search=${encodeURIComponent('华中大区')}`)).body.items;
      expect(created.length === 1 && created[0].parent === 'team-root', `the team is stored (${JSON.stringify(created)})`);
    },
  },
  {
    name: 'admin: the strategy page saves the thresholds',
    async run({ page, login, base, shot, api }) {
      await login('admin');
      await page.goto(`${base}/strategy`);
      const input = page.getByTestId('threshold-min_key_persons');
      await page.waitForFunction(() => document.querySelector('[data-testid="threshold-min_key_persons"]')?.value === '3');
      await input.fill('4');
      await page.getByTestId('thresholds-save').click();
      await page.getByText('阈值已保存').first().waitFor();
      expect((await api('GET', '/strategy/thresholds')).body.min_key_persons === 4, 'the threshold is stored');
      // An out-of-range value is refused in the form, in Chinese.
      await page.getByTestId('threshold-drop_months').fill('30');
      await page.getByTestId('threshold-drop_months').blur();
      await page.getByTestId('thresholds-save').click();
      await page.getByTestId('thresholds-form').locator('.ant-form-item-explain-error', { hasText: '不在允许范围内：整数，1 到 24' }).waitFor();
      expect((await api('GET', '/strategy/thresholds')).body.drop_months === 3, 'the refused value is not sent');
      await page.getByTestId('threshold-drop_months').fill('3');
      await input.fill('3');
      await page.getByTestId('thresholds-save').click();
      await page.waitForFunction(async () => (await (await fetch('/api/v1/strategy/thresholds')).json()).min_key_persons === 3);
      await page.getByTestId('template-acquire').waitFor();
      await shot('strategy');
    },
  },
  {
    name: 'admin: export downloads a bundle and a broken import shows its error',
    async run({ page, login, base, shot, allowConsoleErrors }) {
      await login('admin');
      await page.goto(`${base}/admin/bundle`);
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('bundle-export').click()]);
      expect(download.suggestedFilename() === 'brm-bundle.json', `the file name (${download.suggestedFilename()})`);
      await page.getByTestId('bundle-exported').waitFor();

      const input = page.getByTestId('bundle-page').locator('input[type=file]');
      await input.setInputFiles({ name: 'empty.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "brm-bundle", "version": 1}') });
      await page.getByTestId('bundle-import').click();
      await confirmPopover(page);
      await page.getByTestId('bundle-result').waitFor();
      const counts = await page.getByTestId('bundle-result').innerText();
      expect(counts.includes('新建') && counts.includes('0'), `the counts are shown (${counts})`);

      allowConsoleErrors(); // the browser logs the 400 of the refused import
      const broken = '{"format": "brm-bundle", "version": 1, "people": [{"id": "x"}]}';
      await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
      await page.getByTestId('bundle-file').getByText('broken.json').waitFor();
      await page.getByTestId('bundle-import').click();
      await confirmPopover(page);
      await page.getByTestId('bundle-error').waitFor();
      const field = await page.getByTestId('bundle-error-field').innerText();
      expect(field.includes('people[0].org') && field.includes('第 1 条'), `the error names the field (${field})`);
      const text = await page.getByTestId('bundle-error').innerText();
      expect(text.includes('输入有误') && text.includes('is required'), `the error in Chinese and the server's message (${text})`);
      await shot('bundle');
    },
  },
];

tests.push({
  name: 'a rep finds a person of their customer on "I know…"',
  async run({ page, login, base, api }) {
    await login('rep01');
    await page.goto(`${base}/iknow`);
    const customers = (await api('GET', '/organizations?kind=customer&limit=1')).body.items;
    const person = (await api('GET', `/people?org=${customers[0].id}&active_on=today&limit=1`)).body.items[0];
    await page.getByTestId('iknow-search').fill(person.name);
    await page.getByTestId('iknow-search').press('Enter');
    // The row shows the person, then their organization's name once it is read (never its id).
    const row = page.getByTestId('iknow-results').locator('.ant-table-row', { hasText: person.name }).first();
    await row.waitFor();
    expect(!(await row.innerText()).includes(customers[0].id), 'the organization is never shown by its id');
    await page.getByTestId('iknow-results').locator('.ant-table-row', { hasText: person.name }).filter({ hasText: customers[0].name }).first().waitFor();
    await page.getByTestId('iknow-mine').waitFor();

    // The same people by their company's name: every row is of an organization whose name holds what was typed.
    const part = customers[0].name.slice(0, 4);
    await page.getByTestId('iknow-search').fill(part);
    await page.getByTestId('iknow-search').press('Enter');
    const rows = page.getByTestId('iknow-results').locator('.ant-table-row');
    await rows.nth(1).waitFor(); // the company's persons, not just the one found by name before
    const texts = await rows.allInnerTexts();
    expect(texts.length > 0 && texts.every((text) => text.includes(part)), `every person found by "${part}" is at a company of that name`);
  },
});
