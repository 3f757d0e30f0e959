// Texts of the iknow pages (namespace 'iknow').
export const zh = {
  title: '我认识…',
  subtitle: '告诉公司您能影响哪些人：搜索姓名，选择影响强度。只有您自己和有权查看该客户的同事能看到这些声明。',
  search: {
    title: '查找人员', placeholder: '输入姓名、公司名或拼音（如 zhaomin、zm；可只输入一部分），按回车搜索', submit: '搜索',
    none: '没有找到“{{text}}”。', name: '姓名', org: '组织', department: '部门', jobTitle: '岗位', action: '操作',
    declare: '我认识', change: '修改', already: '已声明：{{strength}}', me: '这是您自己',
  },
  declare: {
    title: '我认识 {{name}}', strength: '影响强度', strengthRequired: '请选择影响强度', note: '备注（可选）',
    notePlaceholder: '例如：大学同学、前同事', submit: '保存声明', created: '已声明您认识 {{name}}。', updated: '已更新对 {{name}} 的声明。',
    unchanged: '声明没有变化。',
    strengthHint: { strong: '能深度影响对方的决定', medium: '说得上话，有一定影响', weak: '认识，影响有限' },
  },
  mine: {
    title: '我的声明', person: '人员', org: '组织', strength: '影响强度', note: '备注', since: '起始日期', actions: '操作',
    retire: '撤回', retireConfirm: '撤回对 {{name}} 的声明？', retired: '已撤回对 {{name}} 的声明。', restored: '已恢复对 {{name}} 的声明。',
    strengthChanged: '已将对 {{name}} 的影响强度改为“{{strength}}”。', gone: '（已不在通讯录中）', empty: '您还没有声明认识任何人。',
  },
};

export const en: typeof zh = {
  title: 'I know…',
  subtitle: 'Tell the company whom you can influence: search a name and choose how strongly. Only you and the colleagues who may see that customer see these declarations.',
  search: {
    title: 'Find a person', placeholder: 'Type a name, a company or their pinyin (zhaomin, zm; or part of one) and press Enter', submit: 'Search',
    none: 'Nobody matches "{{text}}".', name: 'Name', org: 'Organization', department: 'Department', jobTitle: 'Title', action: 'Action',
    declare: 'I know them', change: 'Change', already: 'Declared: {{strength}}', me: 'This is you',
  },
  declare: {
    title: 'I know {{name}}', strength: 'Strength', strengthRequired: 'Choose a strength', note: 'Note (optional)',
    notePlaceholder: 'For example: university classmate, former colleague', submit: 'Save', created: 'Declared that you know {{name}}.', updated: 'Updated your declaration for {{name}}.',
    unchanged: 'Nothing changed.',
    strengthHint: { strong: 'Can deeply influence their decisions', medium: 'They listen to you', weak: 'An acquaintance, little influence' },
  },
  mine: {
    title: 'My declarations', person: 'Person', org: 'Organization', strength: 'Strength', note: 'Note', since: 'Since', actions: 'Actions',
    retire: 'Retire', retireConfirm: 'Retire your declaration for {{name}}?', retired: 'Retired your declaration for {{name}}.', restored: 'Restored your declaration for {{name}}.',
    strengthChanged: 'Your influence on {{name}} is now "{{strength}}".', gone: '(no longer in the directory)', empty: 'You have not declared anyone yet.',
  },
};
