// The customer page: header and figures, the relationship map (org chart and influence links on one
// canvas, more in map.mjs), the key persons table, adding and moving a person, and the strategy override.
import { chooseFirst as choose } from '../antd.mjs';
import { expect, until } from '../expect.mjs';

/** until() with the description first, as these tests read best. */
const waitFor = (what, check) => until(check, what);

async function firstCustomer(api) {
  const mine = await api('GET', '/organizations?kind=customer&limit=1000');
  expect(mine.status === 200 && mine.body.items.length > 0, 'rep01 owns customers');
  return mine.body.items[0];
}

export const tests = [
  {
    name: 'customer page: header, figures, relationship map, key persons, influence links',
    async run({ page, base, login, shot, api }) {
      await login('rep01');
      const customer = await firstCustomer(api);
      const graph = (await api('GET', `/customers/${customer.id}/graph`)).body;
      const metrics = (await api('GET', `/customers/${customer.id}/metrics`)).body;
      await page.goto(`${base}/customers/${customer.id}`);
      await page.getByTestId('customer-name').waitFor();
      expect((await page.getByTestId('customer-name').innerText()).includes(customer.name), 'the header names the customer');
      expect((await page.getByTestId('metric-key-persons').innerText()).trim() === String(metrics.key_persons), 'the key persons count');
      expect((await page.getByTestId('focus-toggle').getAttribute('data-focus')) === String(customer.focus), 'the focus star');
      await page.getByTestId('strategy-tactics').waitFor();
      await page.getByTestId('departments-table').waitFor();
      await page.getByTestId('customer-opportunities').waitFor();
      await shot('customer');

      // The focus star toggles the customer's focus flag (and back).
      await page.getByTestId('focus-toggle').click();
      await waitFor('the focus change', async () => (await page.getByTestId('focus-toggle').getAttribute('data-focus')) === String(!customer.focus));
      expect((await api('GET', `/organizations/${customer.id}`)).body.focus === !customer.focus, 'the focus is stored');
      await page.getByTestId('focus-toggle').click();
      await waitFor('the focus back', async () => (await page.getByTestId('focus-toggle').getAttribute('data-focus')) === String(customer.focus));

      // The relationship map: one card per person of the graph.
      await page.getByRole('tab', { name: '关系图谱' }).click();
      const chart = page.getByTestId('orgchart');
      await chart.locator('canvas').first().waitFor();
      const nodes = Number(await chart.getAttribute('data-nodes'));
      expect(nodes === graph.people.length && nodes > 0, `the map has ${graph.people.length} cards (${nodes})`);
      expect(Number(await chart.getAttribute('data-edges')) === graph.reporting.length, 'one edge per reporting line');
      await shot('customer-relationship-map');

      // The key persons table lists the customer's key persons.
      await page.getByRole('tab', { name: /关键人/ }).click();
      const table = page.getByTestId('key-persons-table');
      await table.waitFor();
      const keyPersons = graph.people.filter((p) => p.key);
      const text = await table.innerText();
      for (const p of keyPersons.slice(0, 10)) expect(text.includes(p.name), `the table lists ${p.name}`);
      const other = graph.people.find((p) => !p.key);
      if (other) expect(!text.includes(other.name) || keyPersons.some((k) => k.name === other.name), `not a key person: ${other.name}`);
      await page.getByTestId('key-persons-search').fill(keyPersons[0].name);
      await waitFor('the search', async () => {
        const rows = await table.locator('tbody tr.ant-table-row').allInnerTexts();
        return rows.length >= 1 && rows.every((r) => r.includes(keyPersons[0].name));
      });

      // The influence links are drawn on the same map.
      await page.getByRole('tab', { name: '关系图谱' }).click();
      await chart.locator('canvas').first().waitFor();
      expect(Number(await chart.getAttribute('data-links')) === graph.links.length, `the map draws the ${graph.links.length} influence links`);

      await page.getByRole('tab', { name: '趋势' }).click();
      await page.getByTestId('trend-percent').locator('canvas').waitFor();
    },
  },
  {
    name: 'customer page: add a person, move by the form, undo',
    async run({ page, base, login, api }) {
      await login('rep01');
      const customer = await firstCustomer(api);
      const graph = (await api('GET', `/customers/${customer.id}/graph`)).body;
      const root = graph.people.find((p) => !graph.reporting.some((l) => l.person === p.id));
      const target = graph.people.find((p) => p.id !== root.id);
      await page.goto(`${base}/customers/${customer.id}?tab=map`);
      const chart = page.getByTestId('orgchart');
      await chart.locator('canvas').first().waitFor();
      const before = Number(await chart.getAttribute('data-nodes'));

      // Add a person reporting to the root.
      const name = `测试新人${Date.now() % 100000}`;
      await page.getByTestId('orgchart-add').click();
      await page.getByTestId('add-person-name').fill(name);
      await page.getByTestId('add-person-title').fill('项目经理');
      await choose(page, 'add-person-manager', root.name);
      await page.getByTestId('add-person-submit').click();
      await waitFor('the new node', async () => Number(await chart.getAttribute('data-nodes')) === before + 1);
      const found = await api('GET', `/people?org=${customer.id}&search=${encodeURIComponent(name)}`);
      expect(found.body.items.length === 1, 'the person is stored');
      const added = found.body.items[0];
      const line = await api('GET', `/reporting-lines?person=${added.id}&active_on=today`);
      expect(line.body.items.length === 1 && line.body.items[0].manager === root.id, 'the new person reports to the root');
      await page.getByRole('tab', { name: /关键人/ }).click();
      await page.getByTestId('key-persons-search').fill(name);
      await page.getByTestId('key-persons-table').getByText(name).waitFor();
      await page.getByRole('tab', { name: '关系图谱' }).click();

      // Move the new person under another person with the form.
      await page.getByTestId('orgchart-move').click();
      await choose(page, 'move-person', name);
      await choose(page, 'move-manager', target.name);
      await page.getByTestId('move-submit').click();
      await page.getByTestId('move-done').waitFor();
      const moved = await api('GET', `/reporting-lines?person=${added.id}&active_on=today`);
      expect(moved.body.items.length === 1 && moved.body.items[0].manager === target.id, `the person now reports to ${target.name}`);

      // Undo restores the old line.
      await page.getByTestId('orgchart-undo').click();
      await waitFor('the undo', async () => {
        const now = await api('GET', `/reporting-lines?person=${added.id}&active_on=today`);
        return now.body.items.length === 1 && now.body.items[0].manager === root.id;
      });
    },
  },
  {
    name: 'customer page: set and remove a strategy override',
    async run({ page, base, login, api }) {
      await login('rep01');
      const customer = await firstCustomer(api);
      const metrics = (await api('GET', `/customers/${customer.id}/metrics`)).body;
      expect('strategy_override' in metrics, 'the metrics carry strategy_override');
      const other = ['acquire', 'grow', 'win_back', 'wait', 'retain'].find((s) => s !== metrics.strategy);
      const label = { acquire: '客户获取', grow: '客户提升', win_back: '亡羊补牢', wait: '以静制动', retain: '客户维系' }[other];
      await page.goto(`${base}/customers/${customer.id}`);
      await page.getByTestId('override-edit').click();
      // An empty reason is refused by the form.
      await choose(page, 'override-strategy', label);
      await page.getByTestId('override-save').click();
      await page.getByText('请填写理由').waitFor();
      await page.getByTestId('override-reason-input').fill('客户预算冻结到年底');
      await page.getByTestId('override-save').click();
      await page.getByTestId('override-reason').waitFor();
      const set = (await api('GET', `/customers/${customer.id}/metrics`)).body.strategy_override;
      expect(set && set.strategy === other && set.reason === '客户预算冻结到年底' && set.by === 'u-rep01', `the override is stored (${JSON.stringify(set)})`);
      expect((await page.getByTestId('strategy-override').innerText()).includes(label), 'the override is shown');

      await page.getByTestId('override-remove').click();
      await page.getByTestId('override-remove-confirm').click();
      await waitFor('the removal', async () => (await page.getByTestId('override-reason').count()) === 0);
      const gone = (await api('GET', `/customers/${customer.id}/metrics`)).body.strategy_override;
      expect(gone === null, 'the override is removed');
    },
  },
  {
    name: 'customer page: move a person by dragging onto another, then undo',
    async run({ page, base, login, api }) {
      await login('rep01');
      const customer = await firstCustomer(api);
      const graph = (await api('GET', `/customers/${customer.id}/graph`)).body;
      // A person with a manager, dropped onto someone who is neither the manager nor below the person.
      const line = graph.reporting.find((l) => !graph.reporting.some((m) => m.manager === l.person));
      const target = graph.people.find((p) => p.id !== line.person && p.id !== line.manager);
      await page.goto(`${base}/customers/${customer.id}?tab=orgchart`);
      const chart = page.getByTestId('orgchart');
      await chart.locator('canvas').first().waitFor();
      // The map sits below the customer's figures: bring all of it into the window.
      await chart.scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      // Where Cytoscape drew the two nodes (its instance is registered on the container).
      const at = await chart.evaluate((el, ids) => {
        const cy = el._cyreg.cy;
        const box = el.getBoundingClientRect();
        return ids.map((id) => {
          const p = cy.getElementById(id).renderedPosition();
          return { x: box.left + p.x, y: box.top + p.y };
        });
      }, [line.person, target.id]);
      await page.mouse.move(at[0].x, at[0].y);
      await page.mouse.down();
      await page.mouse.move((at[0].x + at[1].x) / 2, (at[0].y + at[1].y) / 2, { steps: 8 });
      await page.mouse.move(at[1].x, at[1].y, { steps: 8 });
      await page.mouse.up();
      await page.locator('.ant-modal-confirm').waitFor();
      expect((await page.locator('.ant-modal-confirm').innerText()).includes(target.name), 'the confirmation names the new manager');
      await page.locator('.ant-modal-confirm .ant-btn-primary').click();
      await page.getByTestId('move-done').waitFor();
      const moved = await api('GET', `/reporting-lines?person=${line.person}&active_on=today`);
      expect(moved.body.items.length === 1 && moved.body.items[0].manager === target.id, 'the dragged person reports to the target');
      await page.getByTestId('move-undo-toast').click();
      await waitFor('the undo', async () => {
        const now = await api('GET', `/reporting-lines?person=${line.person}&active_on=today`);
        return now.body.items.length === 1 && now.body.items[0].manager === line.manager;
      });
    },
  },
];
