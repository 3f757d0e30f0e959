// Texts of the influence pages (namespace 'influence').
export const zh = {
  title: '影响力主线',
  subtitle: '我司员工能够影响的关键人（相识关键人），以及员工影响力的价值潜力与贡献度。',
  tabs: { list: '影响力清单', kpi: '各范围 KPI', employees: '员工 KPI' },
  trend: {
    acquainted: '相识关键人', uninsighted: '未洞察的相识关键人', valuePotential: '影响力价值潜力',
    contributionCount: '影响力贡献度（按数量）', contributionAmount: '影响力贡献度（按金额）',
    valuePotentialHint: '相识关键人 ÷ 范围内全部关键人',
    contributionHint: '当年截至当日、有影响力使用记录的赢单 ÷ 全部赢单（无赢单时为空）',
  },
  list: {
    person: '关键人', company: '公司', department: '部门', title: '岗位', closeness: '关系紧密度', owner: '当前负责人',
    influencers: '可施加影响的员工', search: '搜索姓名、公司、部门、岗位或员工', closenessFilter: '按紧密度筛选',
    masked: '您无权查看该客户，只显示清单中的字段。', count: '共 {{count}} 位相识关键人',
  },
  kpi: {
    scope: '范围', company: '全公司', me: '我的', team: '团队：{{name}}', user: '销售：{{name}}',
    acquainted: '相识关键人', uninsighted: '未洞察', valuePotential: '价值潜力', contributionCount: '贡献度（数量）',
    contributionAmount: '贡献度（金额）', failed: '无法加载',
  },
  employees: {
    employee: '员工', login: '账号', acquainted: '相识关键人', uninsighted: '未洞察', closeness: '紧密度均值',
    valuePotential: '价值潜力', uses: '影响力使用次数', wins: '贡献的赢单', search: '搜索员工', loading: '正在加载 {{done}}/{{total}}…',
    hint: '每位员工的数字只统计您能看到的客户。',
  },
};

export const en: typeof zh = {
  title: 'Influence line',
  subtitle: 'The key persons our employees can influence (acquainted key persons), and the value potential and contribution of that influence.',
  tabs: { list: 'Influence list', kpi: 'KPIs by scope', employees: 'Employee KPIs' },
  trend: {
    acquainted: 'Acquainted key persons', uninsighted: 'Acquainted but not insighted', valuePotential: 'Value potential',
    contributionCount: 'Contribution (by count)', contributionAmount: 'Contribution (by amount)',
    valuePotentialHint: 'Acquainted key persons ÷ all key persons in scope',
    contributionHint: 'Wins this year to date with an influence use ÷ all wins (empty without wins)',
  },
  list: {
    person: 'Key person', company: 'Company', department: 'Department', title: 'Title', closeness: 'Closeness', owner: 'Owner',
    influencers: 'Employees who influence them', search: 'Search name, company, department, title or employee', closenessFilter: 'Filter by closeness',
    masked: 'You may not see this customer; only the list\'s fields are shown.', count: '{{count}} acquainted key persons',
  },
  kpi: {
    scope: 'Scope', company: 'Whole company', me: 'Mine', team: 'Team: {{name}}', user: 'Rep: {{name}}',
    acquainted: 'Acquainted', uninsighted: 'Not insighted', valuePotential: 'Value potential', contributionCount: 'Contribution (count)',
    contributionAmount: 'Contribution (amount)', failed: 'Could not load',
  },
  employees: {
    employee: 'Employee', login: 'Login', acquainted: 'Acquainted', uninsighted: 'Not insighted', closeness: 'Closeness mean',
    valuePotential: 'Value potential', uses: 'Influence uses', wins: 'Contributed wins', search: 'Search employees', loading: 'Loading {{done}}/{{total}}…',
    hint: 'Each employee\'s figures count only the customers you may see.',
  },
};
