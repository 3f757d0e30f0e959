import { describe, expect, it } from 'vitest';
import { kindCode, kindsProblem, missingDefaults, moveKind } from './modelEditor';

const kinds = (...names: string[]) => names.map((kind) => ({ kind }));

describe('milestone model editing', () => {
  it('moves a kind up, down and by dragging', () => {
    const list = kinds('a', 'b', 'c', 'd');
    expect(moveKind(list, 2, 1).map((k) => k.kind)).toEqual(['a', 'c', 'b', 'd']);
    expect(moveKind(list, 0, 3).map((k) => k.kind)).toEqual(['b', 'c', 'd', 'a']);
    expect(moveKind(list, 0, -1).map((k) => k.kind)).toEqual(['a', 'b', 'c', 'd']);
    expect(moveKind(list, 9, 0)).toBe(list);
  });
  it('makes a code for a custom kind from its name, or custom_N', () => {
    expect(kindCode('Pilot acceptance', [])).toBe('pilot_acceptance');
    expect(kindCode('试点验收', [])).toBe('custom_1');
    expect(kindCode('试点验收', [{ kind: 'custom_1', name: 'x' }])).toBe('custom_2');
    expect(kindCode('Contract', kinds('contract'))).toBe('custom_1');
  });
  it('finds what the server would refuse', () => {
    expect(kindsProblem([])).toBe('empty');
    expect(kindsProblem(kinds('initiation', 'initiation'))).toBe('duplicate');
    expect(kindsProblem(kinds('Initiation'))).toBe('badCode');
    expect(kindsProblem([{ kind: 'pilot', name: ' ' }])).toBe('nameMissing');
    expect(kindsProblem([{ kind: 'initiation' }, { kind: 'pilot', name: '试点' }])).toBeNull();
    expect(kindsProblem(Array.from({ length: 51 }, (_, i) => ({ kind: `k${i}`, name: 'x' })))).toBe('tooMany');
  });
  it('lists the default kinds to add back', () => {
    expect(missingDefaults(kinds('initiation', 'budget_approval', 'tender_notice', 'bid_submission', 'evaluation'))).toEqual(['award_notice', 'contract']);
  });
});
