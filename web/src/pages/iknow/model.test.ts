import { describe, expect, it } from 'vitest';
import type { InfluenceLink } from '../../api/types';
import { declarationRows, existingLink, linkChange, linkRequest, toCandidates } from './model';

function link(id: string, to: string, strength: InfluenceLink['strength'], note: string | null = null): InfluenceLink {
  return { id, from: 'p-me', to, strength, note, since: null, until: null };
}

describe('toCandidates', () => {
  it('takes the names the employee directory carries', () => {
    const [c] = toCandidates(
      [{ id: 'p-1', name: '张伟', org: 'cust-1', org_name: '宏达', department: 'd-1', department_name: '校办', title: '校长' }],
      new Map([['cust-1', 'ignored']]),
    );
    expect(c).toEqual({ id: 'p-1', name: '张伟', org: 'cust-1', orgName: '宏达', departmentName: '校办', title: '校长' });
  });

  it('looks up organization and department names for the people list', () => {
    const [known, unknown] = toCandidates(
      [
        { id: 'p-1', name: '张伟', org: 'cust-1', department: 'd-1', title: null },
        { id: 'p-2', name: '李娜', org: 'cust-x', department: 'd-x', title: '主任' },
      ],
      new Map([['cust-1', '宏达']]),
      new Map([['d-1', '校办']]),
    );
    expect(known).toEqual({ id: 'p-1', name: '张伟', org: 'cust-1', orgName: '宏达', departmentName: '校办', title: null });
    expect(unknown.orgName).toBe('cust-x');
    expect(unknown.departmentName).toBeNull();
  });
});

describe('linkRequest', () => {
  it('declares from me to the person, a blank note being none', () => {
    expect(linkRequest('p-me', 'p-1', { strength: 'strong', note: '  ' })).toEqual({ from: 'p-me', to: 'p-1', strength: 'strong', note: null });
    expect(linkRequest('p-me', 'p-1', { strength: 'weak', note: ' 大学同学 ' })).toEqual({ from: 'p-me', to: 'p-1', strength: 'weak', note: '大学同学' });
    expect(linkRequest('p-me', 'p-1', { strength: 'medium' }).note).toBeNull();
  });
});

describe('linkChange', () => {
  it('sends only what changed, or nothing', () => {
    const existing = link('l1', 'p-1', 'weak', '同学');
    expect(linkChange(existing, { strength: 'weak', note: '同学' })).toBeNull();
    expect(linkChange(existing, { strength: 'strong', note: '同学' })).toEqual({ strength: 'strong' });
    expect(linkChange(existing, { strength: 'weak', note: '' })).toEqual({ note: null });
  });
});

describe('existingLink', () => {
  it('finds the newest declaration toward the person', () => {
    const links = [link('l1', 'p-1', 'weak'), link('l2', 'p-2', 'strong'), link('l3', 'p-1', 'medium')];
    expect(existingLink(links, 'p-1')?.id).toBe('l3');
    expect(existingLink(links, 'p-9')).toBeUndefined();
  });
});

describe('declarationRows', () => {
  it('puts the strongest first, then sorts by name, and keeps unknown targets', () => {
    const rows = declarationRows(
      [link('l1', 'p-1', 'weak'), link('l2', 'p-2', 'strong'), link('l3', 'p-3', 'strong'), link('l4', 'p-gone', 'medium')],
      new Map([
        ['p-1', { name: '王强', orgName: '宏达', title: null }],
        ['p-2', { name: '张伟', orgName: '宏达', title: null }],
        ['p-3', { name: '李娜', orgName: '远景', title: '主任' }],
      ]),
    );
    expect(rows.map((r) => r.key)).toEqual(['l3', 'l2', 'l4', 'l1']);
    expect(rows[2].target).toBeNull();
  });
});
