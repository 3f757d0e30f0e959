// Introductions and the inbox: a rep asks the employee at the start of an introduction path to introduce
// them to a key person; the employee finds the request in their inbox (the bell counts it) and accepts it
// with a note, which records an activity; the rep's inbox then holds the answer.
import { expect, until } from '../expect.mjs';

/** A key person of the signed-in rep with a path whose employee has an employee-role user, and that user. */
async function personWithStaffPath(api) {
  const users = (await api('GET', '/users?limit=500')).body.items;
  const staffOf = new Map(users.filter((u) => u.role === 'employee' && u.active && u.person).map((u) => [u.person, u]));
  const customers = (await api('GET', '/organizations?kind=customer&limit=50')).body.items;
  for (const customer of customers) {
    const people = (await api('GET', `/people?org=${customer.id}&key=true&limit=100`)).body.items;
    for (const person of people) {
      const paths = (await api('GET', `/people/${person.id}/paths`)).body;
      if (!Array.isArray(paths)) continue;
      const path = paths.find((p) => staffOf.has(p.employee));
      if (path) return { person, path, staff: staffOf.get(path.employee) };
    }
  }
  return null;
}

export const tests = [
  {
    name: 'a rep asks for an introduction on a path; the employee accepts it in their inbox',
    async run({ base, page, login, api, shot }) {
      await login('rep01');
      const found = await personWithStaffPath(api);
      expect(found, 'rep01 has a key person an employee user can introduce');
      const { person, path, staff } = found;
      const me = (await api('GET', '/auth/me')).body;
      await page.goto(`${base}/people/${person.id}`);
      await page.getByTestId('person-paths').waitFor();
      const staffPerson = (await api('GET', `/people/${path.employee}`)).body;
      const row = page.locator('[data-testid="person-paths"] .ant-list-item', { hasText: staffPerson.name }).first();
      await row.getByTestId('path-ask').click();
      await page.getByTestId('ask-note').fill('想请你引荐，聊聊明年的项目规划');
      await page.getByTestId('ask-ok').click();
      let request;
      await until(async () => {
        const mine = (await api('GET', `/introductions?by=${me.user.id}&person=${person.id}&limit=50`)).body.items;
        request = mine.find((r) => r.status === 'pending' && r.employee === path.employee);
        return !!request || 'not yet';
      }, 'the request is stored');
      expect(request.note === '想请你引荐，聊聊明年的项目规划', 'with its note');

      // The employee: the bell counts it, the inbox shows it; accept with a note.
      await page.getByTestId('logout').click();
      await login(staff.login);
      await until(async () => Number(await page.getByTestId('inbox-unread').getAttribute('data-count')) >= 1 || 'no unread yet', 'the bell counts the request');
      await page.getByTestId('inbox-bell').click();
      const item = page.locator('[data-testid="inbox-item"][data-kind="introduction_request"]', { hasText: person.name }).first();
      await item.waitFor();
      await shot('inbox-employee');
      await item.getByTestId('inbox-accept').click();
      await page.getByTestId('answer-note').fill('下周我约他喝茶');
      await page.getByTestId('answer-ok').click();
      await item.waitFor({ state: 'detached' });
      const answered = (await api('GET', `/introductions/${request.id}`)).body;
      expect(answered.status === 'accepted' && answered.activity, `accepted, with an activity (${answered.status})`);

      // The rep's inbox holds the answer.
      await page.getByTestId('logout').click();
      await login('rep01');
      await page.goto(`${base}/inbox`);
      const answer = page.locator('[data-testid="inbox-item"][data-kind="introduction_answered"]', { hasText: '下周我约他喝茶' }).first();
      await answer.waitFor();
      await answer.getByTestId('inbox-mark').click();
      await until(async () => (await answer.getAttribute('data-read')) === 'true' || 'unread', 'marked read');
      await shot('inbox-rep');
    },
  },
];
