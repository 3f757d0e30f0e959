// CSV import: an admin imports people from a GB18030 file (as the Chinese Excel and 纷享销客 write it) through
// the preview — a file with a wrong row first, then the corrected one, a mapping changed and saved as a preset
// — and the people exist afterwards.
import { expect, until } from '../expect.mjs';

// The GB18030 bytes of the Chinese words the files use (printf '姓名' | iconv -f UTF-8 -t GB18030 | xxd -p):
// the browser must send them untouched, and Node cannot encode GB18030 without a package.
const GB18030 = {
  姓名: 'd0d5c3fb', 客户名称: 'bfcdbba7c3fbb3c6', 职务: 'd6b0cef1', 手机: 'cad6bbfa', 南京正元大学: 'c4cfbea9d5fdd4aab4f3d1a7',
  欧阳晓测: 'c5b7d1f4cffeb2e2', 司马文导: 'cbbec2edcec4b5bc', 主任: 'd6f7c8ce', 副主任: 'b8b1d6f7c8ce', 未知单位: 'ceb4d6aab5a5cebb',
};

/** `text` in GB18030, from the words above and ASCII. */
function gb18030(text) {
  const parts = [];
  for (let at = 0; at < text.length;) {
    const word = Object.keys(GB18030).find((w) => text.startsWith(w, at));
    if (word) {
      parts.push(Buffer.from(GB18030[word], 'hex'));
      at += word.length;
    } else if (text.charCodeAt(at) < 0x80) {
      parts.push(Buffer.from([text.charCodeAt(at)]));
      at += 1;
    } else {
      throw new Error(`no GB18030 bytes for ${text[at]}`);
    }
  }
  const bytes = Buffer.concat(parts);
  // The table is right (Node decodes GB18030), and the bytes are not UTF-8.
  expect(new TextDecoder('gb18030').decode(bytes) === text, 'the GB18030 table matches its words');
  expect((() => { try { new TextDecoder('utf-8', { fatal: true }).decode(bytes); return false; } catch { return true; } })(), 'the file is not UTF-8');
  return bytes;
}

// cust-001 of the demo company is 南京正元大学; 未知单位 is no organization.
const people = (secondCustomer) => gb18030(['姓名,客户名称,职务,手机', '欧阳晓测,南京正元大学,主任,13800000001', `司马文导,${secondCustomer},副主任,13800000002`, ''].join('\r\n'));

async function statistic(page, testId) {
  return (await page.getByTestId(testId).locator('.ant-statistic-content').innerText()).trim();
}

/** Picks `header` for `field` in the mapping table. */
async function chooseColumn(page, field, header) {
  await page.getByTestId(`csv-map-${field}`).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: header }).last().click();
}

export const tests = [
  {
    name: 'csv: an admin imports people from a GB18030 file through the preview',
    async run({ base, page, login, api, shot }) {
      await login('admin');
      await page.goto(`${base}/admin/bundle`);
      await page.getByTestId('bundle-tab-csv').click();
      await page.getByTestId('csv-card').waitFor();
      await page.getByTestId('csv-kind').getByText('人员', { exact: true }).click();
      const template = await page.getByTestId('csv-template-main').getAttribute('href');
      expect(template === '/api/v1/csv/template?kind=people&lang=zh', `the Chinese template of people (${template})`);
      const input = page.getByTestId('csv-card').locator('input[type=file]');

      // An Excel workbook, even renamed, is refused before it is sent.
      await input.setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]) });
      const refused = await page.getByTestId('csv-workbook').innerText();
      expect(refused.includes('另存为') && refused.includes('CSV UTF-8'), `the workbook is refused with what to do (${refused})`);

      // A file with a wrong row: the preview names its row and column, and Import stays disabled.
      await input.setInputFiles({ name: '联系人.csv', mimeType: 'text/csv', buffer: people('未知单位') });
      await page.getByTestId('csv-preview').waitFor();
      expect((await statistic(page, 'csv-encoding')).startsWith('GB18030'), 'the encoding is found');
      expect((await statistic(page, 'csv-delimiter')) === '逗号', 'the delimiter is found');
      expect((await statistic(page, 'csv-rows')) === '2', 'two rows');
      expect((await statistic(page, 'csv-error-count')) === '1', 'one error');
      expect((await page.getByTestId('csv-preset').innerText()).includes('纷享销客'), 'the 纷享销客 preset fits the headers');
      const error = page.getByTestId('csv-errors').locator('.ant-table-row').first();
      const errorText = await error.innerText();
      expect(/^3\b/.test(errorText) && errorText.includes('客户名称') && errorText.includes('未知单位'), `row 3, column 客户名称 (${errorText})`);
      expect(await page.getByTestId('csv-import').isDisabled(), 'Import is disabled while there are errors');
      await page.getByTestId('csv-fix-first').waitFor();
      await shot('csv-preview-errors');

      // The corrected file imports.
      await input.setInputFiles({ name: '联系人.csv', mimeType: 'text/csv', buffer: people('南京正元大学') });
      await page.getByTestId('csv-ready').waitFor();
      expect((await statistic(page, 'csv-create')) === '2', 'two people to create');
      const sample = await page.getByTestId('csv-sample').innerText();
      expect(sample.includes('欧阳晓测') && sample.includes('司马文导') && sample.includes('副主任'), `the sample as stored (${sample})`);
      await until(async () => (await page.getByTestId('csv-import').isEnabled()) || 'disabled', 'Import is enabled');
      await shot('csv-preview');

      // A mapping changed previews the same bytes again; saved as a preset, it is the preset in use.
      await chooseColumn(page, 'title', '不导入');
      await until(async () => !(await page.getByTestId('csv-sample').innerText()).includes('副主任') || 'still imported', 'the title is not imported');
      await page.getByTestId('csv-save-preset').click();
      await page.getByTestId('csv-preset-name').fill('我的联系人');
      await page.getByTestId('csv-preset-form-submit').click();
      await until(async () => (await page.getByTestId('csv-preset').innerText()).includes('我的联系人') || 'not in use', 'the saved preset is in use');
      const saved = (await api('GET', '/csv/presets')).body.items.find((p) => p.name === '我的联系人');
      expect(saved && !saved.builtin && saved.mappings.people.name[0] === '姓名' && !saved.mappings.people.title, `the preset is saved (${JSON.stringify(saved)})`);
      await chooseColumn(page, 'title', '职务');
      await until(async () => (await page.getByTestId('csv-sample').innerText()).includes('副主任') || 'not imported', 'the title is imported again');
      await until(async () => (await page.getByTestId('csv-import').isEnabled()) || 'disabled', 'Import is enabled');
      await page.getByTestId('csv-import').click();
      await page.locator('.ant-popover:visible .ant-btn-primary').click();
      await page.getByTestId('csv-result').waitFor();
      expect((await statistic(page, 'csv-created')) === '2', 'two people created');
      await shot('csv-imported');

      const stored = (await api('GET', '/people?org=cust-001&limit=1000')).body.items;
      const byName = Object.fromEntries(stored.map((p) => [p.name, p]));
      expect(byName['欧阳晓测']?.title === '主任' && byName['欧阳晓测']?.phone === '13800000001', `欧阳晓测 is stored (${JSON.stringify(byName['欧阳晓测'])})`);
      expect(byName['司马文导']?.title === '副主任', `司马文导 is stored (${JSON.stringify(byName['司马文导'])})`);
    },
  },
];
