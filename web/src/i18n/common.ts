// Words every page uses: the vocabularies of SPEC.md §3, roles, navigation, errors. Each page area keeps its
// own texts in pages/<area>/i18n.ts as a namespace of the same name.

export const zh = {
  app: { name: 'BRM 商业关系管理', short: 'BRM' },
  nav: {
    workbench: '工作台', inbox: '消息', dashboard: '仪表盘', customers: '客户', influence: '影响力', iknow: '我认识…', warnings: '预警', tasks: '待办',
    admin: '管理', users: '用户与团队', strategy: '策略设置', bundle: '导入导出', webhooks: 'Webhook', organizations: '组织',
  },
  shell: {
    perspective: '视角', me: '我的', team: '团队', user: '个人视图', company: '我司', competitor: '友商',
    toward: '对标', ours: '我司', asOf: '截至日期', today: '今天', language: '语言', logout: '退出登录',
    sessionEnds: '会话 {{time}} 到期', sessionSoon: '会话将在 {{minutes}} 分钟后到期', sessionExpired: '会话已过期，请重新登录。',
    inbox: '消息：{{count}} 条未读', signedOut: '已退出登录。', chooseTeam: '选择团队', chooseUser: '选择销售', chooseCompetitor: '选择友商',
  },
  login: {
    title: '登录', login: '登录名', password: '密码', submit: '登录', loginRequired: '请输入登录名',
    passwordRequired: '请输入密码',
  },
  password: {
    open: '修改密码', title: '修改我的密码', current: '当前密码', next: '新密码', confirm: '再次输入新密码',
    rules: '至少 8 个非空格字符；不能包含登录名，也不能是常见密码。', endOthers: '同时退出我在其他浏览器和设备上的登录',
    submit: '修改密码', currentRequired: '请输入当前密码', currentWrong: '当前密码不正确。', tooShort: '新密码至少需要 8 个非空格字符。',
    mismatch: '两次输入的新密码不一致。', refused: '新密码不可用：{{reason}}', changed: '密码已修改。',
    changedOthersEnded: '密码已修改，其他登录已全部退出。',
  },
  decide: {
    snoozeUntil: '暂缓到',
    reasonRequired: '请说明原因',
  },
  common: {
    loading: '加载中…', empty: '暂无数据', retry: '重试', save: '保存', cancel: '取消', add: '添加', edit: '编辑',
    remove: '移除', retire: '停用', delete: '删除', confirm: '确定', search: '搜索', all: '全部', name: '名称',
    date: '日期', yes: '是', no: '否', unknown: '未知', none: '无', saved: '已保存', close: '关闭', details: '详情',
    mom: '环比', yoy: '同比', count: '数量', mean: '均值', percent: '百分比', total: '共 {{count}} 条', open: '打开',
    undo: '撤销', notFound: '找不到该记录，或您无权查看。', back: '返回', actions: '操作', reason: '理由',
    reinstate: '恢复启用',
  },
  retire: {
    day: '停用日期', hint: '从这一天起不再有效；不会删除任何数据，历史记录保留，之后可以恢复启用。',
    since: '自 {{date}} 起已停用', done: '已停用', reinstated: '已恢复启用',
  },
  attitude: {
    strong_support: '强支持', support: '支持', neutral: '中立', oppose: '反对', strong_oppose: '强反对', unknown: '未知',
  },
  dimension: { closeness: '关系紧密度', solution: '方案认可度', price: '价格接受度' },
  dimensionShort: { closeness: '紧密度', solution: '认可度', price: '价格' },
  milestoneKind: {
    initiation: '立项', budget_approval: '预算审批', tender_notice: '招标公告', bid_submission: '投标',
    evaluation: '评标', award_notice: '中标公示', contract: '签约',
  },
  vote: { veto: '一票否决', approve: '一票批准' },
  yesno: { yes: '是', no: '否', unknown: '未知' },
  tier: { excellent: '优秀', good: '良好', fair: '一般', poor: '较差', none: '无' },
  strategy: { acquire: '客户获取', grow: '客户提升', win_back: '亡羊补牢', wait: '以静制动', retain: '客户维系' },
  role: { rep: '销售', manager: '经理', executive: '高管', admin: '管理员', employee: '员工' },
  chainRole: {
    decision_maker: '决策者', approver: '批准者', technical_evaluator: '技术评估者', business_evaluator: '业务评估者',
    user: '使用者', procurement: '采购', influencer: '影响者', coach: '教练', gatekeeper: '把关者', other: '其他',
  },
  orientation: {
    technology: '技术导向', business: '业务导向', relationship: '关系导向', price: '价格导向', risk_averse: '风险规避',
    innovation: '创新导向', unknown: '未知',
  },
  importance: { high: '高', medium: '中', low: '低', unknown: '未知' },
  interaction: { none: '无', low: '低', medium: '中', high: '高' },
  strength: { strong: '强', medium: '中', weak: '弱' },
  activityKind: { visit: '拜访', meeting: '会议', call: '电话', message: '消息', meal: '宴请', event: '活动', other: '其他' },
  orgKind: { customer: '客户', ours: '我司', competitor: '友商', partner: '合作伙伴' },
  status: { open: '进行中', won: '赢单', lost: '丢单', abandoned: '放弃' },
  severity: { high: '高', medium: '中', low: '低' },
  figures: {
    pp: '{{value}}个百分点', relative: '{{count}}（相对 {{relative}}）', relativeTip: '括号内是相对上期的变化率（变化量 ÷ 上期值）。',
    meanSecondary: '均值 {{mean}}', smallSample: '样本少', smallSampleTip: '只有 {{known}} 个已知值（少于 3 个），该百分比、均值和等级仅供参考。',
    ppTip: '百分比的变化，以百分点计（均值变化 × 100）。', loadingName: '…',
  },
  errors: {
    invalid: '输入有误', unauthenticated: '请先登录', forbidden: '您无权进行此操作', not_found: '找不到该记录，或您无权查看',
    conflict: '与现有数据冲突', too_large: '内容过大', unprocessable: '不符合业务规则', throttled: '尝试次数过多，请稍后再试',
    internal: '服务器内部错误', network: '无法连接服务器', bad_response: '服务器响应异常', unknown: '发生错误',
    field: '字段「{{field}}」', wrongLogin: '登录名或密码错误。', disabled: '该账号已停用。',
  },
};

export type Resources = typeof zh;

export const en: Resources = {
  app: { name: 'BRM Business Relationship Management', short: 'BRM' },
  nav: {
    workbench: 'Workbench', inbox: 'Inbox', dashboard: 'Dashboard', customers: 'Customers', influence: 'Influence', iknow: 'I know…', warnings: 'Warnings', tasks: 'Tasks',
    admin: 'Admin', users: 'Users & teams', strategy: 'Strategies', bundle: 'Import & export', webhooks: 'Webhooks', organizations: 'Organizations',
  },
  shell: {
    perspective: 'Perspective', me: 'Mine', team: 'Team', user: 'Individual', company: 'Company', competitor: 'Competitor',
    toward: 'Toward', ours: 'Ours', asOf: 'As of', today: 'Today', language: 'Language', logout: 'Sign out',
    sessionEnds: 'Session ends at {{time}}', sessionSoon: 'Session ends in {{minutes}} min', sessionExpired: 'Your session has ended; please sign in again.',
    inbox: 'Inbox: {{count}} unread', signedOut: 'Signed out.', chooseTeam: 'Choose a team', chooseUser: 'Choose a rep', chooseCompetitor: 'Choose a competitor',
  },
  login: {
    title: 'Sign in', login: 'Login', password: 'Password', submit: 'Sign in', loginRequired: 'Enter your login',
    passwordRequired: 'Enter your password',
  },
  password: {
    open: 'Password', title: 'Change my password', current: 'Current password', next: 'New password', confirm: 'New password again',
    rules: 'At least 8 characters that are not spaces; not containing your login, and not a common password.',
    endOthers: 'Also sign me out in every other browser and device', submit: 'Change password',
    currentRequired: 'Enter your current password', currentWrong: 'The current password is wrong.',
    tooShort: 'The new password needs at least 8 characters that are not spaces.', mismatch: 'The two new passwords differ.',
    refused: 'This new password cannot be used: {{reason}}', changed: 'Your password is changed.',
    changedOthersEnded: 'Your password is changed, and your other sessions are signed out.',
  },
  decide: {
    snoozeUntil: 'Snooze until',
    reasonRequired: 'Say why',
  },
  common: {
    loading: 'Loading…', empty: 'Nothing here yet', retry: 'Retry', save: 'Save', cancel: 'Cancel', add: 'Add', edit: 'Edit',
    remove: 'Remove', retire: 'Retire', delete: 'Delete', confirm: 'OK', search: 'Search', all: 'All', name: 'Name',
    date: 'Date', yes: 'Yes', no: 'No', unknown: 'Unknown', none: 'None', saved: 'Saved', close: 'Close', details: 'Details',
    mom: 'MoM', yoy: 'YoY', count: 'Count', mean: 'Mean', percent: 'Percent', total: '{{count}} in all', open: 'Open',
    undo: 'Undo', notFound: 'Not found, or you may not see it.', back: 'Back', actions: 'Actions', reason: 'Reason',
    reinstate: 'Reinstate',
  },
  retire: {
    day: 'Retire on', hint: 'It stops being valid on this day; nothing is deleted, its history stays, and it can be reinstated later.',
    since: 'Retired since {{date}}', done: 'Retired', reinstated: 'Reinstated',
  },
  attitude: {
    strong_support: 'Strong support', support: 'Support', neutral: 'Neutral', oppose: 'Oppose', strong_oppose: 'Strong oppose', unknown: 'Unknown',
  },
  dimension: { closeness: 'Closeness', solution: 'Solution acceptance', price: 'Price acceptance' },
  dimensionShort: { closeness: 'Closeness', solution: 'Solution', price: 'Price' },
  milestoneKind: {
    initiation: 'Initiation', budget_approval: 'Budget approval', tender_notice: 'Tender notice',
    bid_submission: 'Bid submission', evaluation: 'Evaluation', award_notice: 'Award notice', contract: 'Contract',
  },
  vote: { veto: 'Veto', approve: 'Approval' },
  yesno: { yes: 'Yes', no: 'No', unknown: 'Unknown' },
  tier: { excellent: 'Excellent', good: 'Good', fair: 'Fair', poor: 'Poor', none: 'None' },
  strategy: { acquire: 'Acquire', grow: 'Grow', win_back: 'Win back', wait: 'Wait', retain: 'Retain' },
  role: { rep: 'Rep', manager: 'Manager', executive: 'Executive', admin: 'Admin', employee: 'Employee' },
  chainRole: {
    decision_maker: 'Decision maker', approver: 'Approver', technical_evaluator: 'Technical evaluator',
    business_evaluator: 'Business evaluator', user: 'User', procurement: 'Procurement', influencer: 'Influencer',
    coach: 'Coach', gatekeeper: 'Gatekeeper', other: 'Other',
  },
  orientation: {
    technology: 'Technology', business: 'Business', relationship: 'Relationship', price: 'Price', risk_averse: 'Risk-averse',
    innovation: 'Innovation', unknown: 'Unknown',
  },
  importance: { high: 'High', medium: 'Medium', low: 'Low', unknown: 'Unknown' },
  interaction: { none: 'None', low: 'Low', medium: 'Medium', high: 'High' },
  strength: { strong: 'Strong', medium: 'Medium', weak: 'Weak' },
  activityKind: { visit: 'Visit', meeting: 'Meeting', call: 'Call', message: 'Message', meal: 'Meal', event: 'Event', other: 'Other' },
  orgKind: { customer: 'Customer', ours: 'Ours', competitor: 'Competitor', partner: 'Partner' },
  status: { open: 'Open', won: 'Won', lost: 'Lost', abandoned: 'Abandoned' },
  severity: { high: 'High', medium: 'Medium', low: 'Low' },
  figures: {
    pp: '{{value}} pp', relative: '{{count}} ({{relative}} rel.)', relativeTip: 'In brackets: the change relative to the earlier value (change ÷ earlier).',
    meanSecondary: 'mean {{mean}}', smallSample: 'small sample', smallSampleTip: 'Only {{known}} known values (fewer than 3): read this percent, mean and tier with care.',
    ppTip: 'The change of the percent, in percentage points (change of the mean × 100).', loadingName: '…',
  },
  errors: {
    invalid: 'Invalid input', unauthenticated: 'Please sign in', forbidden: 'You may not do this', not_found: 'Not found, or you may not see it',
    conflict: 'Conflicts with existing data', too_large: 'Too large', unprocessable: 'Breaks a business rule', throttled: 'Too many attempts; try again later',
    internal: 'Server error', network: 'The server cannot be reached', bad_response: 'Unexpected server answer', unknown: 'Something went wrong',
    field: 'field "{{field}}"', wrongLogin: 'The login or the password is wrong.', disabled: 'This account is disabled.',
  },
};
