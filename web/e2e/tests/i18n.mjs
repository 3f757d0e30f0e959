// No untranslated strings (issue 13): every page of the app, as each role sees it, in Chinese and in English,
// at 1440×900. A page fails on any visible
// - raw i18n key ("namespace:key", "dotted.key"),
// - raw vocabulary code (SPEC §3 attitudes, degrees, votes, roles, tiers, strategies, warning kinds and
//   states, statuses…: "strong_oppose", or a cell that reads "oppose"),
// - Chinese text on an English page that is not user data,
// - English sentence on a Chinese page that is not user data,
// - table wider than its container (no horizontal scroll at 1440 px).
// User data is told apart by what the API returned: every string of every JSON answer the page received (and
// every non-ASCII key: lesson tags are free words) is collected, and a piece of text that occurs in one of them
// is the tenant's data (a name, a title, a note). Text drawn on a canvas (charts, the relationship map) is not
// read.
import { expect } from '../expect.mjs';

const NAMESPACES = [
  'common', 'dashboard', 'customers', 'customer', 'person', 'opportunity', 'influence', 'iknow', 'admin', 'warnings', 'project',
  'tasks', 'workbench', 'inbox', 'webhooks', 'organizations', 'history', 'explain',
];

// SPEC §3 and the warnings' vocabularies: words that must never show as they are sent.
const CODES = new Set([
  'strong_support', 'support', 'neutral', 'oppose', 'strong_oppose', 'unknown',
  'closeness', 'solution', 'price', 'veto', 'approve',
  'decision_maker', 'approver', 'technical_evaluator', 'business_evaluator', 'procurement', 'influencer', 'coach', 'gatekeeper',
  'technology', 'business', 'relationship', 'risk_averse', 'innovation',
  'excellent', 'good', 'fair', 'poor',
  'acquire', 'grow', 'win_back', 'wait', 'retain',
  'rep', 'manager', 'executive', 'admin', 'employee',
  'won', 'lost', 'abandoned', 'acknowledged', 'snoozed', 'dismissed',
  'attitude_conflict', 'optimistic_forecast', 'veto_opposes', 'no_decision_maker', 'sharp_drop', 'competitor_leads', 'stale_contact',
  'champion_left', 'focus_coverage', 'no_lead', 'opposer_to_neutral', 'vote_not_supporting', 'mean_falling', 'ask_employee',
  'leverage_employee', 'undeclared_acquaintances', 'milestone_due', 'milestone_overdue', 'price_above_history',
]);

// A Chinese word an English page shows on purpose: the language choice.
const CHINESE_ON_ENGLISH = new Set(['中文']);

const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]+/gu;

/** Collects the strings of every JSON answer of the API the page receives. */
function collectUserData(page) {
  const strings = new Set();
  const walk = (value) => {
    if (typeof value === 'string') {
      if (value.length > 1) strings.add(value);
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      // Keys are codes (never shown as they are) except free words the tenant typed, such as lesson tags.
      for (const key of Object.keys(value)) if (/[^\x00-\x7f]/.test(key)) strings.add(key);
      Object.values(value).forEach(walk);
    }
  };
  page.on('response', async (response) => {
    if (!response.url().includes('/api/v1/') || !(response.headers()['content-type'] ?? '').includes('json')) return;
    try {
      walk(await response.json());
    } catch {
      // a body already gone (navigation) is simply not collected
    }
  });
  let joined = '';
  let size = -1;
  return {
    /** Whether `text` occurs in a string the API sent. */
    has(text) {
      if (size !== strings.size) {
        joined = [...strings].join('\u0000');
        size = strings.size;
      }
      return joined.includes(text);
    },
  };
}

/** The visible texts of the page (text nodes, placeholders) and its tables wider than their container. */
async function readPage(page) {
  return page.evaluate(() => {
    const texts = new Set();
    const visible = (element) => element && (element.checkVisibility ? element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) : element.offsetParent !== null);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.replace(/\s+/g, ' ').trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.closest('script, style, noscript, [aria-hidden="true"]') || !visible(parent)) continue;
      texts.add(text);
    }
    for (const input of document.querySelectorAll('input[placeholder], textarea[placeholder]')) {
      if (visible(input) && !input.value) texts.add(input.placeholder.trim());
    }
    for (const item of document.querySelectorAll('.ant-select-selection-placeholder')) {
      if (visible(item)) texts.add(item.textContent.trim());
    }
    const wide = [];
    for (const box of document.querySelectorAll('.ant-table-content, .ant-table-body')) {
      if (!visible(box) || box.scrollWidth <= box.clientWidth + 1) continue;
      const table = box.closest('[data-testid]');
      wide.push(`${table?.getAttribute('data-testid') ?? 'a table'} is ${box.scrollWidth} px wide in ${box.clientWidth} px`);
    }
    if (document.documentElement.scrollWidth > window.innerWidth + 1) wide.push(`the page is ${document.documentElement.scrollWidth} px wide`);
    return { texts: [...texts], wide };
  });
}

/** What is wrong with the texts of a page in `language`. */
function problemsOf(texts, language, data) {
  const problems = [];
  const keyPattern = new RegExp(`\\b(?:${NAMESPACES.join('|')}):[A-Za-z_][\\w.]*`, 'g');
  for (const text of texts) {
    if (data.has(text)) continue;
    for (const match of text.match(keyPattern) ?? []) if (!data.has(match)) problems.push(`raw key "${match}" in "${text}"`);
    for (const match of text.match(/(?<![\w@/.:-])[a-z][A-Za-z]*(?:\.[A-Za-z_]+)+(?![\w@/.-])/g) ?? []) {
      if (!data.has(match) && !/\.(com|cn|net|org|txt|md|pdf|docx?|xlsx?|pptx?|json|csv|png|svg|zip)$/.test(match)) {
        problems.push(`raw key "${match}" in "${text}"`);
      }
    }
    for (const match of text.match(/\b[a-z]+(?:_[a-z]+)+\b/g) ?? []) if (!data.has(match)) problems.push(`raw code "${match}" in "${text}"`);
    const words = text.split(/[\s,;:()（）、，：·]+/).filter(Boolean);
    if (language === 'en') {
      if (CODES.has(text)) problems.push(`raw code "${text}"`);
      for (const run of text.match(CJK) ?? []) {
        if (!CHINESE_ON_ENGLISH.has(run) && !data.has(run)) problems.push(`Chinese "${run}" in "${text}"`);
      }
    } else {
      for (const word of words) if (CODES.has(word) && !data.has(word)) problems.push(`raw code "${word}" in "${text}"`);
      for (const match of text.match(/[A-Za-z][A-Za-z'-]*(?: [A-Za-z][A-Za-z'-]*){3,}/g) ?? []) {
        if (!data.has(match)) problems.push(`English "${match}" in "${text}"`);
      }
    }
  }
  return problems;
}

/** Waits until the page has its data: no request in flight, no skeleton or spinner. */
async function settle(page) {
  await page.waitForLoadState('networkidle');
  await page
    .waitForFunction(() => !document.querySelector('.ant-skeleton, .ant-spin-spinning, [data-skeleton="true"]'), null, { timeout: 10_000 })
    .catch(() => undefined); // a page that keeps a placeholder is still read
  await page.waitForTimeout(250);
}

/** Sets the signed-in user's language (stored on the user), so that the next page opens in it. */
async function setLanguage(api, language) {
  const answer = await api('PUT', '/auth/language', { language });
  expect(answer.status === 200, `the language is set to ${language} (${answer.status})`);
}

/** Opens every path in both languages, each tab of the page too, and fails with everything found. */
async function visitAll(h, user, paths) {
  const { page, base, api, login } = h;
  const data = collectUserData(page);
  await login(user);
  const found = [];
  try {
    for (const language of ['en', 'zh-CN']) {
      await setLanguage(api, language);
      for (const path of typeof paths === 'function' ? await paths(api) : paths) {
        await page.goto(`${base}${path}`);
        await settle(page);
        const seen = new Set();
        const check = async (where) => {
          const { texts, wide } = await readPage(page);
          for (const problem of [...problemsOf(texts, language, data), ...wide]) {
            const line = `${language} ${where}: ${problem}`;
            if (!seen.has(line)) found.push(line);
            seen.add(line);
          }
        };
        await check(path);
        // Every tab of the page, the tabs a tab opens included.
        const done = new Set();
        for (let round = 0; round < 30; round++) {
          const tabs = page.locator('.ant-tabs-tab:not(.ant-tabs-tab-active):not(.ant-tabs-tab-disabled)');
          const names = await tabs.allInnerTexts();
          const next = names.findIndex((name) => !done.has(name));
          if (next < 0) break;
          done.add(names[next]);
          await tabs.nth(next).click();
          await settle(page);
          await check(`${path} tab "${names[next]}"`);
        }
      }
    }
  } finally {
    await setLanguage(api, 'zh-CN');
  }
  expect(found.length === 0, `no untranslated text or wide table:\n        ${found.slice(0, 60).join('\n        ')}${found.length > 60 ? `\n        … and ${found.length - 60} more` : ''}`);
}

/** A customer of the signed-in user, one of its key persons and one of its opportunities (a closed one if any). */
async function records(api) {
  const line = (await api('GET', '/lines/customer?scope=me&limit=5&sort=key_persons&order=desc')).body;
  const customer = line.items[0].customer;
  const person = (await api('GET', `/people?org=${customer}&key=true&limit=1`)).body.items[0].id;
  const opportunities = (await api('GET', `/opportunities?customer=${customer}&limit=100`)).body.items;
  const opportunity = (opportunities.find((o) => o.status === 'won' || o.status === 'lost') ?? opportunities[0]).id;
  return { customer, person, opportunity };
}

const VIEWPORT = { width: 1440, height: 900 };

/** Opens the explanation drawer from each kind of figure of a rep's pages, its three views each, in both
 * languages, and fails with everything found (the drawer is not a tab, so visitAll does not open it). */
async function explainAll(h) {
  const { page, base, api, login } = h;
  const data = collectUserData(page);
  await login('rep01');
  const found = [];
  const drawer = page.locator('.ant-drawer-content-wrapper:visible');
  try {
    for (const language of ['en', 'zh-CN']) {
      await setLanguage(api, language);
      const { customer, person, opportunity } = await records(api);
      const check = async (where) => {
        await settle(page);
        const { texts, wide } = await readPage(page);
        // While a drawer is open AntD's scroll lock gives the body a width of 100% on top of its default 8 px
        // margin (any drawer or modal of the app); the drawer's own tables are still checked.
        const tables = wide.filter((w) => !w.startsWith('the page is'));
        for (const problem of [...problemsOf(texts, language, data), ...tables]) found.push(`${language} ${where}: ${problem}`);
      };
      const open = async (where, figure) => {
        await figure.click();
        await drawer.getByTestId('explain-stats').waitFor();
        await check(`${where}, persons`);
        for (const view of ['mom', 'yoy']) {
          await drawer.getByTestId(`explain-view-${view}`).click();
          await drawer.getByTestId('explain-attribution').waitFor();
          await check(`${where}, ${view}`);
        }
        await page.keyboard.press('Escape');
        await drawer.waitFor({ state: 'detached' }).catch(() => undefined);
        await page.waitForTimeout(400);
      };
      await page.goto(`${base}/customers/${customer}`);
      await open(`/customers/${customer} closeness`, page.getByTestId('metric-closeness').getByTestId('explain-figure'));
      await open(`/customers/${customer} department`, page.getByTestId('departments-table').locator('[data-explain="department"]').first());
      await page.goto(`${base}/opportunities/${opportunity}`);
      await open(`/opportunities/${opportunity} chain`, page.getByTestId('chain-degree-price').getByTestId('explain-figure'));
      await page.goto(`${base}/people/${person}`);
      await open(`/people/${person} solution`, page.getByTestId('explain-feature-solution'));
    }
  } finally {
    await setLanguage(api, 'zh-CN');
  }
  expect(found.length === 0, `no untranslated text or wide table in the explanations:\n        ${found.slice(0, 60).join('\n        ')}`);
}

export const tests = [
  {
    name: 'i18n: a rep\'s pages (workbench, customers, a customer, person and opportunity, tasks, inbox) in both languages',
    viewport: VIEWPORT,
    async run(h) {
      await visitAll(h, 'rep01', async (api) => {
        const { customer, person, opportunity } = await records(api);
        return ['/workbench', '/customers', `/customers/${customer}`, `/people/${person}`, `/opportunities/${opportunity}`, '/tasks', '/inbox', '/iknow'];
      });
    },
  },
  {
    name: 'i18n: explain drawers: the explanations of a customer\'s, a department\'s, a chain\'s and a person\'s figures in both languages',
    viewport: VIEWPORT,
    async run(h) {
      await explainAll(h);
    },
  },
  {
    name: 'i18n: an executive\'s dashboard, influence, warnings and organizations in both languages',
    viewport: VIEWPORT,
    async run(h) {
      await visitAll(h, 'ceo', ['/', '/customers', '/influence', '/warnings', '/warnings?view=list', '/organizations', '/strategy']);
    },
  },
  {
    name: 'i18n: a manager\'s workbench and dashboard, an employee\'s pages, in both languages',
    viewport: VIEWPORT,
    async run(h) {
      await visitAll(h, 'manager1', ['/workbench', '/', '/tasks?whose=all']);
      await h.page.context().clearCookies();
      await visitAll(h, 'staff01', ['/iknow', '/inbox']);
    },
  },
  {
    name: 'i18n: an admin\'s pages (users and teams, import and export, webhooks, strategies) in both languages',
    viewport: VIEWPORT,
    async run(h) {
      await visitAll(h, 'admin', ['/admin/users', '/admin/bundle', '/admin/webhooks', '/strategy']);
    },
  },
];
