// Webhooks: an admin adds one pointing at a local receiver (started here), sends a test message, and sees
// it delivered in the webhook's deliveries.
import http from 'node:http';
import { expect, until } from '../expect.mjs';

export const tests = [
  {
    name: 'an admin adds a webhook, sends a test message and sees it delivered',
    async run({ base, page, login, api, shot }) {
      const received = [];
      const receiver = http.createServer((request, response) => {
        let body = '';
        request.on('data', (chunk) => { body += chunk; });
        request.on('end', () => {
          received.push(JSON.parse(body));
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end('{"errcode":0}');
        });
      });
      await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${receiver.address().port}/robot/send?key=test`;
      try {
        await login('admin');
        await page.goto(`${base}/admin/webhooks`);
        await page.getByTestId('webhook-add').click();
        await page.getByTestId('webhook-name').fill('销售一部群');
        await page.getByTestId('webhook-url').fill(url);
        await page.getByTestId('webhook-form-submit').click();
        const row = page.locator('[data-testid="webhooks-table"] tr.ant-table-row', { hasText: '销售一部群' });
        await row.waitFor();
        const stored = (await api('GET', '/webhooks?limit=200')).body.items.find((h) => h.name === '销售一部群');
        expect(stored && stored.format === 'wecom' && stored.events.length === 3 && stored.active, 'stored with the defaults');
        await row.getByTestId('webhook-test').click();
        await until(async () => received.length >= 1 || 'nothing received', 'the test message arrives');
        expect(received[0].msgtype === 'text' && received[0].text.content.startsWith('BRM 【测试】'), `a WeCom text message (${JSON.stringify(received[0])})`);
        await row.getByTestId('webhook-deliveries').click();
        await until(async () => {
          await page.locator('.ant-drawer .ant-drawer-extra button').click();
          return (await page.getByTestId('delivery-status').first().innerText().catch(() => '')) === '已送达' || 'not yet';
        }, 'the delivery shows as delivered');
        await shot('webhooks');
        await api('PATCH', `/webhooks/${stored.id}`, { active: false });
      } finally {
        receiver.close();
      }
    },
  },
];
