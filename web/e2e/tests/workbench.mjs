// The workbench (工作台): a rep lands on it after signing in, finishes a task due today, snoozes a new
// warning, turns a suggestion into a task and asks for an introduction that a suggestion proposes (the
// employee answers it in their inbox); a manager lands on the team's version.
import { expect, until } from '../expect.mjs';

async function states(api) {
  return (await api('GET', '/warnings?limit=0')).body.summary.state;
}

export const tests = [
  {
    name: 'a rep works from the workbench: finishes a task, snoozes a warning, makes a suggestion a task',
    async run({ base, page, login, api, shot }) {
      await login('rep01');
      await until(async () => page.url().endsWith('/workbench') || page.url(), 'the rep lands on the workbench');
      const me = (await api('GET', '/auth/me')).body;
      const made = await api('POST', '/tasks', { title: '给赵总回电话确认方案评审时间', assignee: me.user.id, due: me.today });
      expect(made.status === 201, `a task due today (${made.status})`);
      await page.reload();
      await page.getByTestId('workbench').waitFor();
      const task = page.locator('[data-testid="workbench-task"]', { hasText: '给赵总回电话确认方案评审时间' });
      await task.waitFor();
      const suggestion = page.getByTestId('workbench-suggestion').first();
      await suggestion.waitFor();
      await page.getByTestId('workbench-warning').first().waitFor();
      await shot('workbench');

      // Finish the task.
      await task.getByTestId('workbench-task-done').click();
      await until(async () => (await api('GET', `/tasks/${made.body.id}`)).body.status === 'done', 'the task is done');
      await task.waitFor({ state: 'detached' });

      // Snooze the first new warning.
      const before = await states(api);
      const warning = page.getByTestId('workbench-warning').first();
      await warning.getByTestId('warning-more').click();
      await page.locator('.ant-dropdown:not(.ant-dropdown-hidden) [data-testid="warning-snooze"]').click();
      await page.getByTestId('snooze-until').waitFor();
      await page.waitForTimeout(300); // the dialog's opening motion: a click during it may be lost
      await page.getByTestId('snooze-ok').click();
      await page.getByTestId('snooze-ok').waitFor({ state: 'hidden' });
      await until(async () => (await states(api)).snoozed === before.snoozed + 1, 'the warning is snoozed');
      await until(async () => (await page.getByTestId('workbench-count-newWarnings').innerText()).includes(String(before.new - 1)) || 'not yet',
        'the new warnings count follows');
      await page.mouse.move(640, 700);

      // Turn the first suggestion into a task.
      const first = (await api('GET', '/suggestions?limit=1')).body.items[0];
      expect(first, 'rep01 has suggestions');
      const text = await suggestion.getByTestId('suggestion-text').innerText();
      await suggestion.getByTestId('suggestion-to-task').click();
      const title = page.getByTestId('task-title');
      await until(async () => (await title.inputValue()) === text || (await title.inputValue()), 'the title is the suggestion\'s sentence');
      await page.getByTestId('task-form-submit').click();
      await page.getByTestId('task-form').waitFor({ state: 'hidden' });
      const tasks = (await api('GET', `/tasks?assignee=${me.user.id}&source=suggestion&limit=50`)).body.items;
      expect(tasks.some((x) => x.source_key === first.key && x.title === text), `the task keeps the suggestion's key (${first.key})`);
    },
  },
  {
    name: 'a rep asks for the introduction a suggestion proposes; the employee declines it in their inbox',
    async run({ page, login, api, shot }) {
      await login('rep01');
      const me = (await api('GET', '/auth/me')).body;
      const users = (await api('GET', '/users?limit=500')).body.items;
      const userOf = new Map(users.filter((u) => u.active && u.person && u.id !== me.user.id).map((u) => [u.person, u]));
      const ranked = (await api('GET', '/suggestions?limit=200')).body.items;
      const index = ranked.findIndex((s) => s.kind === 'introduce' && userOf.has(s.employees[0]));
      expect(index >= 0, 'rep01 has an introduction to ask of another user');
      const wanted = ranked[index];
      const employee = userOf.get(wanted.employees[0]);
      await page.getByTestId('workbench-suggestions').waitFor();
      const row = page.locator(`[data-testid="workbench-suggestion"][data-key="${wanted.key}"]`);
      for (let shown = 6; shown <= index; shown += 12) {
        await page.getByTestId('suggestions-more').click();
        await page.waitForLoadState('networkidle');
      }
      await row.getByTestId('suggestion-ask').click();
      await page.getByTestId('ask-note').fill('工作台上看到的建议：请帮忙引荐');
      await page.getByTestId('ask-ok').click();
      let request;
      await until(async () => {
        const mine = (await api('GET', `/introductions?by=${me.user.id}&person=${wanted.person}&limit=50`)).body.items;
        request = mine.find((r) => r.status === 'pending' && r.employee === wanted.employees[0]);
        return !!request || 'not yet';
      }, 'the request is stored');
      expect(JSON.stringify(request.via) === JSON.stringify(wanted.via), 'along the suggested path');

      await page.getByTestId('logout').click();
      await login(employee.login);
      await page.getByTestId('inbox-bell').click();
      const item = page.locator('[data-testid="inbox-item"][data-kind="introduction_request"]', { hasText: '工作台上看到的建议' }).first();
      await item.getByTestId('inbox-decline').click();
      await page.getByTestId('answer-note').fill('这位我不熟，抱歉');
      await page.getByTestId('answer-ok').click();
      await item.waitFor({ state: 'detached' });
      expect((await api('GET', `/introductions/${request.id}`)).body.status === 'declined', 'declined');
      await shot('inbox-declined');
    },
  },
  {
    name: 'a manager lands on the team\'s workbench',
    async run({ page, login, shot }) {
      await login('manager1');
      await page.getByTestId('workbench').waitFor();
      await page.getByTestId('workbench-suggestions').waitFor();
      await page.getByTestId('workbench-changes').waitFor();
      await page.waitForLoadState('networkidle');
      await shot('workbench-manager');
    },
  },
];
