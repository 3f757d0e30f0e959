// Data management: an admin creates a customer for a rep, adds a department, creates an opportunity from
// the customer page, changes its stage and finds the change, with their own name, in the opportunity's
// history; the customer is retired and reinstated. On the organizations page the admin adds a partner,
// changes it, retires and reinstates it; a rep has the same tools, but none for our own company.
import { chooseFirst as choose } from '../antd.mjs';
import { expect, until } from '../expect.mjs';

/** Opens a dialog with `button` and waits until its form is there and has stopped moving. */
async function openForm(page, button, form) {
  await page.getByTestId(button).click();
  await page.getByTestId(form).waitFor();
  await page.waitForTimeout(300); // the dialog's opening motion: a click during it may be lost
}

/** Submits a form dialog and waits until it has closed. */
async function submit(page, form) {
  await page.getByTestId(`${form}-submit`).click();
  await page.getByTestId(form).waitFor({ state: 'hidden' });
}

export const tests = [
  {
    name: 'data management: an admin creates a customer, a department and an opportunity, changes its stage and finds it in the history',
    async run({ base, page, login, api, shot }) {
      await login('admin');
      const me = (await api('GET', '/auth/me')).body;
      const users = (await api('GET', '/users?limit=1000')).body.items;
      const rep = users.find((u) => u.login === 'rep12');

      // The customer, given to rep12.
      await page.goto(`${base}/customers`);
      await openForm(page, 'customer-new', 'customer-form');
      await page.getByTestId('customer-form-name').fill('星河数据科技有限公司');
      await page.getByTestId('customer-form-industry').fill('软件与信息服务');
      await page.getByTestId('customer-form-region').fill('华南');
      await choose(page, 'customer-form-owner', 'rep12');
      await shot('customer-new');
      await submit(page, 'customer-form');
      await page.waitForURL(/\/customers\/org-[0-9a-f]+$/);
      const customerId = decodeURIComponent(page.url().split('/').pop());
      await until(async () => (await page.getByTestId('customer-name').innerText()) === '星河数据科技有限公司' || 'not yet', 'the new customer\'s page');
      const customer = (await api('GET', `/organizations/${customerId}`)).body;
      expect(customer.kind === 'customer' && customer.owner === rep.id && customer.region === '华南', `stored, owned by rep12 (${JSON.stringify(customer)})`);
      // The owner by their name, not their login.
      const ownerName = (await api('GET', `/people/${rep.person}`)).body.name;
      await until(async () => ((await page.getByTestId('customer-owner').innerText()).includes(ownerName) && !(await page.getByTestId('customer-owner').innerText()).includes('rep12')) || 'not yet', 'the header names the owner');

      // A department.
      await openForm(page, 'department-add', 'department-form');
      await page.getByTestId('department-form-name').fill('信息技术部');
      await submit(page, 'department-form');
      await page.getByTestId('departments-table').getByText('信息技术部').waitFor();
      const departments = (await api('GET', `/departments?org=${customerId}`)).body.items;
      expect(departments.length === 1 && departments[0].name === '信息技术部' && departments[0].parent === null, 'the department is stored');

      // An opportunity from the customer page: the owner defaults to the customer's, the currency to CNY.
      await openForm(page, 'opportunity-new', 'opportunity-form');
      await page.getByTestId('opportunity-form-name').fill('星河数据中台建设项目');
      await page.getByTestId('opportunity-form-amount').fill('3500000');
      await page.getByTestId('opportunity-form-probability').fill('30');
      await submit(page, 'opportunity-form');
      await page.waitForURL(/\/opportunities\/opp-[0-9a-f]+$/);
      const opportunityId = decodeURIComponent(page.url().split('/').pop());
      await until(async () => (await page.getByTestId('opportunity-name').innerText()) === '星河数据中台建设项目' || 'not yet', 'the new opportunity\'s page');
      const made = (await api('GET', `/opportunities/${opportunityId}`)).body;
      expect(made.customer === customerId && made.owner === rep.id && made.currency === 'CNY' && made.amount === 3500000
        && made.win_probability === 0.3 && made.status === 'open' && made.opened === me.today,
      `stored with its defaults (${JSON.stringify(made)})`);

      // Its stage, changed in the edit dialog.
      await page.getByTestId('opportunity-edit').waitFor();
      await openForm(page, 'opportunity-edit', 'opportunity-form');
      await page.locator('[data-testid="opportunity-form-stage"] input').fill('方案设计');
      await submit(page, 'opportunity-form');
      await until(async () => (await page.getByTestId('opportunity-stage').innerText()) === '方案设计' || 'not yet', 'the header shows the new stage');
      expect((await api('GET', `/opportunities/${opportunityId}`)).body.stage === '方案设计', 'the stage is stored');

      // The history: the change, by the admin's name, newest first; the creation below it.
      await page.getByTestId('history-open-opportunities').click();
      const drawer = page.getByTestId('history-drawer');
      const lines = drawer.getByTestId('history-line');
      await lines.first().waitFor();
      await until(async () => (await lines.count()) === 2 || (await lines.count()), 'two lines: the creation and the stage');
      // The actor's name arrives with the people's names (a placeholder, never the login, stands in until then).
      await until(async () => (await lines.first().innerText()).includes(me.user.name) || (await lines.first().innerText()), 'the actor named');
      const change = await lines.first().innerText();
      expect(change.includes('阶段') && change.includes('方案设计') && change.includes(me.user.name), `the stage change by ${me.user.name} (${change})`);
      const creation = await lines.nth(1).innerText();
      expect(creation.includes('创建') && creation.includes(me.user.name), `the creation (${creation})`);
      await shot('opportunity-history');
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });

      // Back on the customer: its history starts with its creation; retire it, then reinstate it.
      await page.getByTestId('opportunity-customer').click();
      await page.getByTestId('customer-retire').waitFor();
      await page.getByTestId('history-open-organizations').click();
      await until(async () => (await page.getByTestId('history-line').first().innerText()).includes('创建') || 'not yet', 'the customer\'s creation');
      await page.keyboard.press('Escape');
      await page.getByTestId('history-drawer').waitFor({ state: 'hidden' });
      await page.getByTestId('customer-retire').click();
      await page.getByTestId('retire-dialog').waitFor();
      await page.waitForTimeout(300);
      await page.getByTestId('retire-ok').click();
      await page.getByTestId('retire-dialog').waitFor({ state: 'hidden' });
      await page.getByTestId('customer-retired').waitFor();
      expect((await page.getByTestId('customer-retired').innerText()).includes(me.today), 'retired since today');
      expect((await api('GET', `/organizations/${customerId}`)).body.until === me.today, 'until is today');
      await page.getByTestId('customer-reinstate').click();
      await page.getByTestId('customer-retired').waitFor({ state: 'detached' });
      expect((await api('GET', `/organizations/${customerId}`)).body.until === null, 'reinstated');
    },
  },
  {
    name: 'organizations: an admin adds a partner, changes, retires and reinstates it; a rep has the tools too',
    async run({ base, page, login, api, shot }) {
      await login('admin');
      await page.goto(`${base}/organizations?kind=partner`);
      await page.getByTestId('organizations-table').waitFor();
      await openForm(page, 'organization-new', 'organization-form');
      await page.getByTestId('organization-form-name').fill('云桥系统集成有限公司');
      await page.getByTestId('organization-form-region').fill('华东');
      await submit(page, 'organization-form');
      const row = page.locator('[data-testid="organizations-table"] tr.ant-table-row', { hasText: '云桥系统集成有限公司' });
      await row.waitFor();
      const [partner] = (await api('GET', `/organizations?kind=partner&search=${encodeURIComponent('云桥')}`)).body.items;
      expect(partner && partner.region === '华东', 'the partner is stored');

      // Change its region.
      await row.getByTestId('organization-edit').click();
      await page.getByTestId('organization-form').waitFor();
      await page.waitForTimeout(300);
      await page.getByTestId('organization-form-region').fill('华南');
      await submit(page, 'organization-form');
      await until(async () => (await row.innerText()).includes('华南') || (await row.innerText()), 'the row shows the new region');
      await shot('organizations');

      // Retire it: it leaves the list of active ones, and comes back with "show retired" to be reinstated.
      await row.getByTestId('organization-retire').click();
      await page.getByTestId('retire-dialog').waitFor();
      await page.waitForTimeout(300);
      await page.getByTestId('retire-ok').click();
      await page.getByTestId('retire-dialog').waitFor({ state: 'hidden' });
      await row.waitFor({ state: 'detached' });
      await page.getByTestId('organizations-retired').click();
      await row.getByTestId('organization-retired').waitFor();
      await row.getByTestId('organization-reinstate').click();
      await row.getByTestId('organization-retire').waitFor();
      expect((await api('GET', `/organizations/${partner.id}`)).body.until === null, 'reinstated');

      // Its history: created, region changed, retired, reinstated — newest first.
      await row.getByTestId('history-open-organizations').click();
      const lines = page.getByTestId('history-line');
      await until(async () => (await lines.count()) === 4 || (await lines.count()), 'four lines');
      expect((await lines.nth(2).innerText()).includes('华东'), 'the region change shows the old region');
      expect((await lines.nth(3).innerText()).includes('创建'), 'the creation is the oldest');

      // A rep has the tools too (the access policy decides what they may change), but not for our own company.
      await page.context().clearCookies();
      await login('rep01');
      await page.goto(`${base}/organizations?kind=partner`);
      await row.waitFor();
      expect(await page.getByTestId('organization-new').count() === 1, 'a rep adds partners');
      expect(await row.getByTestId('organization-edit').count() === 1, 'and changes them');
      expect(await row.getByTestId('history-open-organizations').count() === 1, 'the history for everyone');
      await page.goto(`${base}/organizations?kind=ours`);
      await page.locator('tr.ant-table-row').first().waitFor();
      expect(await page.getByTestId('organization-new').count() === 0, 'our own company is read-only here');
    },
  },
];
