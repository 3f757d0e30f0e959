// Every figure explains itself (issue 13 item 2, 3): a degree's percent opens the persons and rating facts behind
// it, a MoM change opens who made it, with the parts adding up to the change as shown, and the customer's
// strategy panel says why its strategy is recommended. Checked against the API's figures on the demo company.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, until } from '../expect.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = process.env.BRM_E2E_OUT ? path.resolve(process.env.BRM_E2E_OUT) : path.resolve(here, '../../../build/e2e');

const ZH_ATTITUDES = new Set(['强支持', '支持', '中立', '反对', '强反对', '未知']);
const EN_ATTITUDES = new Set(['Strong support', 'Support', 'Neutral', 'Oppose', 'Strong oppose', 'Unknown']);

/** A screenshot of the open drawer (or of `locator`) for docs/web.md, into the e2e screenshots. */
async function snap(page, name, locator) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(600); // the drawer's entry animation
  await (locator ?? page).screenshot({ path: path.join(out, 'screenshots', `${name}.png`) });
}

function drawer(page) {
  return page.locator('.ant-drawer-content-wrapper:visible');
}

/** The number of a change as shown: "环比 ↑ +17.6个百分点" → 17.6, "MoM ↓ −5.7 pp" → −5.7. */
function shownNumber(text) {
  const match = text.replace(/\s+/g, ' ').match(/([+−-]?)(\d[\d,]*(?:\.\d+)?)/);
  expect(match, `a number in "${text}"`);
  const value = Number(match[2].replace(/,/g, ''));
  return match[1] === '−' || match[1] === '-' ? -value : value;
}

/** Reads the rows of the persons table page after page: [{ name, value, known, date, by }]. */
async function allPersons(page) {
  const rows = [];
  for (let round = 0; round < 20; round++) {
    const table = drawer(page).getByTestId('explain-persons');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    rows.push(...(await table.locator('tbody tr.ant-table-row').evaluateAll((trs) => trs.map((tr) => {
      const cells = [...tr.querySelectorAll('td')].map((td) => td.innerText.trim());
      const value = tr.querySelector('[data-testid="explain-value"]');
      return {
        name: cells[0], value: cells[1], known: value?.getAttribute('data-known') === 'true', attitude: value?.getAttribute('data-value'),
        level: cells[2], date: cells[3], by: cells[4], link: tr.querySelector('a')?.getAttribute('href') ?? '',
      };
    }))));
    const next = drawer(page).locator('.ant-pagination-next:not(.ant-pagination-disabled)');
    if (!(await next.count())) break;
    const first = rows[rows.length - 1].name;
    await next.click();
    await until(async () => (await table.locator('tbody tr.ant-table-row').first().innerText()) !== first, 'the next page of persons');
  }
  return rows;
}

/** rep01's customers, with their metrics (strategy_reason included). */
async function customersOf(api) {
  const line = (await api('GET', '/lines/customer?scope=me&limit=100')).body;
  return Promise.all(line.items.map(async (row) => ({ ...row, metrics: (await api('GET', `/customers/${row.customer}/metrics`)).body })));
}

async function setLanguage(api, language) {
  const answer = await api('PUT', '/auth/language', { language });
  expect(answer.status === 200, `the language is set to ${language} (${answer.status})`);
}

export const tests = [
  {
    name: 'explain: a customer\'s closeness percent lists the persons and rating facts behind it',
    viewport: { width: 1440, height: 900 },
    async run({ page, base, login, api }) {
      await login('rep01');
      const customers = await customersOf(api);
      // The customer with the most key persons, some of them of unknown closeness if any.
      const customer = customers.sort((a, b) => (b.metrics.degrees.closeness.unknown - a.metrics.degrees.closeness.unknown) || (b.key_persons - a.key_persons))[0];
      const stats = customer.metrics.degrees.closeness;
      const users = (await api('GET', '/users?limit=1000')).body.items;
      const logins = new Set(users.map((u) => u.login));
      await page.goto(`${base}/customers/${customer.customer}`);
      const card = page.getByTestId('metric-closeness');
      await card.waitFor();
      const clicked = (await page.getByTestId('metric-percent-closeness').innerText()).trim();
      expect(clicked === `${stats.percent.toFixed(1)}%`, `the card shows the figure's percent (${clicked}, ${stats.percent})`);

      // Keyboard: the percent is a button; Enter opens the drawer.
      await card.getByTestId('explain-figure').focus();
      await page.keyboard.press('Enter');
      await drawer(page).getByTestId('explain-persons').waitFor();
      const percent = (await drawer(page).getByTestId('explain-percent').innerText()).trim();
      expect(percent === clicked, `the drawer shows the percent clicked (${percent} = ${clicked})`);
      const title = await drawer(page).getByTestId('explain-title').innerText();
      expect(title.includes('关系紧密度') && title.includes(customer.name), `the title names the degree and the customer (${title})`);
      const counts = drawer(page).getByTestId('explain-counts');
      expect(Number(await counts.getAttribute('data-known')) === stats.known, 'the drawer states the known count');
      expect((await counts.innerText()).includes(`已知 ${stats.known} 人`), `the counts read in Chinese (${await counts.innerText()})`);

      const rows = await allPersons(page);
      expect(rows.length === stats.n, `one row per person of the figure (${rows.length} of ${stats.n})`);
      const known = rows.filter((r) => r.known);
      expect(known.length === stats.known, `the persons with a known value listed are the figure's known (${known.length} = ${stats.known})`);
      // The values in words, recomputed to the figure's mean.
      const numbers = { strong_support: 2, support: 1, neutral: 0, oppose: -1, strong_oppose: -2 };
      const mean = known.reduce((s, r) => s + numbers[r.attitude], 0) / known.length;
      expect(Math.abs(mean - stats.mean) < 1e-9, `the listed values give the mean (${mean} = ${stats.mean})`);
      for (const row of rows) {
        expect(ZH_ATTITUDES.has(row.value), `the value is a word, not a code (${row.value})`);
        // Demo persons are p-…, persons added by other tests per-…: any person id.
        expect(/^\/people\/[A-Za-z0-9-]+$/.test(row.link), `${row.name} links to the person page (${row.link})`);
        expect(/^\d{4}-\d{2}-\d{2}$/.test(row.date) || row.date === '从未记录', `a date or never recorded (${row.date})`);
        expect(['客户层', '项目层', '沿用客户层', '—'].includes(row.level), `the level in words (${row.level})`);
        expect(row.by === '—' || (!logins.has(row.by) && !row.by.startsWith('u-')), `who recorded it by name, not login (${row.by})`);
      }
      expect(rows.some((r) => r.by !== '—' && r.by !== '…'), 'who recorded a rating is named');
      await drawer(page).locator('.ant-drawer-body').evaluate((body) => body.scrollTo(0, 0));
      await snap(page, 'explain-persons-zh', drawer(page));

      // The name opens the person; the drawer closes with the page change.
      const first = rows[0];
      await drawer(page).getByTestId('explain-person-link').first().click();
      await page.getByTestId('person-name').waitFor();
      expect((await page.getByTestId('person-name').innerText()).includes(first.name), `the person page of ${first.name}`);
      expect(!(await page.locator('.ant-drawer-content-wrapper:visible').count()), 'the drawer closed');
    },
  },
  {
    name: 'explain: a MoM change opens its attribution and the contributions add up to it (en)',
    viewport: { width: 1440, height: 900 },
    async run({ page, base, login, api }) {
      await login('rep01');
      await setLanguage(api, 'en');
      try {
        const customers = await customersOf(api);
        const customer = customers.find((c) => Math.abs(c.mom.closeness ?? 0) > 1e-9);
        expect(customer, 'a customer of rep01 whose closeness changed this month');
        await page.goto(`${base}/customers/${customer.customer}`);
        const card = page.getByTestId('metric-closeness');
        await card.waitFor();
        const delta = (await card.getByTestId('explain-mom').innerText()).trim();
        expect(delta.startsWith('MoM') && delta.endsWith('pp'), `the MoM change in points (${delta})`);
        await card.getByTestId('explain-mom').click();
        const panel = drawer(page).getByTestId('explain-attribution');
        await panel.waitFor();
        const shown = (await panel.getByTestId('explain-delta').innerText()).trim();
        expect(shownNumber(shown) === shownNumber(delta), `the drawer's change is the one clicked (${shown}, ${delta})`);
        expect(Math.abs(Number(await panel.getByTestId('explain-delta').getAttribute('data-value')) - customer.mom.closeness) < 1e-12, 'the same change as the metrics');
        const unit = await panel.innerText();
        expect(unit.includes('percentage points'), 'the drawer says the contributions are in percentage points');

        const parts = await panel.getByTestId('explain-contribution').allInnerTexts();
        const rest = await panel.getByTestId('explain-rest').allInnerTexts();
        expect(parts.length > 0, 'somebody moved the figure');
        const sum = [...parts, ...rest].reduce((s, text) => s + shownNumber(text), 0);
        expect(Math.abs(sum - shownNumber(delta)) < 1e-6, `the contributions shown add up to the change shown (${parts.join(' ')} = ${sum}, ${delta})`);
        const exact = (await panel.getByTestId('explain-contribution').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-value')))))
          .reduce((s, v) => s + v, 0) + (rest.length ? Number(await panel.getByTestId('explain-rest').getAttribute('data-value')) : 0);
        expect(Math.abs(exact - customer.mom.closeness) < 1e-9, `the exact contributions add up to the change (${exact})`);
        const total = (await panel.getByTestId('explain-parts-sum').innerText()).trim();
        expect(shownNumber(total) === shownNumber(delta), `the total row is the change (${total})`);
        for (const tag of await panel.getByTestId('explain-part-kind').allInnerTexts()) {
          expect(['Value changed', 'Entered', 'Left'].includes(tag), `a change kind in words (${tag})`);
        }
        for (const cell of await panel.locator('tbody [data-attitude]').allInnerTexts()) {
          expect(EN_ATTITUDES.has(cell.trim()), `before and now in words (${cell})`);
        }
        await snap(page, 'explain-attribution-en', drawer(page));

        // The same drawer lists the persons in English too.
        await drawer(page).getByTestId('explain-view-persons').click();
        await drawer(page).getByTestId('explain-persons').locator('tbody tr.ant-table-row').first().waitFor();
        await snap(page, 'explain-persons-en', drawer(page));
      } finally {
        await setLanguage(api, 'zh-CN');
      }
    },
  },
  {
    name: 'explain: the strategy panel says which rule held, with its numbers, and whom to profile',
    viewport: { width: 1440, height: 900 },
    async run({ page, base, login, api }) {
      await login('rep01');
      const customers = await customersOf(api);
      const customer = customers.find((c) => c.metrics.strategy_reason.rule === 'incomplete' && c.metrics.strategy_reason.to_profile.length)
        ?? customers[0];
      const reason = customer.metrics.strategy_reason;
      await page.goto(`${base}/customers/${customer.customer}`);
      const panel = page.getByTestId('strategy-reason');
      await panel.waitFor();
      expect((await panel.getAttribute('data-rule')) === reason.rule, `the rule that held (${reason.rule})`);
      const text = await panel.innerText();
      if (reason.rule === 'incomplete') {
        const sentence = `关系图不完整：${reason.key_persons} 位关键人中 ${reason.fully_profiled} 位完整画像，需要 ${reason.profiled_needed} 位（80%），还差 ${reason.profiled_needed - reason.fully_profiled} 位。`;
        expect(text.includes(sentence), `the numbers against the threshold: ${sentence}\n${text}`);
        const listed = panel.getByTestId('strategy-to-profile').locator('li');
        expect((await listed.count()) === Math.min(8, reason.to_profile.length), 'the first key persons to profile');
        for (const [i, person] of reason.to_profile.slice(0, 8).entries()) {
          const item = listed.nth(i);
          expect((await item.locator('a').innerText()) === person.name, `${person.name} is named and linked`);
          expect((await item.locator('a').getAttribute('href')) === `/people/${person.person}`, `${person.name} links to the person`);
          const features = await item.locator('[data-feature]').allInnerTexts();
          expect(features.length === person.missing.length && features.every((f) => !/^[a-z_]+$/.test(f)), `the missing features in words (${features})`);
        }
      }
      expect(text.includes('阈值：至少 3 位关键人且 80% 完整画像'), 'the thresholds');
      await page.getByTestId('strategy-card').scrollIntoViewIfNeeded();
      await snap(page, 'strategy-reason-zh', page.getByTestId('strategy-card'));
    },
  },
  {
    name: 'explain: the dashboard\'s company figure, a chain, a person and an employee open their persons',
    viewport: { width: 1440, height: 900 },
    async run({ page, base, login, api }) {
      await login('manager1');
      const line = (await api('GET', '/lines/customer?scope=team:team-east&limit=0')).body;
      await page.goto(`${base}/`);
      const card = page.getByTestId('card-closeness');
      await card.getByTestId('explain-figure').waitFor();
      const clicked = (await card.getByTestId('explain-figure').innerText()).match(/^[−-]?[\d,.]+%/)?.[0];
      await card.getByTestId('explain-figure').click();
      await drawer(page).getByTestId('explain-persons').locator('tbody tr.ant-table-row').first().waitFor();
      const percent = (await drawer(page).getByTestId('explain-percent').innerText()).trim();
      expect(percent === clicked, `the company percent (${percent} = ${clicked})`);
      expect(Number(await drawer(page).getByTestId('explain-counts').getAttribute('data-known')) === line.trend.degrees.closeness.known, 'the pooled known count');
      await snap(page, 'explain-company-zh', drawer(page));
      // Its MoM attribution adds up too.
      await drawer(page).getByTestId('explain-view-mom').click();
      const panel = drawer(page).getByTestId('explain-attribution');
      await panel.waitFor();
      const delta = shownNumber(await card.getByTestId('explain-mom').innerText());
      if (await panel.getByTestId('explain-parts-sum').count()) {
        const sum = [...await panel.getByTestId('explain-contribution').allInnerTexts(), ...await panel.getByTestId('explain-rest').allInnerTexts()]
          .reduce((s, t) => s + shownNumber(t), 0);
        expect(Math.abs(sum - delta) < 1e-6, `the company's parts add up (${sum} = ${delta})`);
      }
      await page.keyboard.press('Escape');
      await until(async () => (await page.locator('.ant-drawer-content-wrapper:visible').count()) === 0, 'the drawer to close');

      // A chain: the members behind its closeness, with project or inherited levels.
      const opportunities = (await api('GET', '/opportunities?status=open&limit=100')).body.items;
      let chain = null;
      let opportunity = null;
      for (const o of opportunities) {
        const figure = (await api('GET', `/opportunities/${o.id}/chain`)).body;
        if (figure.degrees?.closeness.n > 0) { chain = figure; opportunity = o; break; }
      }
      expect(chain, 'an open opportunity with a chain');
      await page.goto(`${base}/opportunities/${opportunity.id}`);
      await page.getByTestId('chain-degree-closeness').getByTestId('explain-figure').click();
      await drawer(page).getByTestId('explain-persons').locator('tbody tr.ant-table-row').first().waitFor();
      const members = await allPersons(page);
      expect(members.length === chain.degrees.closeness.n, `one row per chain member (${members.length})`);
      expect(members.filter((m) => m.known).length === chain.degrees.closeness.known, 'the chain\'s known count');
      const inherited = chain.members.filter((m) => m.inherited.includes('closeness')).length;
      expect(members.filter((m) => m.level === '沿用客户层').length === inherited, `the inherited members are marked (${inherited})`);
      await page.keyboard.press('Escape');

      // A person: the one fact behind their closeness.
      const person = chain.members[0].person;
      const profile = (await api('GET', `/people/${person}/profile`)).body;
      await page.goto(`${base}/people/${person}`);
      await page.getByTestId('explain-feature-closeness').click();
      await drawer(page).getByTestId('explain-persons').locator('tbody tr.ant-table-row').first().waitFor();
      const facts = await allPersons(page);
      expect(facts.length === 1 && facts[0].attitude === profile.features.closeness, `the person's value (${facts[0]?.attitude})`);
      await page.keyboard.press('Escape');

      // An employee: the key persons they can influence.
      await page.goto(`${base}/influence?tab=employees`);
      const cell = page.getByTestId('influence-employee-table').locator('[data-testid="employee-closeness-explain"]').first();
      await cell.waitFor();
      await cell.click();
      await drawer(page).getByTestId('explain-stats').waitFor();
      const title = await drawer(page).getByTestId('explain-title').innerText();
      expect(title.includes('可影响的关键人'), `the employee figure (${title})`);
    },
  },
];
