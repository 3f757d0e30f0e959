// The warning workflow: a rep opens the warnings grouped by customer (open ones by default), acknowledges
// one, snoozes one until a day and dismisses one with a reason — each gone from the open list where it
// should be, stored as the API says — finds the dismissed one under its filter and reopens it.
import { expect, until } from '../expect.mjs';

/** Chooses `action` in the row's menu of actions. */
async function choose(page, row, action) {
  await row.getByTestId('warning-more').click();
  await page.locator(`.ant-dropdown:not(.ant-dropdown-hidden) [data-testid="${action}"]`).click();
}

/** The summary's count of warnings in each state, as the API answers it. */
async function states(api) {
  const answer = await api('GET', '/warnings?limit=0');
  expect(answer.status === 200, `warnings summary (${answer.status})`);
  return answer.body.summary.state;
}

export const tests = [
  {
    name: 'a rep acknowledges, snoozes, dismisses and reopens warnings from the list grouped by customer',
    async run({ base, page, login, api, shot }) {
      await login('rep01');
      const before = await states(api);
      expect(before.new >= 3, `rep01 has new warnings to work (${before.new})`);
      await page.goto(`${base}/warnings`);
      const groups = page.locator('[data-testid="warning-groups"] > * tbody tr.ant-table-row-level-0');
      await page.getByTestId('warning-groups').waitFor();
      await groups.first().waitFor();
      const groupRows = await api('GET', '/warnings?group=customer&state=open&limit=200');
      const firstCount = groupRows.body.items[0].count;
      expect((await groups.first().getByTestId('group-count').innerText()).trim() === String(firstCount),
        `the first customer's count is the API's (${firstCount})`);

      // Open the first customer's warnings.
      await groups.first().locator('.ant-table-row-expand-icon').click();
      const rows = page.locator('[data-testid="warnings-table"] tbody tr.ant-table-row');
      await rows.first().waitFor();
      await shot('warnings-grouped');

      // Acknowledge: still open, no longer new.
      const newRow = () => rows.filter({ has: page.locator('[data-state="new"]') }).first();
      await newRow().getByTestId('warning-acknowledge').click();
      await until(async () => (await states(api)).acknowledged === before.acknowledged + 1, 'the acknowledgement is stored');
      await until(async () => (await page.locator('[data-testid="warnings-table"] [data-state="acknowledged"]').count()) >= 1, 'the row says acknowledged');

      // Snooze until the day the dialog offers (a week ahead).
      await choose(page, newRow(), 'warning-snooze');
      await page.getByTestId('snooze-until').waitFor();
      await page.waitForTimeout(300); // the dialog's opening motion: a click during it may be lost
      await page.getByTestId('snooze-ok').click();
      await page.getByTestId('snooze-ok').waitFor({ state: 'hidden' });
      await until(async () => (await states(api)).snoozed === before.snoozed + 1, 'the snooze is stored');
      const snoozed = (await api('GET', '/warnings?state=snoozed&limit=200')).body.items;
      expect(snoozed.every((w) => w.decision && w.decision.snoozed_until > (w.decision.date)), 'snoozed until a later day');

      // Dismiss with a reason.
      await page.mouse.move(640, 700);
      await choose(page, newRow(), 'warning-dismiss');
      await page.getByTestId('dismiss-ok').click();
      await page.locator('.ant-form-item-explain-error').first().waitFor(); // a reason is required
      await page.getByTestId('dismiss-reason').fill('客户已确认此事无碍');
      await page.getByTestId('dismiss-ok').click();
      await until(async () => (await states(api)).dismissed === before.dismissed + 1, 'the dismissal is stored');
      const after = await states(api);
      expect(after.open === before.open - 2, `two fewer open warnings (${before.open} → ${after.open})`);
      await until(async () => (await groups.first().getByTestId('group-count').innerText()).trim() === String(firstCount - 2),
        'the customer\'s count follows');

      // The dismissed one, under its filter, with its reason; reopened.
      await page.goto(`${base}/warnings?state=dismissed&view=list`);
      const dismissed = page.locator('[data-testid="warnings-table"] tbody tr.ant-table-row', { has: page.locator('[data-state="dismissed"]') });
      await dismissed.first().waitFor();
      const stored = (await api('GET', '/warnings?state=dismissed&limit=200')).body.items;
      expect(stored.some((w) => w.decision.reason === '客户已确认此事无碍' && w.decision.by === (stored[0].decision.by)), 'the reason is kept');
      await shot('warnings-dismissed');
      const count = await dismissed.count();
      await dismissed.first().getByTestId('warning-reopen').click();
      await until(async () => (await states(api)).dismissed === after.dismissed - 1, 'the reopen undoes the dismissal');
      await until(async () => (await dismissed.count()) === count - 1, 'the row leaves the dismissed list');
    },
  },
];
