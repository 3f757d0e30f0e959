// The key person page (rating entry in two clicks, also on a phone) and the opportunity page (the decision
// chain: add, edit, remove a member; the side-by-side with the competitors; the trend).
import { choose } from '../antd.mjs';
import { expect, until } from '../expect.mjs';

/** A key person of one of the signed-in rep's customers whose customer-level closeness toward ours is known and not strong_support. */
async function findKeyPerson(api, accept = (profile) => profile.features.closeness !== 'strong_support' && profile.features.closeness !== 'unknown') {
  const customers = await api('GET', '/organizations?kind=customer&limit=1000');
  for (const customer of customers.body.items) {
    const people = await api('GET', `/people?org=${customer.id}&key=true&active_on=today&limit=1000`);
    for (const person of people.body.items) {
      const profile = await api('GET', `/people/${person.id}/profile`);
      if (accept(profile.body)) return { customer, person, profile: profile.body };
    }
  }
  throw new Error('no key person fits');
}

/** A time zone whose date differs from Shanghai's right now (the demo server's --tz). */
function zoneOnAnotherDay() {
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: 'numeric', hourCycle: 'h23' }).format(new Date()));
  // UTC−12 is 20 hours behind Shanghai: the day before until 20:00 there; UTC+14 is 6 hours ahead: the next day from 18:00.
  return hour < 20 ? 'Etc/GMT+12' : 'Pacific/Kiritimati';
}

export const tests = [
  {
    name: 'a browser on another day gets the company\'s day in the vote form, with the current vote pre-selected',
    timezoneId: zoneOnAnotherDay,
    async run({ page, login, base, api }) {
      await login('rep01');
      const { today } = (await api('GET', '/auth/me')).body;
      const browserDay = await page.evaluate(() => {
        const now = new Date();
        return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
      });
      expect(browserDay !== today, `the browser's day (${browserDay}) differs from the company's (${today})`);
      const { person, profile } = await findKeyPerson(api, () => true);
      await page.goto(`${base}/people/${person.id}`);
      const form = page.getByTestId('vote-form');
      await form.waitFor();
      expect(await form.locator('input[placeholder]').inputValue() === today, 'the vote date defaults to the company\'s day');
      const veto = profile.features.veto;
      expect(await form.locator(`input[type="radio"][value="${veto}"]`).isChecked(), `the current veto (${veto}) is pre-selected`);
    },
  },
  {
    name: 'a rep logs in, changes a key person\'s closeness, and sees the customer\'s percent change',
    async run({ page, login, base, api }) {
      await login('rep01');
      const { customer, person } = await findKeyPerson(api);
      const before = (await api('GET', `/customers/${customer.id}/metrics`)).body.degrees.closeness;
      expect(before.percent !== null, 'the customer has a closeness percent');

      await page.goto(`${base}/people/${person.id}`);
      await page.getByTestId('person-name').waitFor();
      expect((await page.getByTestId('person-name').innerText()).includes(person.name), 'the person page shows the name');
      // Two clicks: the attitude, then Save (with a note this time).
      await page.getByTestId('rating-closeness-strong_support').click();
      await page.getByTestId('rating-note').fill('饭局上明确表态支持我们的方案');
      await page.getByTestId('rating-save').click();
      await page.locator('.ant-message-success').waitFor();
      // The profile was reloaded: closeness is now strong support, and the history has today's rating.
      await page.locator('[data-testid="feature-closeness"] [data-attitude="strong_support"]').waitFor();
      const profile = (await api('GET', `/people/${person.id}/profile`)).body;
      expect(profile.features.closeness === 'strong_support', `the API has the new closeness (${profile.features.closeness})`);
      const today = profile.as_of;
      await page.locator(`[data-testid="rating-day-${today}"]`).waitFor();
      await page.getByTestId('rating-note-text').filter({ hasText: '饭局上明确表态支持我们的方案' }).first().waitFor();

      const after = (await api('GET', `/customers/${customer.id}/metrics`)).body.degrees.closeness;
      expect(after.percent !== before.percent, `the customer's closeness percent changed (${before.percent} → ${after.percent})`);
      // The mean over the same known persons rises by (2 − old value) / known.
      expect(after.known === before.known && after.percent > before.percent, `the percent rose (${before.percent} → ${after.percent})`);

      await page.goto(`${base}/customers/${customer.id}`);
      const card = page.getByTestId('metric-closeness');
      await card.waitFor();
      // The percent first, with one decimal (docs/web.md, "How numbers read").
      const shown = `${after.percent.toFixed(1)}%`;
      await until(async () => (await card.getByTestId('metric-percent-closeness').innerText()) === shown || (await card.innerText()), `the customer page shows ${shown}`);
      expect((await card.getByTestId('metric-percent-closeness').getAttribute('data-value')) === String(after.percent), 'the new percent is the figure shown');
    },
  },
  {
    name: 'rating entry works on a phone-width screen',
    viewport: { width: 375, height: 667 },
    async run({ page, login, base, api, shot }) {
      await login('rep01');
      const { person, profile } = await findKeyPerson(api, (p) => p.features.solution !== 'strong_oppose');
      await page.goto(`${base}/people/${person.id}`);
      const choice = page.getByTestId('rating-solution-strong_oppose');
      await choice.waitFor();
      // Every attitude button fits the screen and is a large touch target.
      for (const value of ['strong_support', 'support', 'neutral', 'oppose', 'strong_oppose', 'unknown']) {
        const box = await page.getByTestId(`rating-solution-${value}`).boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= 375, `${value} fits the width (${JSON.stringify(box)})`);
        expect(box.height >= 40 && box.width >= 60, `${value} is large enough (${JSON.stringify(box)})`);
      }
      const picker = await page.getByTestId('rating-picker').boundingBox();
      expect(picker.y < 667 * 2, `the picker is near the top (${picker.y})`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width <= 380, `the page does not scroll sideways (${width})`);
      await choice.click();
      await page.getByTestId('rating-save').click();
      await page.locator('.ant-message-success').waitFor();
      await page.locator('[data-testid="feature-solution"] [data-attitude="strong_oppose"]').waitFor();
      const after = (await api('GET', `/people/${person.id}/profile`)).body;
      expect(after.features.solution === 'strong_oppose' && profile.features.solution !== 'strong_oppose', 'the solution rating was saved');
      await page.getByTestId('rating-picker').scrollIntoViewIfNeeded();
      await shot('rating-phone');
    },
  },
  {
    name: 'the person page shows features, history, votes, activities, influencers; adds an activity and a vote',
    async run({ page, login, base, api, shot }) {
      await login('rep01');
      const { person, profile } = await findKeyPerson(api, (p) => p.chains.length > 0 && p.influencers.ours.length > 0);
      await page.goto(`${base}/people/${person.id}`);
      await page.getByTestId('person-features').waitFor();
      const known = Math.round(profile.completeness * 7);
      expect((await page.getByTestId('person-completeness').innerText()).includes(`${known}/7`), 'completeness shows known/7');
      const chainRows = page.locator('[data-testid="person-chains"] tbody tr.ant-table-row');
      await chainRows.first().waitFor();
      expect(await chainRows.count() === Math.min(profile.chains.length, 10), 'every chain is listed');
      await page.getByTestId('rating-timeline').waitFor();
      expect(await page.getByTestId('rating-entry').count() > 0, 'the rating history is shown');
      await page.getByTestId('person-paths').waitFor();

      // Add an activity: it appears first in the list.
      const before = (await api('GET', `/activities?person=${person.id}&limit=0`)).body.total;
      await page.getByTestId('activity-note').fill('e2e: 回访');
      await page.getByTestId('activity-save').click();
      await page.locator('[data-testid="activity-list"] tbody tr.ant-table-row').first().filter({ hasText: 'e2e: 回访' }).waitFor();
      const afterCount = (await api('GET', `/activities?person=${person.id}&limit=0`)).body.total;
      expect(afterCount === before + 1, `one activity was added (${before} → ${afterCount})`);

      // Set the veto vote to "no".
      await page.getByTestId('vote-form').getByText('否', { exact: true }).click();
      await page.getByTestId('vote-save').click();
      await page.locator('[data-testid="vote-current-veto"][data-value="no"]').waitFor();

      // Edit the title.
      await page.getByTestId('person-edit').click();
      await page.getByTestId('person-edit-title').fill('e2e 主任');
      await page.getByTestId('person-edit-save').click();
      await page.getByTestId('person-header').getByText('e2e 主任').waitFor();
      const stored = (await api('GET', `/people/${person.id}`)).body;
      expect(stored.title === 'e2e 主任', `the title was saved (${stored.title})`);
      await page.mouse.move(0, 0);
      await shot('person');
    },
  },
  {
    name: 'an opportunity page: add a member, edit its role, rate and remove it; the competitors side by side',
    async run({ page, login, base, api, shot }) {
      await login('rep01');
      const open = await api('GET', '/opportunities?status=open&limit=1000');
      let opportunity = null;
      let candidate = null;
      for (const o of open.body.items) {
        const chain = (await api('GET', `/opportunities/${o.id}/chain`)).body;
        const people = (await api('GET', `/people?org=${o.customer}&active_on=today&limit=1000`)).body.items;
        const free = people.find((p) => !chain.members.some((m) => m.person === p.id));
        if (chain.members.length >= 2 && free) {
          opportunity = o;
          candidate = free;
          break;
        }
      }
      expect(opportunity, 'rep01 has an open opportunity with someone to add');
      const competitors = (await api('GET', '/organizations?kind=competitor')).body.items;

      await page.goto(`${base}/opportunities/${opportunity.id}`);
      await page.getByTestId('chain-section').waitFor();
      expect((await page.getByTestId('opportunity-name').innerText()).includes(opportunity.name), 'the header shows the name');
      // Side by side: one degree row per target, a column per competitor.
      await until(async () => (await page.locator('[data-testid="compare-degrees"] tbody tr.ant-table-row').count()) === competitors.length + 1
        || (await page.locator('[data-testid="compare-degrees"] tbody tr.ant-table-row').count()), 'a degree row per target');
      const header = await page.getByTestId('compare-table').locator('thead').innerText();
      for (const c of competitors) expect(header.includes(c.name), `the comparison has a column for ${c.name}`);
      await page.getByTestId('chain-trend-chart').waitFor();
      await page.mouse.move(0, 0);
      await shot('opportunity');

      // Add.
      await page.getByTestId('chain-add').click();
      await page.getByTestId('member-form-person').click();
      await page.keyboard.type(candidate.name);
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
      await choose(page, 'member-form-role', '教练');
      await page.getByTestId('member-form-save').click();
      const row = page.locator(`[data-testid="chain-role-coach"] [data-testid="chain-member-${candidate.id}"]`);
      await row.waitFor();
      let stored = (await api('GET', `/chain-members?opportunity=${opportunity.id}&person=${candidate.id}&active_on=today`)).body.items;
      expect(stored.length === 1 && stored[0].role === 'coach', `the member was stored (${JSON.stringify(stored)})`);

      // Edit the role.
      await page.getByTestId(`member-edit-${candidate.id}`).click();
      await choose(page, 'member-form-role', '批准者');
      await page.getByTestId('member-edit-save').click();
      await page.locator(`[data-testid="chain-role-approver"] [data-testid="chain-member-${candidate.id}"]`).waitFor();
      stored = (await api('GET', `/chain-members/${stored[0].id}`)).body;
      expect(stored.role === 'approver', `the role was changed (${stored.role})`);

      // Rate the member's price in this opportunity: the value is no longer inherited.
      await page.getByTestId(`member-rate-${candidate.id}`).click();
      await page.getByTestId('rate-drawer').getByTestId('rating-price-support').click();
      await page.getByTestId('rate-drawer').getByTestId('rating-save').click();
      await page.locator('.ant-message-success').first().waitFor();
      await page.locator(`[data-testid="member-${candidate.id}-price"][data-inherited="false"] [data-attitude="support"]`).waitFor();
      const chain = (await api('GET', `/opportunities/${opportunity.id}/chain`)).body;
      const m = chain.members.find((x) => x.person === candidate.id);
      expect(m.price === 'support' && !m.inherited.includes('price'), `the project-level rating counts (${JSON.stringify(m)})`);
      await page.locator('.ant-drawer-close').click();

      // Remove.
      await page.getByTestId(`member-remove-${candidate.id}`).click();
      await page.getByTestId('member-remove-confirm').click();
      await page.locator(`[data-testid="chain-member-${candidate.id}"]`).waitFor({ state: 'detached' });
      stored = (await api('GET', `/chain-members?opportunity=${opportunity.id}&person=${candidate.id}&active_on=today`)).body.items;
      expect(stored.length === 0, 'the member is no longer active');
    },
  },
];
