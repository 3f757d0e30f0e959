import { describe, expect, it } from 'vitest';
import type { CustomerHistory, LessonRecord, ProjectOpportunity, VendorRecord } from '../../api/project';
import { competitorSplit, projectsWith, projectsWithTag, sortedTags } from './history';

const history = { projects: { ids: { won: ['o1'], lost: ['o2', 'o3'], abandoned: ['o4'] } } } as unknown as CustomerHistory;
const opp = (id: string, extra: Partial<ProjectOpportunity>) => ({ id, ...extra }) as ProjectOpportunity;
const opportunities = [
  opp('o1', { status: 'won', method: 'public_tender', rule: 'comprehensive_score', winner: 'ours' }),
  opp('o2', { status: 'lost', method: 'public_tender', winner: 'c1' }),
  opp('o3', { status: 'lost' }),
  opp('o4', { status: 'abandoned', method: 'public_tender' }),
];

describe('the projects behind the history figures', () => {
  it('per method and rule, over won and lost projects only (missing = unknown)', () => {
    expect(projectsWith(history, opportunities, 'method', 'public_tender')).toEqual(['o1', 'o2']);
    expect(projectsWith(history, opportunities, 'method', 'unknown')).toEqual(['o3']);
    expect(projectsWith(history, opportunities, 'rule', 'unknown')).toEqual(['o2', 'o3']);
  });
  it("a competitor's wins (winner or vendor result) and ours against it", () => {
    const vendors = [{ opportunity: 'o3', org: 'c1', result: 'won' }, { opportunity: 'o1', org: 'c1', result: 'lost' }] as VendorRecord[];
    expect(competitorSplit(['o1', 'o2', 'o3'], 'c1', opportunities, vendors)).toEqual({ wins: ['o2', 'o3'], weWon: ['o1'] });
  });
  it('a lesson tag of one kind', () => {
    const lessons = [
      { opportunity: 'o1', kind: 'win_factor', tags: ['关系'] },
      { opportunity: 'o1', kind: 'win_factor', tags: ['关系', '价格'] },
      { opportunity: 'o4', kind: 'win_factor', tags: ['关系'] },
      { opportunity: 'o2', kind: 'loss_factor', tags: ['关系'] },
    ] as LessonRecord[];
    expect(projectsWithTag(history, lessons, 'win_factor', '关系')).toEqual(['o1']);
    expect(projectsWithTag(history, lessons, 'loss_factor', '关系')).toEqual(['o2']);
  });
  it('tags most used first', () => {
    expect(sortedTags({ b: 1, a: 1, c: 3 })).toEqual([{ tag: 'c', count: 3 }, { tag: 'a', count: 1 }, { tag: 'b', count: 1 }]);
  });
});
