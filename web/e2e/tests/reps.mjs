// Managers' views (issue 13 item 4): the rep comparison on the dashboard of a team and of the company, a
// drill-down from a row to the rep's individual view with the same numbers, and on a customer's page each
// department's trend and the influence centres' attitude, all against what the API answers. Screenshots for
// docs/web.md: reps-zh, reps-en and department-trend-zh.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, until } from '../expect.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const shots = path.join(process.env.BRM_E2E_OUT ? path.resolve(process.env.BRM_E2E_OUT) : path.join(root, 'build/e2e'), 'screenshots');
const VIEWPORT = { width: 1440, height: 900 };

async function must(api, method, url, body) {
  const answer = await api(method, url, body);
  expect(answer.status >= 200 && answer.status < 300, `${method} ${url} answers ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** The rows of the comparison on the page: user id, customers and closeness percent as shown. */
async function shownRows(page) {
  return page.locator('[data-testid="reps-table"] tbody tr.ant-table-row').evaluateAll((rows) =>
    rows.map((row) => ({
      user: row.querySelector('[data-testid="rep-link"]')?.getAttribute('data-user'),
      customers: Number(row.querySelector('[data-testid="rep-customers"]')?.getAttribute('data-value')),
      closeness: row.querySelector('[data-testid="rep-closeness"]')?.getAttribute('data-value'),
    })));
}

const percentOf = (value) => (value === '' || value === null || value === undefined ? null : Number(value));

/** An element's picture, for the guide. */
async function picture(page, testId, name) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(800); // charts finish their entry animation
  await page.getByTestId(testId).screenshot({ path: path.join(shots, `${name}.png`) });
}

export const tests = [
  {
    name: 'reps: a manager compares the team\'s reps and drills down to one rep\'s view with the same numbers',
    viewport: VIEWPORT,
    async run({ page, login, api, base }) {
      await login('manager1');
      const me = await must(api, 'GET', '/auth/me');
      const scope = `team:${me.user.team}`;
      await page.goto(`${base}/`);
      const comparison = await must(api, 'GET', `/lines/reps?scope=${scope}`);
      expect(comparison.scope === scope && comparison.reps.length >= 2, `the team has reps to compare (${comparison.reps.length})`);

      // Every sales user of the team (and of the teams below it) has a row.
      const teamUsers = (await must(api, 'GET', `/users?team=${me.user.team}&limit=1000`)).items.filter((u) => (u.role === 'rep' || u.role === 'manager') && u.active);
      expect(teamUsers.every((u) => comparison.reps.some((r) => r.user === u.id)), 'the API lists every rep of the team');
      await page.locator('[data-testid="reps-table"] [data-testid="rep-link"]').first().waitFor();
      await until(async () => (await shownRows(page)).length === Math.min(20, comparison.reps.length) || (await shownRows(page)).length, 'every row');
      const rows = await shownRows(page);
      expect(JSON.stringify(rows.map((r) => r.user)) === JSON.stringify(comparison.reps.map((r) => r.user).slice(0, 20)),
        `the rows are the API's reps (${rows.map((r) => r.user)} vs ${comparison.reps.map((r) => r.user)})`);
      for (const row of rows) {
        const expected = comparison.reps.find((r) => r.user === row.user);
        expect(row.customers === expected.customers, `${row.user}'s customers (${row.customers} vs ${expected.customers})`);
        expect(percentOf(row.closeness) === expected.degrees.closeness.percent, `${row.user}'s closeness (${row.closeness} vs ${expected.degrees.closeness.percent})`);
      }
      // Names, never logins.
      const names = await page.getByTestId('rep-link').allInnerTexts();
      expect(names.every((n, i) => n === comparison.reps[i].name), `the reps are named (${names})`);

      // The total row is the team's own figures: the dashboard's customer line shows the same count.
      const total = page.getByTestId('reps-total');
      expect(Number(await total.getByTestId('rep-customers').getAttribute('data-value')) === comparison.total.customers, 'the total counts the team\'s customers');
      await until(async () => (await page.getByTestId('dash-customer-count').innerText()).trim() === String(comparison.total.customers) || (await page.getByTestId('dash-customer-count').innerText()), 'the team\'s customer count');
      expect(percentOf(await total.getByTestId('rep-closeness').getAttribute('data-value')) === comparison.total.degrees.closeness.percent, 'the total\'s closeness');

      // Sorting by customers: most first, then fewest first.
      const header = page.locator('th.ant-table-column-has-sorters').filter({ has: page.getByTestId('reps-sort-customers') });
      await header.click();
      await until(async () => {
        const counts = (await shownRows(page)).map((r) => r.customers);
        return counts.every((c, i) => i === 0 || counts[i - 1] >= c) || counts;
      }, 'the rows by customers, most first');
      await header.click();
      await until(async () => {
        const counts = (await shownRows(page)).map((r) => r.customers);
        return counts.every((c, i) => i === 0 || counts[i - 1] <= c) || counts;
      }, 'the rows by customers, fewest first');
      // The closeness column puts unknown percents last.
      const closenessHeader = page.locator('th.ant-table-column-has-sorters').filter({ has: page.getByTestId('reps-sort-closeness') });
      await closenessHeader.click();
      await until(async () => {
        const values = (await shownRows(page)).map((r) => percentOf(r.closeness));
        const known = values.filter((v) => v !== null);
        return (known.every((v, i) => i === 0 || known[i - 1] >= v) && values.slice(known.length).every((v) => v === null)) || values;
      }, 'the rows by closeness, best first');

      // The less important figures fold into the row's expansion; the column chooser shows one as a column.
      await page.locator('[data-testid="reps-table"] tbody tr.ant-table-row').first().locator('.ant-table-row-expand-icon').click();
      await page.getByTestId('rep-folded').first().waitFor();
      const firstUser = (await shownRows(page))[0].user;
      const first = comparison.reps.find((r) => r.user === firstUser);
      expect((await page.getByTestId('rep-key-persons').first().innerText()).replace(/,/g, '') === String(first.key_persons), 'the expansion shows the key persons');
      await page.mouse.move(0, 0);
      await picture(page, 'reps-comparison', 'reps-zh');
      await page.getByTestId('reps-columns').click();
      // check() waits for the popover to stand still and checks that the box changed.
      const valuePotential = page.getByTestId('reps-columns-list').getByLabel('价值潜力');
      await valuePotential.check();
      await page.getByTestId('reps-sort-value_potential').first().waitFor();
      await valuePotential.uncheck();
      await until(async () => (await page.getByTestId('reps-sort-value_potential').count()) === 0 || 'still a column', 'the column to go');
      await page.keyboard.press('Escape');

      // Drill-down: a rep of the team (with customers) opens their individual view on the dashboard.
      const rep = comparison.reps.find((r) => r.role === 'rep' && r.customers > 0 && r.degrees.closeness.percent !== null);
      expect(rep, 'a rep with customers and a closeness');
      const own = await must(api, 'GET', `/lines/customer?scope=user:${rep.user}&limit=0`);
      expect(own.trend.customers === rep.customers && own.trend.degrees.closeness.percent === rep.degrees.closeness.percent,
        `the row is the rep's own view (${own.trend.customers}/${own.trend.degrees.closeness.percent} vs ${rep.customers}/${rep.degrees.closeness.percent})`);
      await page.locator(`[data-testid="rep-link"][data-user="${rep.user}"]`).click();
      await until(async () => (await page.getByTestId('scope-select').innerText()).includes(rep.name) || (await page.getByTestId('scope-select').innerText()), 'the rep\'s view in the picker');
      expect(new URL(page.url()).pathname === '/', `the dashboard (${page.url()})`);
      await until(async () => (await page.getByTestId('dash-customer-count').innerText()).trim() === String(rep.customers) || (await page.getByTestId('dash-customer-count').innerText()), 'the rep\'s customer count');
      const closeness = page.locator('[data-testid="card-closeness"] span[data-value]').first();
      await until(async () => percentOf(await closeness.getAttribute('data-value')) === rep.degrees.closeness.percent || (await closeness.getAttribute('data-value')), 'the rep\'s closeness');
      // A rep's view has no comparison.
      await until(async () => (await page.getByTestId('reps-comparison').count()) === 0 || 'still shown', 'the comparison to go');
    },
  },
  {
    name: 'reps: the ceo compares the company\'s reps, in Chinese and in English',
    viewport: VIEWPORT,
    async run({ page, login, api, base }) {
      await login('ceo');
      await page.goto(`${base}/`);
      // The company's comparison is asked for with a click (it opens every rep's view).
      expect(await page.getByTestId('reps-table').count() === 0, 'no company comparison before it is asked for');
      await page.getByTestId('reps-load').click();
      const comparison = await must(api, 'GET', '/lines/reps?scope=company');
      const line = await must(api, 'GET', '/lines/customer?scope=company&limit=0');
      expect(comparison.scope === 'company' && comparison.reps.length > 0, `the company has reps (${comparison.reps.length})`);
      expect(comparison.total.customers === line.trend.customers, 'the total is the company\'s line');
      const count = page.getByTestId('reps-count');
      await until(async () => (await count.innerText()).includes(String(comparison.reps.length)) || (await count.innerText()), 'the number of reps');
      await until(async () => (await shownRows(page)).length === Math.min(20, comparison.reps.length) || (await shownRows(page)).length, 'the first page of reps');
      const rows = await shownRows(page);
      for (const row of rows) {
        const expected = comparison.reps.find((r) => r.user === row.user);
        expect(expected && row.customers === expected.customers, `${row.user}'s customers`);
      }
      expect(await page.getByTestId('reps-total-name').innerText() === '全公司合计', 'the company total');
      // Every team of the company is among the rows' teams.
      const teams = new Set(comparison.reps.map((r) => r.team_name).filter(Boolean));
      expect(teams.size >= 2, `reps of several teams (${[...teams]})`);

      try {
        await must(api, 'PUT', '/auth/language', { language: 'en' });
        await page.goto(`${base}/`);
        await page.getByTestId('reps-load').click();
        await until(async () => (await page.getByTestId('reps-total-name').innerText()) === 'Company total' || (await page.getByTestId('reps-total-name').innerText()), 'the English total');
        await until(async () => (await shownRows(page)).length === rows.length || (await shownRows(page)).length, 'the rows in English');
        await page.mouse.move(0, 0);
        await picture(page, 'reps-comparison', 'reps-en');
      } finally {
        await must(api, 'PUT', '/auth/language', { language: 'zh-CN' });
      }
    },
  },
  {
    name: 'reps: a customer page shows each department\'s trend and the influence centres\' attitude',
    viewport: VIEWPORT,
    async run({ page, login, api, base }) {
      await login('ceo');
      // The customer with the most departments that did not exist (no key persons) in some of the months they
      // have a percent in, then with most gaps of any kind, then with the most departments.
      const line = await must(api, 'GET', '/lines/customer?scope=company&limit=100');
      const count = (trend, test) => trend.departments.filter((d) => d.points.some((p) => p.degrees.closeness.percent !== null) && d.points.some(test)).length;
      let best = null;
      for (const row of line.items) {
        const trend = await must(api, 'GET', `/customers/${row.customer}/department-trend`);
        const score = count(trend, (p) => p.key_persons === 0) * 10000 + count(trend, (p) => p.degrees.closeness.percent === null) * 100 + trend.departments.length;
        if (!best || score > best.score) best = { customer: row.customer, trend, score };
      }
      expect(best && best.trend.departments.length >= 2, `a customer with departments (${best?.trend.departments.length})`);
      const { customer, trend } = best;
      expect(trend.departments.every((d) => d.points.length === 24), 'each department has 24 months');
      const metrics = await must(api, 'GET', `/customers/${customer}/metrics`);
      const graph = await must(api, 'GET', `/customers/${customer}/graph`);
      const centres = metrics.centres;
      expect(centres && centres.persons.length > 0, 'the customer has influence centres');

      await page.goto(`${base}/customers/${customer}`);
      await page.getByTestId('centres-card').waitFor();
      for (const d of ['closeness', 'solution', 'price']) {
        const shown = await page.getByTestId(`centres-percent-${d}`).getAttribute('data-value');
        expect(percentOf(shown) === centres.degrees[d].percent, `the centres' ${d} (${shown} vs ${centres.degrees[d].percent})`);
      }
      const centresCount = page.getByTestId('centres-count');
      expect(Number(await centresCount.getAttribute('data-count')) === centres.persons.length, 'the number of centres');
      await centresCount.hover();
      await page.getByTestId('centres-names').waitFor();
      const names = await page.getByTestId('centre-link').allInnerTexts();
      const expected = centres.persons.map((id) => graph.people.find((p) => p.id === id)?.name);
      expect(JSON.stringify(names) === JSON.stringify(expected), `the centres by name, in rank order (${names} vs ${expected})`);
      const link = await page.getByTestId('centre-link').first().getAttribute('href');
      expect(link === `/people/${encodeURIComponent(centres.persons[0])}`, `a centre links to the person (${link})`);
      await page.mouse.move(0, 0);
      // The centres' closeness opens the centres behind it (GET /explain?figure=centres): as many persons.
      await page.getByTestId('centres-percent-closeness-explain').click();
      const drawer = page.locator('.ant-drawer-content-wrapper:visible');
      const persons = drawer.getByTestId('explain-persons').locator('tbody tr.ant-table-row');
      await until(async () => (await persons.count()) === centres.persons.length || (await persons.count()), 'the centres listed in the drawer');
      await page.keyboard.press('Escape');
      await until(async () => (await page.locator('.ant-drawer-content-wrapper:visible').count()) === 0 || 'open', 'the drawer to close');

      await page.getByRole('tab', { name: '趋势' }).click();
      const chart = page.getByTestId('department-trend-chart');
      await chart.waitFor();
      expect(Number(await chart.getAttribute('data-series-count')) === trend.departments.length, 'one series per department');
      expect(await chart.getAttribute('data-departments') === JSON.stringify(trend.departments.map((d) => d.department)), 'the departments in order');
      const gaps = (d) => trend.departments.reduce((n, row) => n + row.points.filter((p) => p.degrees[d].percent === null).length, 0);
      expect(Number(await chart.getAttribute('data-gaps')) === gaps('closeness'), `the gaps of closeness (${await chart.getAttribute('data-gaps')} vs ${gaps('closeness')})`);
      await page.getByTestId('department-trend-dimension').getByText('价格').click();
      await until(async () => (await chart.getAttribute('data-dimension')) === 'price' || (await chart.getAttribute('data-dimension')), 'the price degree');
      expect(Number(await chart.getAttribute('data-gaps')) === gaps('price'), 'the gaps of price');
      await page.getByTestId('department-trend-dimension').getByText('紧密度').click();
      await until(async () => (await chart.getAttribute('data-dimension')) === 'closeness' || (await chart.getAttribute('data-dimension')), 'back to closeness');
      await picture(page, 'department-trend', 'department-trend-zh');
    },
  },
];
