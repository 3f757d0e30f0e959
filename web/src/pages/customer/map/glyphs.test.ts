import { describe, expect, it } from 'vitest';
import type { Attitude, YesNo } from '../../../api/types';
import { degreeIcon, drawBody, gapIcon, importanceIcon, svgShapes, voteIcon } from './glyphs';

const ATTITUDES: Attitude[] = ['strong_support', 'support', 'neutral', 'oppose', 'strong_oppose', 'unknown'];
const YES_NO: YesNo[] = ['yes', 'no', 'unknown'];

/** Every icon a card can show, as SVG markup. */
function everyIcon(): string[] {
  return [
    ...(['closeness', 'solution', 'price'] as const).flatMap((d) => ATTITUDES.map((a) => degreeIcon(d, a, 9, 9))),
    ...(['veto', 'approve'] as const).flatMap((k) => YES_NO.map((v) => voteIcon(k, v, 9, 9))),
    ...['high', 'medium', 'low', 'unknown'].map((i) => importanceIcon(i, 1, 9)),
    ...[1, 4, 7].map((n) => gapIcon(n, 0, 0)),
  ];
}

describe('the icons drawn on a canvas', () => {
  it('know every shape the icons are made of (none would be left out of the raster)', () => {
    for (const body of everyIcon()) {
      const tags = [...body.matchAll(/<([a-z]+)\b/g)].map((m) => m[1]);
      expect(svgShapes(body).map((s) => s.tag)).toEqual(tags);
    }
  });

  it('paint a shape as SVG does: filled, then stroked with its width, dashes and caps; a text with its font', () => {
    const calls: string[] = [];
    const g = new Proxy(
      { fillStyle: '', strokeStyle: '', lineWidth: 1, lineCap: 'butt', lineJoin: 'miter', font: '', textAlign: 'left' } as Record<string, unknown>,
      {
        get: (target, key: string) => (key in target ? target[key] : (...args: unknown[]) => calls.push(`${key}(${args.map((a) => JSON.stringify(a)).join(',')})`)),
        set: (target, key: string, value) => {
          target[key] = value;
          calls.push(`${key}=${value}`);
          return true;
        },
      },
    );
    drawBody(g as unknown as Parameters<typeof drawBody>[0], gapIcon(3, 0, 0));
    expect(calls).toContain('fillStyle=#fff7e6');
    expect(calls).toContain('strokeStyle=#d46b08');
    expect(calls).toContain('lineWidth=1.3');
    expect(calls).toContain('setLineDash([2.5,1.5])');
    expect(calls.indexOf('fill()')).toBeLessThan(calls.indexOf('stroke()'));
    expect(calls).toContain('font=700 12px Arial, sans-serif');
    expect(calls).toContain('textAlign=center');
    expect(calls).toContain('fillText("?3",13,13.5)');
  });
});
