// Texts of the history drawer (namespace 'history'): what a line says and the labels of the fields.
export const zh = {
  open: '修改历史',
  title: '修改历史：{{name}}',
  empty: '没有修改记录（批量导入的记录没有创建记录）。',
  system: '系统',
  created: '创建',
  password: '设置了密码',
  erased: '已抹除个人信息',
  listSeparator: '、',
  colon: '：',
  field: {
    name: '名称', kind: '类型', industry: '行业', region: '地区', owner: '负责人', focus: '重点关注', since: '生效日期',
    until: '停用日期', org: '组织', parent: '上级', customer: '客户', amount: '金额', currency: '币种', stage: '阶段',
    status: '状态', type: '类型', opened: '立项日期', closed: '结束日期', win_probability: '赢率', scope: '方案范围',
    conditions: '必要条件', conditions_text: '条件说明', budget: '预算', our_bid: '我司报价', winning_bid: '中标价',
    winner: '中标方', method: '招标方式', rule: '评标规则', department: '部门', title: '职务', key: '关键人',
    importance: '重要程度', orientation: '导向', email: '邮箱', phone: '电话', notes: '备注', login: '登录名',
    person: '人员', role: '角色', team: '团队', active: '启用', language: '语言', manager: '经理',
  },
};

export const en: typeof zh = {
  open: 'History',
  title: 'History: {{name}}',
  empty: 'No changes recorded (records imported from a bundle have no creation line).',
  system: 'System',
  created: 'Created',
  password: 'Password set',
  erased: 'Personal data erased',
  listSeparator: ', ',
  colon: ': ',
  field: {
    name: 'Name', kind: 'Kind', industry: 'Industry', region: 'Region', owner: 'Owner', focus: 'Focus', since: 'Valid from',
    until: 'Retired on', org: 'Organization', parent: 'Parent', customer: 'Customer', amount: 'Amount', currency: 'Currency',
    stage: 'Stage', status: 'Status', type: 'Type', opened: 'Opened', closed: 'Closed', win_probability: 'Win probability',
    scope: 'Solution scope', conditions: 'Necessary conditions', conditions_text: 'Conditions (text)', budget: 'Budget',
    our_bid: 'Our bid', winning_bid: 'Winning bid', winner: 'Winner', method: 'Tender method', rule: 'Award rule',
    department: 'Department', title: 'Title', key: 'Key person', importance: 'Importance', orientation: 'Orientation',
    email: 'Email', phone: 'Phone', notes: 'Notes', login: 'Login', person: 'Person', role: 'Role', team: 'Team',
    active: 'Active', language: 'Language', manager: 'Manager',
  },
};
