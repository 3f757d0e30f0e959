// Project history (PBM): the opportunity's project file with its five aspects, a document uploaded by drag and
// drop (its SHA-256 checked against the one computed here) and downloaded again, the guided review that closes
// an opportunity, and the customer's History tab counting it. The demo may hold no project history, so every
// test records what it needs through the API first.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { choose } from '../antd.mjs';
import { expect, until } from '../expect.mjs';

/** An API call that must succeed. */
async function must(api, method, url, body) {
  const answer = await api(method, url, body);
  expect(answer.status >= 200 && answer.status < 300, `${method} ${url} → ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** The signed-in rep's open opportunities, our organization and the competitors. */
async function setting(api) {
  const open = (await must(api, 'GET', '/opportunities?status=open&limit=1000')).items;
  expect(open.length >= 2, 'the rep has two open opportunities');
  const ours = (await must(api, 'GET', '/organizations?kind=ours&limit=1')).items[0];
  const competitors = (await must(api, 'GET', '/organizations?kind=competitor&limit=10')).items;
  expect(ours && competitors.length >= 2, 'ours and two competitors exist');
  return { open, ours, competitors };
}

/** An open opportunity (not among `skip`) whose project file has no criteria, quotes or vendors yet, if any. */
async function bare(api, open, skip = []) {
  for (const o of open) {
    if (skip.includes(o.id)) continue;
    const view = await must(api, 'GET', `/opportunities/${o.id}/project`);
    if (!view.situation.criteria.length && !view.money.quotes.length && !view.people.vendors.length) return o;
  }
  return null;
}

/** The kinds of the model a customer (or the company, null) uses today. */
async function modelKinds(api, customer) {
  const models = (await must(api, 'GET', '/milestone-models?active_on=today&limit=1000')).items;
  const model = models.find((m) => m.customer === customer) ?? models.find((m) => m.customer === null);
  return model ? model.kinds.map((k) => k.kind) : ['initiation', 'budget_approval', 'tender_notice', 'bid_submission', 'evaluation', 'award_notice', 'contract'];
}

export const tests = [
  {
    name: 'project file: five aspects, quote rounds, criteria sum, timeline; a document dropped, its SHA-256, downloaded',
    async run({ page, base, login, shot, api }) {
      await login('rep01');
      const { open, ours, competitors } = await setting(api);
      const opp = (await bare(api, open)) ?? open[0];
      const sibling = open.find((o) => o.customer === opp.customer && o.id !== opp.id) ?? open[1];
      const [a, b] = competitors;
      await must(api, 'PATCH', `/opportunities/${opp.id}`, {
        budget: 1000000, scope: '统一身份认证与单点登录，覆盖 3 个院区', conditions: ['legacy_limits', 'compliance'],
        method: 'public_tender', rule: 'comprehensive_score',
      });
      // Two history projects of the customer set its rhythm: initiation → budget approval 30 and 36 days
      // (median 33), budget approval → tender notice 20 days; so with initiation 20 days ago the budget
      // approval is due in 13 days and the tender notice expected in 33.
      const history = await must(api, 'GET', `/customers/${opp.customer}/history`);
      const past = [...history.projects.ids.won, ...history.projects.ids.lost].slice(0, 2);
      expect(past.length === 2, `the customer has two history projects (${past})`);
      const today = (await must(api, 'GET', `/opportunities/${opp.id}/project`)).as_of;
      const shift = (date, days) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);
      for (const [i, id] of past.entries()) {
        const start = shift(today, -400 - 100 * i);
        await must(api, 'POST', '/milestones', { opportunity: id, kind: 'initiation', date: start });
        await must(api, 'POST', '/milestones', { opportunity: id, kind: 'budget_approval', date: shift(start, i ? 36 : 30) });
        await must(api, 'POST', '/milestones', { opportunity: id, kind: 'tender_notice', date: shift(start, (i ? 36 : 30) + 20) });
      }
      await must(api, 'POST', '/milestones', { opportunity: opp.id, kind: 'initiation', date: shift(today, -20) });
      await must(api, 'POST', '/criteria', { opportunity: opp.id, item: '技术方案', weight: 60, our_score: 52, best_score: 55 });
      await must(api, 'POST', '/criteria', { opportunity: opp.id, item: '商务报价', weight: 30 });
      await must(api, 'POST', '/vendors', { opportunity: opp.id, org: ours.id, result: 'unknown' });
      await must(api, 'POST', '/vendors', { opportunity: opp.id, org: a.id, result: 'unknown' });
      for (const [round, org, price] of [[1, ours.id, 980000], [1, a.id, 950000], [1, b.id, 990000], [2, ours.id, 900000], [2, a.id, 920000]]) {
        await must(api, 'POST', '/quotes', { opportunity: opp.id, round, org, price, date: opp.opened });
      }
      await must(api, 'POST', '/project-links', { from: opp.id, to: sibling.id, kind: 'related' });

      await page.goto(`${base}/opportunities/${opp.id}`);
      await page.getByTestId('project-file').waitFor();
      // People: the chain and the two vendors.
      await page.getByTestId('project-vendors').getByText(a.name).waitFor();
      await shot('project-people');

      // Money: the ratios and the quote rounds chart.
      await page.getByRole('tab', { name: /财/ }).click();
      await page.getByTestId('quote-chart').locator('canvas').waitFor();
      expect((await page.getByTestId('money-budget').innerText()).includes('1,000,000'), 'the budget');
      await until(async () => {
        const quotes = await page.getByTestId('project-quotes').innerText();
        return (quotes.includes('90.0%') && quotes.includes(a.name) && quotes.includes('我司')) || quotes;
      }, 'the quotes with their share of the budget');
      await shot('project-money');

      // Situation: the weights add up to 90, shown in red; the link opens the other opportunity.
      await page.getByRole('tab', { name: /情/ }).click();
      const sum = page.getByTestId('criteria-sum');
      await sum.waitFor();
      const total = (await must(api, 'GET', `/opportunities/${opp.id}/project`)).situation.weights_total;
      expect(total !== 100 && (await sum.getAttribute('data-ok')) === 'false' && (await sum.innerText()).includes(String(total)), `the weight sum ${total} is flagged`);
      expect((await page.getByTestId('project-situation').innerText()).includes('公开招标'), 'the tender method');
      await page.getByTestId('project-links').locator('a').waitFor();
      await shot('project-situation');

      // Timing: initiation reached (solid), the rest without history to expect them.
      await page.getByRole('tab', { name: /节/ }).click();
      await page.getByTestId('timeline').waitFor();
      expect((await page.getByTestId('timeline-initiation').getAttribute('data-state')) === 'reached', 'initiation is reached');
      // Without other history the budget approval is due in 13 days; a demo with history may move it.
      const timing = (await must(api, 'GET', `/opportunities/${opp.id}/project`)).timing.milestones;
      const approval = timing.find((m) => m.kind === 'budget_approval');
      if (approval && !approval.date && approval.expected) {
        const state = await page.getByTestId('timeline-budget_approval').getAttribute('data-state');
        expect(['due', 'expected', 'overdue'].includes(state), `the budget approval is drawn as expected (${state})`);
        expect((await page.getByTestId('timing-table').innerText()).includes(approval.expected), 'the expected day of the budget approval');
      }
      if (!history.rhythm.some((r) => r.n > 0)) {
        expect(approval.expected === shift(today, 13), `the budget approval is expected in 13 days (${approval.expected})`);
        expect((await page.getByTestId('timeline-budget_approval').getAttribute('data-state')) === 'due', 'the budget approval is due');
      }
      await shot('project-timing');

      // Things: drop a file on the upload area.
      await page.getByRole('tab', { name: /物/ }).click();
      await page.getByTestId('document-drop').waitFor();
      const name = '需求说明书-e2e.txt';
      const content = `BRM e2e 需求说明 ${Date.now()}\n`.repeat(2000);
      const sha = createHash('sha256').update(Buffer.from(content, 'utf8')).digest('hex');
      await page.evaluate(([fileName, text]) => {
        const data = new DataTransfer();
        data.items.add(new File([text], fileName, { type: 'text/plain' }));
        const target = document.querySelector('[data-testid="document-drop"] .ant-upload-btn') ?? document.querySelector('[data-testid="document-drop"] .ant-upload');
        target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      }, [name, content]);
      await until(async () => (await page.getByTestId('document-progress').getAttribute('data-done').catch(() => null)) === 'true', 'the upload to finish');
      const table = page.getByTestId('documents-table');
      await table.getByText(name).waitFor();
      const stored = (await must(api, 'GET', `/documents?opportunity=${opp.id}`)).items.find((d) => d.name === name);
      expect(stored && stored.sha256 === sha, `the server's SHA-256 is the one computed here (${stored?.sha256})`);
      const shown = (await page.getByTestId(`document-sha-${stored.id}`).innerText()).trim();
      expect(shown === sha, `the page shows the SHA-256 (${shown})`);
      expect((await table.innerText()).includes('KB'), 'the size');
      await shot('project-things');

      // The warnings page tells of the milestone due, in Chinese.
      const due = (await must(api, 'GET', '/warnings')).find((w) => w.kind === 'milestone_due' && w.opportunity === opp.id);
      if (due) {
        await page.goto(`${base}/warnings?kind=milestone_due`);
        await page.getByText(`商机「${opp.name}」的下一个关键时点「${{ budget_approval: '预算审批', tender_notice: '招标公告' }[due.milestone] ?? due.milestone}」预计在 ${due.expected}。`).first().waitFor();
        await shot('warnings-milestone-due');
        await page.goBack();
      }
      await page.getByTestId(`document-download-${stored.id}`).waitFor();

      // Download it again: the same bytes, under its own name.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`document-download-${stored.id}`).click()]);
      expect(download.suggestedFilename() === name, `the file's name (${download.suggestedFilename()})`);
      const bytes = readFileSync(await download.path());
      expect(createHash('sha256').update(bytes).digest('hex') === sha, 'the downloaded file has the same SHA-256');
    },
  },
  {
    name: 'review: a refused review points at its field, a corrected one closes the opportunity; the History tab counts it',
    async run({ page, base, login, shot, api, allowConsoleErrors }) {
      await login('rep01');
      const { open, competitors } = await setting(api);
      const opp = (await bare(api, [...open].reverse(), [open[0].id])) ?? open[open.length - 1];
      const before = await must(api, 'GET', `/customers/${opp.customer}/history`);
      const [a] = competitors;
      await must(api, 'PATCH', `/opportunities/${opp.id}`, { budget: 2000000 });

      await page.goto(`${base}/opportunities/${opp.id}`);
      await page.getByTestId('review-open').click();
      const dialog = page.getByTestId('review-dialog');
      await dialog.waitFor();
      // Result and date (today by default).
      await dialog.getByText('赢单', { exact: true }).click();
      await page.getByTestId('review-next').click();
      // Winner and amounts.
      await choose(page, 'review-winner', '我司');
      await page.getByTestId('review-winning-bid').fill('1800000');
      await page.getByTestId('review-our-bid').fill('1800000');
      await page.getByTestId('review-next').click();
      // Vendors: a competitor that came second.
      await page.getByTestId('review-vendor-add').click();
      const row = (await dialog.locator('[data-testid^="review-vendor-org-"]').count()) - 1;
      await choose(page, `review-vendor-org-${row}`, a.name);
      await choose(page, `review-vendor-result-${row}`, '未中标');
      await page.getByTestId(`review-vendor-rank-${row}`).fill('2');
      await page.getByTestId('review-next').click();
      // Our final quote.
      await page.getByTestId('review-quote-price').fill('1800000');
      await page.getByTestId('review-next').click();
      // Criteria adding up to 90: the sum turns red.
      await page.getByTestId('review-criterion-add').click();
      await page.getByTestId('review-criterion-item-0').fill('技术方案');
      await page.getByTestId('review-criterion-weight-0').fill('60');
      await page.getByTestId('review-criterion-add').click();
      await page.getByTestId('review-criterion-item-1').fill('商务报价');
      await page.getByTestId('review-criterion-weight-1').fill('30');
      await until(async () => (await page.getByTestId('review-criteria-sum').getAttribute('data-ok')) === 'false', 'the red sum');
      await page.getByTestId('review-next').click();
      // Lessons with tags.
      await choose(page, 'review-lesson-kind-0', '赢单因素');
      await page.getByTestId('review-lesson-tags-0').click();
      await page.keyboard.type('高层关系');
      await page.keyboard.press('Enter');
      await page.getByTestId('review-lesson-text-0').fill('提前三个月与信息中心主任建立信任');
      await shot('review-lessons');
      allowConsoleErrors(); // the browser logs the refused review's 400
      await page.getByTestId('review-submit').click();
      // Refused: the weights do not add up to 100; the dialog goes back to the criteria step.
      await page.getByTestId('review-error').waitFor();
      await page.getByTestId('review-criterion-weight-0').waitFor({ state: 'visible' });
      await shot('review-refused');
      expect((await must(api, 'GET', `/opportunities/${opp.id}`)).status === 'open', 'nothing was saved');
      await page.getByTestId('review-criterion-weight-0').fill('70');
      await until(async () => (await page.getByTestId('review-criteria-sum').getAttribute('data-ok')) === 'true', 'the sum of 100');
      for (let i = 0; i < 5 && (await page.getByTestId('review-next').isVisible()); i++) await page.getByTestId('review-next').click();
      await page.getByTestId('review-submit').click();
      await until(async () => (await page.getByTestId('opportunity-status').innerText()).includes('赢单'), 'the opportunity is won');
      const closed = await must(api, 'GET', `/opportunities/${opp.id}`);
      expect(closed.status === 'won' && closed.closed && closed.winning_bid === 1800000, `the review is stored (${JSON.stringify(closed)})`);
      await page.getByTestId('review-open').waitFor({ state: 'detached' });

      // The customer's History tab counts it, and the number opens the project.
      await page.goto(`${base}/customers/${opp.customer}?tab=history`);
      const won = page.getByTestId('history-won');
      await won.waitFor();
      await until(async () => (await won.innerText()).trim() === String(before.projects.won + 1), `${before.projects.won + 1} won projects`);
      expect((await page.getByTestId('history-count').innerText()).trim() === String(before.projects.count + 1), 'one more project');
      await page.getByTestId('history-competitors').getByText(a.name).waitFor();
      await page.getByTestId('history-lessons').getByText('高层关系').waitFor();
      await won.click();
      await page.getByTestId('history-drawer-table').getByText(opp.name).waitFor();
      await shot('customer-history-drawer');
      await page.keyboard.press('Escape');
      await shot('customer-history');
    },
  },
  {
    name: 'milestone model: a rep adds a custom milestone and reorders the customer\'s model; English texts',
    async run({ page, base, login, shot, api }) {
      await login('rep01');
      const customer = (await must(api, 'GET', '/organizations?kind=customer&limit=1')).items[0];
      await page.goto(`${base}/customers/${customer.id}?tab=history`);
      const editor = page.getByTestId('model-editor');
      await editor.waitFor();
      const before = await modelKinds(api, customer.id);
      await page.getByTestId('model-new-name').fill('E2E pilot 试点');
      await page.getByTestId('model-add').click();
      await page.getByTestId('model-up-e2e_pilot').click();
      await page.getByTestId('model-save').click();
      await page.locator('.ant-message-success').waitFor();
      const models = (await must(api, 'GET', '/milestone-models?active_on=today&limit=1000')).items.filter((m) => m.customer === customer.id);
      expect(models.length === 1, 'the customer has its own model');
      const kinds = models[0].kinds.map((k) => k.kind);
      const expected = [...before.slice(0, -1), 'e2e_pilot', before[before.length - 1]];
      expect(kinds.join() === expected.join(), `the model's order (${kinds.join(',')})`);
      expect(models[0].kinds.find((k) => k.kind === 'e2e_pilot').name === 'E2E pilot 试点', 'the custom name');
      await shot('milestone-model');

      // In English the same tab reads in English.
      await must(api, 'PUT', '/auth/language', { language: 'en' });
      await page.goto(`${base}/customers/${customer.id}?tab=history`);
      await page.getByText('Milestone model (this customer)').waitFor();
      await page.getByText('Usual rhythm').waitFor();
      await shot('customer-history-en');
      const opp = (await must(api, 'GET', '/opportunities?status=open&limit=1')).items[0];
      await page.goto(`${base}/opportunities/${opp.id}?aspect=timing`);
      await page.getByText('Filled: the date reached; hollow and dashed: the date expected.').waitFor();
      await page.getByRole('tab', { name: 'Money: amounts, quotes' }).click();
      await page.getByText('Winning bid / budget').waitFor();
      await page.getByRole('tab', { name: 'Timing: milestones' }).click();
      await shot('project-file-en');
      await must(api, 'PUT', '/auth/language', { language: 'zh-CN' });

      // The company default is read only for a rep.
      await page.goto(`${base}/strategy`);
      await page.getByTestId('company-model-editor').getByTestId('model-kinds').waitFor();
      expect((await page.getByTestId('model-save').count()) === 0, 'no save button for a rep');
    },
  },
  {
    name: 'milestone model: the admin reorders the company default on the strategy page',
    async run({ page, base, login, api }) {
      await login('admin');
      await page.goto(`${base}/strategy`);
      const before = await modelKinds(api, null);
      const [second, last] = before.slice(-2);
      const editor = page.getByTestId('company-model-editor');
      await editor.getByTestId(`model-kind-${last}`).waitFor();
      await page.getByTestId(`model-up-${last}`).click();
      await page.getByTestId('model-save').click();
      await page.locator('.ant-message-success').waitFor();
      const company = async () => (await must(api, 'GET', '/milestone-models?active_on=today&limit=1000')).items.find((m) => m.customer === null);
      expect((await company()).kinds.map((k) => k.kind).slice(-2).join() === `${last},${second}`, `${last} moved up`);
      // And back.
      await page.getByTestId(`model-down-${last}`).click();
      await page.getByTestId('model-save').click();
      await until(async () => (await company()).kinds.map((k) => k.kind).join() === before.join(), 'the default order again');
    },
  },
  {
    name: 'milestone model: dropping the next expected milestone moves the expected dates on the timeline',
    async run({ page, base, login, api, shot }) {
      // The demo's open projects are part-way through their milestones, with the customers' rhythms behind them.
      await login('rep01');
      const open = (await must(api, 'GET', '/opportunities?status=open&limit=1000')).items;
      let target = null;
      let upcoming = [];
      for (const o of open) {
        const view = await must(api, 'GET', `/opportunities/${o.id}/project`);
        upcoming = view.timing.milestones.filter((m) => !m.date && m.expected);
        if (upcoming.length >= 2) { target = o; break; }
      }
      expect(target, 'an open opportunity of rep01 with two milestones still expected');
      const [next, following] = upcoming;
      const models = (await must(api, 'GET', '/milestone-models?active_on=today&limit=1000')).items;
      const own = models.find((m) => m.customer === target.customer);

      await page.goto(`${base}/customers/${target.customer}?tab=history`);
      await page.getByTestId('model-editor').getByTestId(`model-remove-${next.kind}`).click();
      await page.getByTestId('model-save').click();
      await page.locator('.ant-message-success').waitFor();

      const after = await must(api, 'GET', `/opportunities/${target.id}/project`);
      expect(!after.timing.model.includes(next.kind), `${next.kind} left the model`);
      const moved = after.timing.milestones.find((m) => m.kind === following.kind);
      expect(moved && moved.expected !== following.expected,
        `${following.kind} was expected on ${following.expected}; now ${moved?.expected} (one interval instead of two)`);
      await page.goto(`${base}/opportunities/${target.id}?aspect=timing`);
      const table = page.getByTestId('timing-table');
      await table.waitFor();
      if (moved.expected) await until(async () => (await table.innerText()).includes(moved.expected), `the timeline shows ${moved.expected}`);
      await shot('timeline-after-model-change');

      // The customer's model as it was.
      const mine = (await must(api, 'GET', '/milestone-models?active_on=today&limit=1000')).items.find((m) => m.customer === target.customer);
      if (own) await must(api, 'PATCH', `/milestone-models/${own.id}`, { kinds: own.kinds });
      else await must(api, 'DELETE', `/milestone-models/${mine.id}`);
    },
  },
];
