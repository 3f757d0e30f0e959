import { describe, expect, it } from 'vitest';
import { parentChoices } from './departments';

const tree = [
  { id: 'office', name: '校长办公室', parent: null },
  { id: 'it', name: '网络与信息中心', parent: null },
  { id: 'ops', name: '运维科', parent: 'it' },
  { id: 'net', name: '网络组', parent: 'ops' },
  { id: 'dev', name: '应用开发科', parent: 'it' },
];

describe('parentChoices', () => {
  it('offers every department to a new one', () => {
    expect(parentChoices(tree, null).map((d) => d.id)).toEqual(['office', 'it', 'ops', 'net', 'dev']);
  });
  it('leaves out the department itself and everything below it', () => {
    expect(parentChoices(tree, 'it').map((d) => d.id)).toEqual(['office']);
    expect(parentChoices(tree, 'ops').map((d) => d.id)).toEqual(['office', 'it', 'dev']);
    expect(parentChoices(tree, 'net').map((d) => d.id)).toEqual(['office', 'it', 'ops', 'dev']);
  });
});
