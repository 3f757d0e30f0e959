// Tasks (待办): a rep turns a warning into a task and works it from the to-do list (snooze with undo,
// comment, finish, find it among the closed); a manager assigns one to a rep of the team, who sees it and
// may finish it, while a rep of another team does not see it.
import { expect, until } from '../expect.mjs';

/** The titles of the task rows in one group of the list ([] when the group is not shown). */
async function titlesIn(page, group) {
  return page.locator(`[data-testid="tasks-group-${group}"] [data-testid="task-title-cell"]`).allInnerTexts();
}

/** The tasks the API lists for the signed-in user with `query`. */
async function listed(api, query) {
  const answer = await api('GET', `/tasks?limit=500&${query}`);
  expect(answer.status === 200, `tasks listed (${answer.status})`);
  return answer.body.items;
}

export const tests = [
  {
    name: 'a rep turns a warning into a task and works it from the to-do list',
    async run({ base, page, login, api, shot }) {
      await login('rep01');
      const me = (await api('GET', '/auth/me')).body;
      await page.goto(`${base}/warnings?view=list`);
      const first = page.locator('[data-testid="warnings-table"] tbody tr.ant-table-row').first();
      await first.waitFor();
      await first.getByTestId('warning-more').click();
      await page.locator('.ant-dropdown:not(.ant-dropdown-hidden) [data-testid="warning-to-task"]').click();
      const title = page.getByTestId('task-title');
      await until(async () => (await title.inputValue()).length > 0, 'the title filled in from the warning');
      const sentence = await title.inputValue();
      await page.getByTestId('task-form-submit').click();
      await page.getByTestId('task-form').waitFor({ state: 'hidden' });

      const made = (await listed(api, `assignee=${me.user.id}&source=warning`)).find((t) => t.title === sentence);
      expect(made, `the task is stored with its source (${sentence})`);
      expect(made.status === 'open' && made.by === me.user.id && made.customer, 'open, by the rep, about the warning\'s customer');
      expect(/^[a-z_]+:/.test(made.source_key), `the warning's key is kept (${made.source_key})`);

      await page.goto(`${base}/tasks`);
      await page.getByTestId('tasks-group-undated').waitFor();
      expect((await titlesIn(page, 'undated')).includes(sentence), 'the new task is listed without a due date');
      await shot('tasks');

      // Snooze it, then undo the snooze.
      const row = page.locator('tr.ant-table-row', { hasText: sentence });
      await row.getByTestId('task-snooze').click();
      await page.getByTestId('snooze-ok').click();
      await page.getByTestId('task-undo').click();
      await until(async () => (await listed(api, `assignee=${me.user.id}&status=open`)).some((t) => t.id === made.id), 'the undo reopens it');
      await page.mouse.move(640, 700); // a message stays while the pointer is on it
      await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });

      // Comment on it.
      await page.locator('tr.ant-table-row', { hasText: sentence }).getByTestId('task-comments-open').click();
      await page.getByTestId('comment-text').fill('已约下周二拜访');
      await page.getByTestId('comment-send').click();
      await page.getByTestId('task-comments').getByText('已约下周二拜访').waitFor();
      const comments = (await api('GET', `/task-comments?task=${made.id}`)).body.items;
      expect(comments.length === 1 && comments[0].by === me.user.id, 'the comment is stored, by the rep');
      await page.locator('.ant-drawer-close').click();
      await page.getByTestId('task-comments').waitFor({ state: 'hidden' });

      // Finish it: it leaves the to-do list and is found among the closed.
      await page.locator('tr.ant-table-row', { hasText: sentence }).getByTestId('task-done').click();
      await until(async () => !(await titlesIn(page, 'undated')).includes(sentence), 'the finished task leaves the to-do list');
      await page.getByTestId('tasks-show').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').nth(2).click();
      await page.getByTestId('tasks-group-closed').waitFor();
      expect((await titlesIn(page, 'closed')).includes(sentence), 'found among the closed');
      expect(page.url().includes('show=closed'), 'the choice is kept in the address');
    },
  },
  {
    name: 'a manager assigns a task to a rep of the team, who finishes it; another team does not see it',
    async run({ base, page, login, api, allowConsoleErrors }) {
      await login('manager1');
      const team = (await api('GET', '/teams?limit=100')).body.items;
      const me = (await api('GET', '/auth/me')).body;
      const led = team.filter((t) => t.manager === me.user.id || t.id === me.user.team).map((t) => t.id);
      const users = (await api('GET', '/users?limit=1000')).body.items;
      const rep = users.find((u) => u.role === 'rep' && u.active && led.includes(u.team));
      const outsider = users.find((u) => u.role === 'rep' && u.active && u.team && !team.some((t) => t.id === u.team && (led.includes(t.id) || led.includes(t.parent))));
      expect(rep && outsider, 'a rep of the team and one outside it');

      await page.goto(`${base}/tasks`);
      await page.getByTestId('task-new').click();
      await page.getByTestId('task-title').fill('整理本季度关键人拜访计划');
      await page.getByTestId('task-assignee').click();
      // Assignees are offered by name, not login.
      await page.keyboard.type((await api('GET', `/people/${rep.person}`)).body.name);
      const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
      await option.waitFor();
      await option.click();
      await page.getByTestId('task-form-submit').click();
      await page.getByTestId('task-form').waitFor({ state: 'hidden' });
      const made = (await listed(api, `assignee=${rep.id}`)).find((t) => t.title === '整理本季度关键人拜访计划');
      expect(made && made.by === me.user.id, 'assigned to the rep by the manager');

      // The rep sees it in their list and finishes it.
      await page.context().clearCookies();
      await login(rep.login);
      await page.goto(`${base}/tasks`);
      await page.getByTestId('tasks-group-undated').waitFor();
      await page.locator('tr.ant-table-row', { hasText: '整理本季度关键人拜访计划' }).getByTestId('task-done').click();
      await until(async () => (await api('GET', `/tasks/${made.id}`)).body.status === 'done', 'the rep finished it');

      // A rep of another team does not see it (the browser logs the 404).
      allowConsoleErrors();
      await page.context().clearCookies();
      await login(outsider.login);
      expect((await api('GET', `/tasks/${made.id}`)).status === 404, 'hidden from another team');
    },
  },
];
