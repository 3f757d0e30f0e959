// The relationship map (关系图谱) of a customer: cards readable at 100 %, overlays switched on and off, an
// opportunity's decision roles as badges and its missing roles as placeholders, the influence centres
// ranked, a department without key persons as a gap, and the exports (PNG, SVG, PowerPoint); the same in
// English with no untranslated word on the canvas. Screenshots of the map in both languages.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, until } from '../expect.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const shots = path.join(process.env.BRM_E2E_OUT ? path.resolve(process.env.BRM_E2E_OUT) : path.join(root, 'build/e2e'), 'screenshots');

async function must(api, method, url, body) {
  const answer = await api(method, url, body);
  expect(answer.status >= 200 && answer.status < 300, `${method} ${url} answers ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** A customer of rep01 with an opportunity whose chain has members on the map and missing roles. */
async function customerWithChain(api) {
  const customers = (await must(api, 'GET', '/organizations?kind=customer&limit=1000')).items;
  for (const customer of customers) {
    const graph = await must(api, 'GET', `/customers/${customer.id}/graph`);
    const people = new Set(graph.people.map((p) => p.id));
    const opportunities = (await must(api, 'GET', `/opportunities?customer=${customer.id}&limit=1000`)).items;
    for (const opportunity of opportunities) {
      if (opportunities.filter((o) => o.name === opportunity.name).length > 1) continue; // chosen by its name below
      const chain = await must(api, 'GET', `/opportunities/${opportunity.id}/chain`);
      if (chain.missing_roles.length && chain.members.some((m) => people.has(m.person))) return { customer, graph, opportunity, chain };
    }
  }
  throw new Error('rep01 has no opportunity with missing roles');
}

/** What Cytoscape shows: visible elements by class, and the labels of some. */
async function canvas(page) {
  return page.getByTestId('orgchart').evaluate((element) => {
    const cy = element._cyreg.cy;
    const visible = (selector) => cy.elements(selector).filter((e) => e.visible());
    return {
      zoom: cy.zoom(),
      cards: visible('.card').length,
      links: Object.fromEntries(['internal', 'ours', 'competitor', 'other'].map((k) => [k, visible(`.inf-${k}`).length])),
      outsiders: visible('.outsider').length,
      centres: visible('.card.centre').map((n) => n.id()),
      smallestFont: Math.min(...visible('node[label]').map((n) => parseFloat(n.style('font-size')))),
      labels: Object.fromEntries(['badge-rank', 'badge-role', 'placeholder', 'box'].map((k) => [k, visible(`.${k}`).map((n) => n.data('label'))])),
      unknown: visible('.card.gapped').map((n) => n.data('unknown')),
      overlapping: (() => {
        const boxes = visible('.card').map((n) => n.boundingBox({ includeLabels: false, includeOverlays: false }));
        boxes.sort((a, b) => a.x1 - b.x1);
        let count = 0;
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length && boxes[j].x1 < boxes[i].x2 - 1; j++) {
            if (boxes[j].y1 < boxes[i].y2 - 1 && boxes[i].y1 < boxes[j].y2 - 1) count++;
          }
        }
        return count;
      })(),
    };
  });
}

/** Zooms to 90 % on the top of the tree, for a screenshot that can be read. */
async function readable(map) {
  await map.evaluate((el) => {
    const cy = el._cyreg.cy;
    const top = cy.nodes('.card').min((n) => n.position('y') * 1e6 + n.position('x')).ele;
    cy.zoom(0.9);
    cy.pan({ x: cy.width() / 2 - top.position('x') * 0.9, y: 150 - top.position('y') * 0.9 });
  });
  await map.page().waitForTimeout(500);
}

async function download(page, item) {
  await page.getByTestId('map-export').click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(item).click()]);
  const bytes = readFileSync(await file.path());
  return { name: file.suggestedFilename(), bytes };
}

async function toggle(page, kind) {
  await page.getByTestId(`map-overlay-${kind}`).click();
}

export const tests = [
  {
    name: 'relationship map: cards, overlays, decision roles, centres, gaps and exports',
    async run({ page, base, login, api, shot }) {
      await login('rep01');
      const { customer, graph, opportunity, chain } = await customerWithChain(api);
      const centres = await must(api, 'GET', `/customers/${customer.id}/influence-centres`);
      // A department without key persons is a gap on the map.
      const dept = await must(api, 'POST', '/departments', { org: customer.id, name: `E2E 空部门 ${Date.now() % 100000}` });
      try {
        await page.goto(`${base}/customers/${customer.id}?tab=map`);
        const map = page.getByTestId('orgchart');
        await map.locator('canvas').first().waitFor();
        await until(async () => Number(await map.getAttribute('data-centres')) > 0, 'the influence centres');
        expect(Number(await map.getAttribute('data-nodes')) === graph.people.length, 'one card per person');
        expect(Number(await map.getAttribute('data-edges')) === graph.reporting.length, 'one connector per reporting line');

        let seen = await canvas(page);
        expect(seen.cards === graph.people.length, `every card is visible (${seen.cards})`);
        expect(seen.smallestFont >= 12, `no text under 12 px at zoom 1 (smallest ${seen.smallestFont})`);
        expect(seen.overlapping === 0, `no two cards overlap (${seen.overlapping})`);
        expect(seen.labels['badge-role'].length === 0, 'no role badges before an opportunity is chosen');
        expect(seen.labels.placeholder.includes('无关键人'), `the empty department has a placeholder (${seen.labels.placeholder})`);
        expect(seen.labels.box.includes(dept.name), 'the empty department has its box');
        const profiles = await Promise.all(graph.people.filter((p) => p.key).map((p) => must(api, 'GET', `/people/${p.id}/profile`)));
        const unknownCount = profiles.filter((p) => p.completeness < 1).length;
        expect(seen.unknown.length === unknownCount && seen.unknown.every((n) => n >= 1 && n <= 7), `a marker on each key person with unknown features (${seen.unknown.length} of ${unknownCount})`);
        expect((await page.getByTestId('map-gap-departments').innerText()).trim() === '1', 'the gaps count the empty department');

        // The influence centres: the top ten ranked beside the map, highlighted and numbered on it.
        const top = centres.slice(0, 10);
        const list = await page.getByTestId('map-centre').allInnerTexts();
        expect(list.length === top.length, `the ranked list has ${top.length} rows (${list.length})`);
        const first = graph.people.find((p) => p.id === top[0].person);
        expect(list[0].includes(first.name) && list[0].includes('第1'), `the first centre is ${first.name} (${list[0]})`);
        expect(seen.centres.length === top.length && seen.centres.includes(first.id), 'the centres are highlighted on the map');
        expect(seen.labels['badge-rank'].includes('第1'), 'the rank is on the card');

        // The overlays, each kind on its own.
        const kinds = { internal: 0, ours: 0, competitor: 0 };
        const inside = new Set(graph.people.map((p) => p.id));
        const kindOf = new Map(graph.outsiders.map((o) => [o.id, o.kind]));
        for (const l of graph.links) {
          if (inside.has(l.from) && inside.has(l.to)) kinds.internal++;
          else if (kindOf.get(inside.has(l.from) ? l.to : l.from) === 'ours') kinds.ours++;
          else if (kindOf.get(inside.has(l.from) ? l.to : l.from) === 'competitor') kinds.competitor++;
        }
        expect(JSON.stringify({ ...seen.links, other: undefined }) === JSON.stringify(kinds), `every link drawn at first (${JSON.stringify(seen.links)} vs ${JSON.stringify(kinds)})`);
        await toggle(page, 'internal');
        await until(async () => (await canvas(page)).links.internal === 0, 'internal links hidden');
        seen = await canvas(page);
        expect(seen.links.ours === kinds.ours && seen.links.competitor === kinds.competitor, 'the other kinds stay');
        await toggle(page, 'ours');
        await toggle(page, 'competitor');
        await until(async () => Number(await map.getAttribute('data-links')) === 0, 'every link hidden');
        seen = await canvas(page);
        expect(seen.outsiders === 0 && seen.links.ours === 0, 'our employees and competitors\' staff go with their links');
        await toggle(page, 'ours');
        await until(async () => (await canvas(page)).links.ours === kinds.ours, 'our links back');
        await toggle(page, 'internal');
        await toggle(page, 'competitor');
        await until(async () => Number(await map.getAttribute('data-links')) === kinds.internal + kinds.ours + kinds.competitor, 'every link back');
        await toggle(page, 'centres');
        await until(async () => (await canvas(page)).centres.length === 0, 'centres switched off');
        await toggle(page, 'centres');
        await toggle(page, 'gaps');
        await until(async () => { const c = await canvas(page); return c.labels.placeholder.length === 0 && c.unknown.length === 0; }, 'gaps switched off');
        await toggle(page, 'gaps');

        // An opportunity: its roles as badges, its missing roles as placeholders.
        await page.getByTestId('map-opportunity').click();
        await page.keyboard.type(opportunity.name);
        await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first().click();
        await until(async () => Number(await map.getAttribute('data-missing-roles')) === chain.missing_roles.length, 'the missing roles');
        seen = await canvas(page);
        const zhRoles = { decision_maker: '决策者', approver: '批准者', technical_evaluator: '技术评估者', business_evaluator: '业务评估者', user: '使用者', procurement: '采购', influencer: '影响者', coach: '教练', gatekeeper: '把关者', other: '其他' };
        const onMap = chain.members.filter((m) => inside.has(m.person));
        expect(seen.labels['badge-role'].length === new Set(onMap.map((m) => m.person)).size, `one role badge per member on the map (${seen.labels['badge-role']})`);
        expect(seen.labels['badge-role'].some((l) => l.includes(zhRoles[onMap[0].role])), `the role is named (${zhRoles[onMap[0].role]})`);
        for (const role of chain.missing_roles) expect(seen.labels.placeholder.includes(`缺少：${zhRoles[role]}`), `a placeholder for the missing ${role}`);
        expect((await page.getByTestId('map-gap-roles').innerText()).trim() === String(chain.missing_roles.length), 'the gaps count the missing roles');

        // A card opens its panel with the seven features of the profile.
        const member = onMap[0].person;
        await map.scrollIntoViewIfNeeded(); // the figures above can push the map's middle below the window
        const at = await map.evaluate((el, id) => {
          const cy = el._cyreg.cy;
          cy.zoom(1);
          cy.center(cy.getElementById(id));
          const p = cy.getElementById(id).renderedPosition();
          const box = el.getBoundingClientRect();
          return { x: box.left + p.x, y: box.top + p.y };
        }, member);
        await page.mouse.click(at.x, at.y);
        await page.getByTestId('orgchart-panel').getByText(graph.people.find((p) => p.id === member).name).first().waitFor();
        if (graph.people.find((p) => p.id === member).key) await page.getByTestId('orgchart-panel-features').waitFor();
        await map.evaluate((el) => { el._cyreg.cy.fit(undefined, 30); });
        await page.waitForTimeout(300);
        await shot('customer-map');
        await readable(map);
        await page.getByTestId('relationship-map').screenshot({ path: path.join(shots, 'map-zh.png') });

        // Exports of the whole map.
        const png = await download(page, 'map-export-png');
        expect(png.name.endsWith('.png') && png.bytes.length > 1000, `a PNG file (${png.name}, ${png.bytes.length} bytes)`);
        expect(png.bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'the PNG signature');
        const svg = await download(page, 'map-export-svg');
        const text = svg.bytes.toString('utf8');
        expect(svg.name.endsWith('.svg') && text.startsWith('<svg') && text.includes(customer.name) && text.includes(first.name), `an SVG of the map (${svg.bytes.length} bytes)`);
        const pptx = await download(page, 'map-export-pptx');
        expect(pptx.name.endsWith('.pptx') && pptx.bytes.length > 10_000, `a PowerPoint file (${pptx.name}, ${pptx.bytes.length} bytes)`);
        expect(pptx.bytes.subarray(0, 2).toString('latin1') === 'PK', 'the .pptx is a zip');
        expect(pptx.bytes.includes(Buffer.from('ppt/slides/slide1.xml')), 'with one slide');
        expect(!pptx.bytes.includes(Buffer.from('ppt/slides/slide2.xml')), 'and only one');
      } finally {
        await api('DELETE', `/departments/${dept.id}`);
      }
    },
  },
  {
    name: 'relationship map in English: every text on the canvas translated',
    async run({ page, base, login, api, shot }) {
      await login('rep01');
      const { customer, opportunity, chain } = await customerWithChain(api);
      await must(api, 'PUT', '/auth/language', { language: 'en' });
      try {
        await page.goto(`${base}/customers/${customer.id}?tab=map`);
        await page.getByRole('tab', { name: 'Relationship map' }).waitFor();
        const map = page.getByTestId('orgchart');
        await map.locator('canvas').first().waitFor();
        await until(async () => Number(await map.getAttribute('data-centres')) > 0, 'the influence centres');
        await page.getByTestId('map-opportunity').click();
        await page.keyboard.type(opportunity.name);
        await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first().click();
        await until(async () => Number(await map.getAttribute('data-missing-roles')) === chain.missing_roles.length, 'the missing roles');
        const seen = await canvas(page);
        const roles = ['Decision maker', 'Approver', 'Technical evaluator', 'Business evaluator', 'User', 'Procurement', 'Influencer', 'Coach', 'Gatekeeper', 'Other'];
        expect(seen.labels['badge-role'].length > 0 && seen.labels['badge-role'].every((l) => l.split(' · ').every((r) => roles.includes(r))), `roles in English (${seen.labels['badge-role']})`);
        expect(seen.labels.placeholder.every((l) => /^Missing: [A-Z][a-z ]+$|^No key person$/.test(l)), `placeholders in English (${seen.labels.placeholder})`);
        expect(seen.labels['badge-rank'].every((l) => /^#\d+$/.test(l)), `ranks in English (${seen.labels['badge-rank']})`);
        const outsiderBoxes = seen.labels.box.filter((l) => /员工|人员/.test(l));
        expect(outsiderBoxes.length === 0, `the outsiders' boxes in English (${seen.labels.box})`);
        const chrome = `${await page.getByTestId('map-overlays').innerText()}\n${await page.getByTestId('orgchart-legend').innerText()}\n${await page.getByTestId('map-gaps').innerText()}`;
        expect(!/[\u4e00-\u9fff]|_/.test(chrome), `the toolbar, legend and gaps have no Chinese text or raw code:\n${chrome}`);
        await map.evaluate((el) => { el._cyreg.cy.fit(undefined, 30); });
        await page.waitForTimeout(300);
        await shot('customer-map-en');
        await readable(map);
        await page.getByTestId('relationship-map').screenshot({ path: path.join(shots, 'map-en.png') });
      } finally {
        await must(api, 'PUT', '/auth/language', { language: 'zh-CN' });
      }
    },
  },
];
