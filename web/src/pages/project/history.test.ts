import { describe, expect, it } from 'vitest';
import { sortedTags } from './history';

describe('the history page', () => {
  it('tags most used first', () => {
    expect(sortedTags({ b: 1, a: 1, c: 3 })).toEqual([{ tag: 'c', count: 3 }, { tag: 'a', count: 1 }, { tag: 'b', count: 1 }]);
  });
});
