// The dashboard, the customer list and the warnings page, against the figures the API gives.
import { choose } from '../antd.mjs';
import { expect, until } from '../expect.mjs';

async function customerCount(page) {
  return (await page.getByTestId('dash-customer-count').innerText()).trim();
}

function searchBox(page) {
  return page.locator('input[data-testid="customers-search"], [data-testid="customers-search"] input').first();
}

/** The data-value of each closeness percent cell on the page, as numbers (null when unknown). */
async function closenessColumn(page) {
  const values = await page.locator('[data-testid="customers-table"] [data-testid="closeness-percent"]').evaluateAll((cells) =>
    cells.map((c) => c.getAttribute('data-value')));
  return values.map((v) => (v === '' || v === null ? null : Number(v)));
}

function ordered(values, descending) {
  const known = values.filter((v) => v !== null);
  const firstNull = values.indexOf(null);
  if (firstNull >= 0 && values.slice(firstNull).some((v) => v !== null)) return false; // unknown last
  return known.every((v, i) => i === 0 || (descending ? known[i - 1] >= v : known[i - 1] <= v));
}

export const tests = [
  {
    name: 'a manager opens the team view and one rep\'s individual view',
    async run({ page, login, api, shot, base }) {
      await login('manager1');
      await page.goto(`${base}/`);
      const team = await api('GET', '/teams/team-east');
      const line = await api('GET', '/lines/customer?scope=team:team-east');
      expect(line.status === 200, `the team line answers (${line.status})`);
      await page.getByTestId('dash-customer-count').waitFor();
      const scopeText = await page.getByTestId('scope-select').innerText();
      expect(scopeText.includes(team.body.name), `the scope select shows the team (${scopeText})`);
      await until(async () => (await customerCount(page)) === String(line.body.trend.customers) || (await customerCount(page)), 'the team count');
      await page.getByTestId('dash-warnings').waitFor();
      await shot('dashboard-team');

      const users = await api('GET', '/users?team=team-east');
      const rep = users.body.items.find((u) => u.role === 'rep');
      expect(rep, 'team-east has a rep');
      const repLine = await api('GET', `/lines/customer?scope=user:${rep.id}`);
      expect(repLine.body.trend.customers !== line.body.trend.customers, 'the rep owns fewer customers than the team');
      // The picker names the rep by their person's name, not their login.
      const repName = (await api('GET', `/people/${rep.person}`)).body.name;
      await choose(page, 'scope-select', repName);
      await until(async () => (await customerCount(page)) === String(repLine.body.trend.customers) || (await customerCount(page)), `${rep.login}'s count`);
      const scopeNow = await page.getByTestId('scope-select').innerText();
      expect(scopeNow.includes(repName) && !scopeNow.includes(rep.login), `the scope select shows the rep's name (${scopeNow})`);
      await page.waitForLoadState('networkidle');
      await shot('dashboard-rep');
    },
  },
  {
    name: 'the dashboard tier click lists customers; the customer list searches in Chinese and sorts',
    async run({ page, login, api, base, shot }) {
      await login('manager1');
      await page.goto(`${base}/`);
      const line = await api('GET', '/lines/customer?scope=team:team-east');
      const orgs = await api('GET', '/organizations?kind=customer&limit=1000');
      const names = Object.fromEntries(orgs.body.items.map((o) => [o.id, o.name]));

      // The tier with the most customers of closeness: its button lists exactly them.
      const tiers = Object.entries(line.body.tiers.closeness).sort((a, b) => b[1].count - a[1].count);
      const [tier, cell] = tiers[0];
      expect(cell.count > 0 && cell.count <= 10, `a tier with a few customers (${tier}: ${cell.count})`);
      await page.getByTestId(`tier-closeness-${tier}`).click();
      await page.getByTestId('tier-customers').waitFor();
      const listed = await page.getByTestId('tier-customer-link').allInnerTexts();
      const expected = cell.customers.map((id) => names[id]);
      expect(JSON.stringify([...listed].sort()) === JSON.stringify([...expected].sort()), `the tier lists its customers (${listed} vs ${expected})`);

      // A click on the chart's bar of another tier lists that tier instead.
      const chart = page.getByTestId('tier-chart-closeness');
      const box = await chart.boundingBox();
      const other = tiers.find(([t, c]) => t !== tier && c.count > 0);
      if (box && other) {
        // The tier button's tooltip (its pooled percent and mean) must not cover the bar.
        await page.mouse.move(0, 0);
        await page.locator('.ant-tooltip:visible').waitFor({ state: 'detached' }).catch(() => undefined);
        await until(async () => (await page.locator('.ant-tooltip:visible').count()) === 0 || 'a tooltip is open', 'the tooltip to close');
        const index = ['excellent', 'good', 'fair', 'poor'].indexOf(other[0]);
        const plotLeft = box.x + 36, plotWidth = box.width - 36 - 12;
        const x = plotLeft + (plotWidth / 4) * (index + 0.5);
        const y = box.y + box.height - 28 - 3; // just above the axis: inside every bar with a count
        await page.mouse.click(x, y);
        await until(async () => (await page.getByTestId('tier-customer-link').count()) === other[1].count || (await page.getByTestId('tier-customer-link').count()), 'the clicked tier');
      }

      // The customer list: a Chinese substring of a real name finds it.
      await page.goto(`${base}/customers`);
      await page.getByTestId('customer-link').first().waitFor();
      await shot('customers');
      const ids = line.body.customers.map((m) => m.customer);
      const target = names[ids.find((id) => /[\u4e00-\u9fff]{4,}/.test(names[id]))];
      const part = target.slice(2, 5);
      const matching = ids.map((id) => names[id]).filter((n) => n.includes(part));
      await searchBox(page).fill(part);
      await until(async () => (await page.getByTestId('customer-link').count()) === matching.length || (await page.getByTestId('customer-link').count()), `the rows matching ${part}`);
      const found = await page.getByTestId('customer-link').allInnerTexts();
      expect(found.includes(target), `the search for ${part} finds ${target} (${found})`);
      expect(found.every((n) => n.includes(part)), `every row matches ${part} (${found})`);
      expect(page.url().includes('q='), `the search is kept in the URL (${page.url()})`);

      // Sorting by closeness percent: descending first, then ascending; unknown last.
      await searchBox(page).fill('');
      await until(async () => (await page.getByTestId('customer-link').count()) === Math.min(20, ids.length) || (await page.getByTestId('customer-link').count()), 'all rows back');
      const header = page.locator('th.ant-table-column-has-sorters').filter({ has: page.getByTestId('sort-closeness-percent') });
      await header.click();
      await until(async () => page.url().includes('order=desc') || page.url(), 'descending sort');
      await until(async () => ordered(await closenessColumn(page), true) || (await closenessColumn(page)), 'the rows in descending order');
      const descending = await closenessColumn(page);
      expect(descending.length === Math.min(20, ids.length), `all rows shown (${descending.length})`);
      expect(ordered(descending, true), `closeness descends (${descending})`);
      const best = line.body.customers.filter((m) => m.degrees.closeness.percent !== null).sort((a, b) => b.degrees.closeness.percent - a.degrees.closeness.percent)[0];
      expect(descending[0] === best.degrees.closeness.percent, `the best closeness comes first (${descending[0]} vs ${best.degrees.closeness.percent})`);
      await header.click();
      await until(async () => page.url().includes('order=asc') || page.url(), 'ascending sort');
      await until(async () => ordered(await closenessColumn(page), false) || (await closenessColumn(page)), 'the rows in ascending order');
      const ascending = await closenessColumn(page);
      expect(ordered(ascending, false), `closeness ascends (${ascending})`);

      // Warnings: the table counts what the API lists.
      const warnings = await api('GET', '/warnings?scope=team:team-east');
      await page.goto(`${base}/warnings?view=list&state=all`);
      await page.locator('[data-testid="warnings-table"] tbody tr.ant-table-row').first().waitFor();
      const count = await page.getByTestId('warnings-count').innerText();
      expect(count.includes(String(warnings.body.length)), `the warnings count (${count} vs ${warnings.body.length})`);
      await shot('warnings');
      await page.getByTestId('warnings-severity').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
      const high = warnings.body.filter((w) => w.severity === 'high').length;
      await until(async () => (await page.getByTestId('warnings-count').innerText()).includes(String(high)) || (await page.getByTestId('warnings-count').innerText()), 'the high warnings');
      expect(page.url().includes('severity=high'), `the filter is kept in the URL (${page.url()})`);
    },
  },
  {
    name: 'the dashboard, customers and warnings pages load cleanly for rep01, manager1 and ceo',
    async run({ page, login, base, shot }) {
      for (const user of ['rep01', 'manager1', 'ceo']) {
        await login(user);
        await page.goto(`${base}/`);
        await page.getByTestId('dash-customer-count').waitFor();
        await page.getByTestId('dash-warnings').waitFor();
        await page.waitForLoadState('networkidle');
        await page.goto(`${base}/customers`);
        await page.getByTestId('customer-link').first().waitFor();
        await page.locator('[data-testid="customers-table"] .ant-table-row-expand-icon').first().click();
        await page.waitForLoadState('networkidle');
        await page.goto(`${base}/warnings`);
        await page.getByTestId('warnings-count').waitFor();
        await page.waitForLoadState('networkidle');
        if (user === 'ceo') {
          // The competitor perspective adds the key persons that competitor can influence.
          await page.goto(`${base}/`);
          await page.getByTestId('dash-customer-count').waitFor();
          await page.getByTestId('toward-select').click();
          await page.locator('.ant-select-dropdown:visible .ant-select-item-option').nth(1).click();
          await page.getByTestId('competitor-influenced').waitFor();
          // "List them" reads a page of those persons, each with their customer and a link to them.
          const show = page.getByTestId('competitor-influenced-show');
          if (await show.count()) {
            await show.click();
            await page.locator('[data-testid="competitor-influenced"] a[href^="/people/"]').first().waitFor();
          }
          await shot('dashboard-competitor');
        }
        await page.getByTestId('logout').click();
        await page.waitForURL(/\/login/);
      }
    },
  },
  {
    name: 'the dashboard shows placeholders, never a 0, until its figures arrive',
    async run({ page, login, api, base }) {
      await login('ceo');
      const line = await api('GET', '/lines/customer?scope=company&limit=0');
      const warnings = await api('GET', '/warnings?scope=company&limit=0');
      // Hold the summaries back until the placeholders have been seen.
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      await page.route(/\/api\/v1\/(lines\/customer|lines\/influence|warnings)\?/, async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${base}/`);
      await page.locator('[data-testid="card-customers"][data-skeleton="true"]').waitFor();
      await page.getByTestId('dash-warnings-skeleton').waitFor();
      await page.getByTestId('influence-analysis-skeleton').waitFor();
      expect(await page.getByTestId('dash-customer-count').count() === 0, 'no customer count while loading');
      const text = await page.getByTestId('dashboard').innerText();
      expect(!/客户数\s*0\b/.test(text), `no "0 customers" while loading (${text.slice(0, 200)})`);
      release();
      await until(async () => (await page.getByTestId('dash-customer-count').count()) === 1 || 'not yet', 'the count');
      const count = (await page.getByTestId('dash-customer-count').innerText()).trim();
      expect(count === String(line.body.trend.customers), `the customer count (${count} vs ${line.body.trend.customers})`);
      await page.getByTestId('dash-warnings-skeleton').waitFor({ state: 'detached' });
      const high = (await page.getByTestId('dash-severity-high').innerText()).trim();
      expect(high.endsWith(String(warnings.body.summary.severity.high)), `the high warnings (${high})`);
      expect(await page.locator('[data-skeleton="true"]').count() === 0, 'no placeholder left');
      await page.unroute(/\/api\/v1\/(lines\/customer|lines\/influence|warnings)\?/);
    },
  },
  {
    name: 'the customer list sorted by a degree, filtered by a tier, page 2 via the pager; the URL keeps them',
    async run({ page, login, api, base, shot }) {
      await login('ceo');
      // The closeness tier with most customers, so that pages of 10 have a second page.
      const summary = (await api('GET', '/lines/customer?scope=company&limit=0')).body;
      const [tier, cell] = Object.entries(summary.tiers.closeness).sort((a, b) => b[1].count - a[1].count)[0];
      expect(cell.count > 10, `a tier with more than 10 customers (${tier}: ${cell.count})`);
      await page.goto(`${base}/customers?size=10`);
      await page.getByTestId('customer-link').first().waitFor();
      await page.getByTestId('customers-tier-closeness').click();
      await page.locator(`.ant-select-dropdown:visible .ant-select-item-option`).nth(['excellent', 'good', 'fair', 'poor'].indexOf(tier)).click();
      await until(async () => page.url().includes(`tier.closeness=${tier}`) || page.url(), 'the tier in the URL');
      await until(async () => (await page.getByTestId('customers-count').innerText()).includes(String(cell.count)) || (await page.getByTestId('customers-count').innerText()), 'the tier count');
      const header = page.locator('th.ant-table-column-has-sorters').filter({ has: page.getByTestId('sort-closeness-percent') });
      await header.click();
      await until(async () => page.url().includes('order=desc') || page.url(), 'descending sort');
      await page.locator('[data-testid="customers-table"] .ant-pagination-item-2').click();
      await until(async () => page.url().includes('page=2') || page.url(), 'page 2 in the URL');
      const expected = (await api('GET', `/lines/customer?scope=company&tier.closeness=${tier}&sort=closeness.percent&order=desc&limit=10&offset=10`)).body;
      const names = expected.items.map((m) => m.name);
      const shown = async () => page.locator('[data-testid="customers-table"][data-loading="false"] [data-testid="customer-link"]').allInnerTexts();
      await until(async () => JSON.stringify(await shown()) === JSON.stringify(names) || (await shown()), `page 2 of the sorted tier (${names})`);
      await shot('customers-tier-page2');
      const url = page.url();
      for (const part of [`tier.closeness=${tier}`, 'sort=closeness.percent', 'order=desc', 'page=2', 'size=10']) expect(url.includes(part), `the URL keeps ${part} (${url})`);
      // The address alone brings back the same page.
      await page.goto(url);
      await until(async () => JSON.stringify(await shown()) === JSON.stringify(names) || (await shown()), 'the same page from the URL');
      const pagerActive = await page.locator('[data-testid="customers-table"] .ant-pagination-item-active').innerText();
      expect(pagerActive.trim() === '2', `the pager shows page 2 (${pagerActive})`);
    },
  },
  {
    name: 'the warnings page filtered by severity shows the summary counts and pages on the server',
    async run({ page, login, api, base }) {
      await login('ceo');
      const all = (await api('GET', '/warnings?scope=company&limit=0')).body.summary;
      const high = all.severity.high;
      expect(high > 20, `more than a page of high warnings (${high})`);
      await page.goto(`${base}/warnings?severity=high&view=list&state=all`);
      await page.getByTestId('warnings-summary').waitFor();
      const count = await page.getByTestId('warnings-count').innerText();
      expect(count.includes(String(high)) && count.includes(String(all.total)), `the count of high warnings of all (${count})`);
      for (const s of ['high', 'medium', 'low']) {
        const text = await page.getByTestId(`warnings-summary-${s}`).innerText();
        expect(text.includes(String(all.severity[s])), `the summary's ${s} count (${text})`);
      }
      const severities = async () => page.locator('[data-testid="warnings-table"] tbody [data-severity]').evaluateAll((tags) => tags.map((t) => t.getAttribute('data-severity')));
      expect((await severities()).every((s) => s === 'high'), 'only high warnings');
      expect((await severities()).length === 20, 'a page of 20');
      const firstPage = await page.locator('[data-testid="warnings-table"] tbody tr.ant-table-row').first().innerText();
      await page.locator('[data-testid="warnings-table"] .ant-pagination-item-2').click();
      await until(async () => page.url().includes('page=2') || page.url(), 'page 2 in the URL');
      await until(async () => (await page.locator('[data-testid="warnings-table"][data-loading="false"] tbody tr.ant-table-row').first().innerText()) !== firstPage || 'same rows', 'the second page');
      expect((await severities()).every((s) => s === 'high'), 'page 2 holds high warnings too');
      expect(page.url().includes('severity=high'), `the filter stays (${page.url()})`);
    },
  },
];
