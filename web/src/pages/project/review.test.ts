import { describe, expect, it } from 'vitest';
import { fieldPath, formPath, reviewBody, stepOfField } from './review';

describe('review form → request body', () => {
  it('sends every step, leaving blank rows out', () => {
    const { body, rows } = reviewBody({
      status: 'won',
      closed: '2026-11-30',
      winner: 'org-ours',
      winning_bid: 1800000,
      our_bid: 1800000,
      vendors: [{ org: 'comp-1', result: 'lost', rank: 2 }, { org: '' }, { org: 'comp-2', result: undefined, rank: null }],
      quote: { price: 1800000, date: '', round: null },
      criteria: [{ id: 'cri-1', item: ' 技术方案 ', weight: 70, our_score: 65 }, { item: '', weight: null }, { item: '商务报价', weight: 30, best_score: 28 }],
      lessons: [{ kind: 'win_factor', tags: ['高层关系', ' 高层关系 ', ''], text: '提前建立信任' }, { kind: 'note', tags: [], text: '  ' }],
    });
    expect(body).toEqual({
      status: 'won',
      closed: '2026-11-30',
      winner: 'org-ours',
      winning_bid: 1800000,
      our_bid: 1800000,
      vendors: [{ org: 'comp-1', result: 'lost', rank: 2 }, { org: 'comp-2', result: 'unknown', rank: null }],
      quote: { price: 1800000 },
      criteria: [{ id: 'cri-1', item: '技术方案', weight: 70, our_score: 65 }, { item: '商务报价', weight: 30, best_score: 28 }],
      lessons: [{ kind: 'win_factor', tags: ['高层关系'], text: '提前建立信任' }],
    });
    expect(rows).toEqual({ vendors: [0, 2], criteria: [0, 2], lessons: [0] });
  });
  it("leaves unknown amounts and winner out (the server's defaults apply), and the quote without a price", () => {
    const { body } = reviewBody({ status: 'abandoned', closed: '2026-11-30', winner: '', winning_bid: undefined, our_bid: null, quote: { round: 2 } });
    expect(body).toEqual({ status: 'abandoned', closed: '2026-11-30', vendors: [], lessons: [] });
    expect(reviewBody({ status: 'lost', closed: '2026-11-30', winning_bid: 0 }).body.winning_bid).toBe(0); // 0 is known
  });
  it('keeps the quote round and date when given', () => {
    expect(reviewBody({ status: 'lost', closed: '2026-11-30', quote: { price: 0, round: 3, date: '2026-11-20' } }).body.quote).toEqual({ price: 0, round: 3, date: '2026-11-20' });
  });
  it('sends an empty criteria list only to retire existing criteria', () => {
    expect(reviewBody({ status: 'won', closed: '2026-11-30', criteria: [] }).body.criteria).toBeUndefined();
    expect(reviewBody({ status: 'won', closed: '2026-11-30', criteria: [] }, true).body.criteria).toEqual([]);
  });
});

describe('the server error field', () => {
  it('is parsed into a path', () => {
    expect(fieldPath('vendors[1].org')).toEqual(['vendors', 1, 'org']);
    expect(fieldPath('quote.price')).toEqual(['quote', 'price']);
    expect(fieldPath('criteria')).toEqual(['criteria']);
    expect(fieldPath('lessons[0].tags[2]')).toEqual(['lessons', 0, 'tags', 2]);
  });
  it('leads to its step', () => {
    expect(stepOfField('closed')).toBe(0);
    expect(stepOfField('winning_bid')).toBe(1);
    expect(stepOfField('vendors[1].org')).toBe(2);
    expect(stepOfField('quote.price')).toBe(3);
    expect(stepOfField('criteria')).toBe(4);
    expect(stepOfField('criteria[0].weight')).toBe(4);
    expect(stepOfField('lessons[0].kind')).toBe(5);
    expect(stepOfField('')).toBe(0);
    expect(stepOfField('something_else')).toBe(0);
  });
  it('names the form row the body row came from', () => {
    const rows = { vendors: [0, 2], criteria: [1], lessons: [] };
    expect(formPath('vendors[1].org', rows)).toEqual(['vendors', 2, 'org']);
    expect(formPath('criteria[0].weight', rows)).toEqual(['criteria', 1, 'weight']);
    expect(formPath('criteria', rows)).toEqual(['criteria']);
    expect(formPath('quote.price', rows)).toEqual(['quote', 'price']);
  });
});
