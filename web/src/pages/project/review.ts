// The guided review (复盘) without React: the form's values turned into the body of POST
// /opportunities/{id}/review, and the server's error field ("vendors[1].org") led back to the step and the
// form field it names.
import type { ClosedStatus, LessonKind, ReviewRequest, VendorResult } from '../../api/project';

export const REVIEW_STEPS = ['result', 'amounts', 'vendors', 'quote', 'criteria', 'lessons'] as const;
export type ReviewStep = (typeof REVIEW_STEPS)[number];

type Blank = null | undefined;

export interface ReviewForm {
  status?: ClosedStatus;
  /** YYYY-MM-DD */
  closed?: string;
  /** An organization id; blank = not known. */
  winner?: string | Blank;
  winning_bid?: number | Blank;
  our_bid?: number | Blank;
  vendors?: ({ org?: string | Blank; result?: VendorResult | Blank; rank?: number | Blank } | Blank)[];
  quote?: { price?: number | Blank; date?: string | Blank; round?: number | Blank } | Blank;
  criteria?: ({ id?: string | Blank; item?: string | Blank; weight?: number | Blank; our_score?: number | Blank; best_score?: number | Blank } | Blank)[];
  lessons?: ({ kind?: LessonKind | Blank; tags?: string[] | Blank; text?: string | Blank } | Blank)[];
}

/** Which form row each element of the body's arrays came from (blank rows are left out of the body). */
export interface RowMap {
  vendors: number[];
  criteria: number[];
  lessons: number[];
}

const num = (value: number | Blank): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const text = (value: string | Blank): string => (value ?? '').trim();

/** The request body. `hadCriteria`: the opportunity has criteria now, so an empty list retires them and the
 * list is sent even when empty; otherwise an empty list is left out. */
export function reviewBody(form: ReviewForm, hadCriteria = false): { body: ReviewRequest; rows: RowMap } {
  const rows: RowMap = { vendors: [], criteria: [], lessons: [] };
  const vendors: ReviewRequest['vendors'] = [];
  (form.vendors ?? []).forEach((row, index) => {
    if (!row || !text(row.org)) return;
    rows.vendors.push(index);
    vendors.push({ org: text(row.org), result: row.result ?? 'unknown', rank: num(row.rank) });
  });
  const criteria: NonNullable<ReviewRequest['criteria']> = [];
  (form.criteria ?? []).forEach((row, index) => {
    if (!row || (!text(row.item) && num(row.weight) === null)) return;
    rows.criteria.push(index);
    const criterion: NonNullable<ReviewRequest['criteria']>[number] = { item: text(row.item), weight: num(row.weight) ?? 0 };
    if (row.id) criterion.id = row.id;
    if (num(row.our_score) !== null) criterion.our_score = num(row.our_score)!;
    if (num(row.best_score) !== null) criterion.best_score = num(row.best_score)!;
    criteria.push(criterion);
  });
  const lessons: ReviewRequest['lessons'] = [];
  (form.lessons ?? []).forEach((row, index) => {
    const tags = (row?.tags ?? []).map((t) => t.trim()).filter((t, i, all) => t && all.indexOf(t) === i);
    if (!row || (!text(row.text) && !tags.length)) return;
    rows.lessons.push(index);
    lessons.push({ kind: row.kind ?? 'note', tags, text: text(row.text) });
  });
  const body: ReviewRequest = { status: form.status ?? 'won', closed: form.closed ?? '', vendors, lessons };
  // Unknown ones are left out, so that the server's defaults apply (winner: ours when won; our bid: the
  // final quote's price).
  if (text(form.winner)) body.winner = text(form.winner);
  if (num(form.winning_bid) !== null) body.winning_bid = num(form.winning_bid)!;
  if (num(form.our_bid) !== null) body.our_bid = num(form.our_bid)!;
  const price = num(form.quote?.price);
  if (price !== null) {
    body.quote = { price };
    if (text(form.quote?.date)) body.quote.date = text(form.quote?.date);
    if (num(form.quote?.round) !== null) body.quote.round = num(form.quote?.round)!;
  }
  if (criteria.length || hadCriteria) body.criteria = criteria;
  return { body, rows };
}

/** "vendors[1].org" → ["vendors", 1, "org"]; "quote.price" → ["quote", "price"]. */
export function fieldPath(field: string): (string | number)[] {
  const path: (string | number)[] = [];
  for (const part of field.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) return [field];
    if (match[1]) path.push(match[1]);
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) path.push(Number(index[1]));
  }
  return path;
}

const STEP_OF: Record<string, ReviewStep> = {
  status: 'result', closed: 'result',
  winner: 'amounts', winning_bid: 'amounts', our_bid: 'amounts',
  vendors: 'vendors', quote: 'quote', criteria: 'criteria', lessons: 'lessons',
};

/** The step an error's field belongs to (the first step when the field is unknown or empty). */
export function stepOfField(field: string): number {
  const head = fieldPath(field)[0];
  return REVIEW_STEPS.indexOf(typeof head === 'string' && STEP_OF[head] ? STEP_OF[head] : 'result');
}

/** The form path of the server's field: the body's row index mapped back to the form's row. A path that
 * names a whole list ("criteria") or no known field stays as it is. */
export function formPath(field: string, rows: RowMap): (string | number)[] {
  const path = fieldPath(field);
  const [head, index] = path;
  if ((head === 'vendors' || head === 'criteria' || head === 'lessons') && typeof index === 'number') {
    return [head, rows[head][index] ?? index, ...path.slice(2)];
  }
  return path;
}
