import { describe, expect, it } from 'vitest';
import {
  referenceLabelSpace,
  referenceLineRenderer,
  referenceLineSeries,
  REFERENCE_STYLE,
  type ReferenceLine,
} from '../reference-lines';

const box = { coordSys: { x: 100, y: 40, width: 500, height: 300 } };
const api = (values: number[]) => ({
  value: (d: number) => values[d],
  coord: ([x, y]: number[]) => [100 + x! * 10, 340 - y! * 10],
});
type Group = {
  children: Array<{
    type: string;
    shape?: Record<string, number>;
    x?: number;
    y?: number;
    style: Record<string, unknown>;
  }>;
};
const lines: ReferenceLine[] = [
  { kind: 'target', value: 20, text: 'Target: 20.0 %' },
  { kind: 'national', value: 16, text: 'Thailand: 16.0 %' },
];

describe('referenceLineSeries', () => {
  it('is one silent custom series behind the data, one data item per line', () => {
    const [series] = referenceLineSeries(lines, 'horizontal');
    expect(series).toMatchObject({
      type: 'custom',
      silent: true,
      z: 1,
      data: [
        [20, 0, 0],
        [16, 0, 1],
      ],
    });
    expect(referenceLineSeries(lines, 'vertical')[0]!.data).toEqual([
      [0, 20, 0],
      [0, 16, 1],
    ]);
  });

  it('is nothing without lines', () => {
    expect(referenceLineSeries([], 'vertical')).toEqual([]);
  });
});

describe('referenceLineRenderer', () => {
  it('draws a vertical line across the plot for a horizontal value axis, text on its own row above', () => {
    const render = referenceLineRenderer(lines, 'horizontal');
    const target = render(box as never, api([20, 0, 0]) as never) as unknown as Group;
    const national = render(box as never, api([16, 0, 1]) as never) as unknown as Group;
    expect(target.children[0]).toMatchObject({
      shape: { x1: 300, y1: 40, x2: 300, y2: 340 },
      style: { stroke: REFERENCE_STYLE.target.color },
    });
    // The higher value's text is the lower row; the two rows differ.
    expect(target.children[1]!.y).toBe(36);
    expect(national.children[1]!.y).toBe(20);
    expect(target.children[1]!.style.text).toBe('Target: 20.0 %');
  });

  it('turns the text to the left of its line near the right edge', () => {
    const render = referenceLineRenderer([{ kind: 'target', value: 45, text: 'T' }], 'horizontal');
    const group = render(box as never, api([45, 0, 0]) as never) as unknown as Group;
    expect(group.children[1]).toMatchObject({ x: 546, style: { align: 'right' } });
  });

  it('draws a horizontal line across the plot for a vertical value axis', () => {
    const render = referenceLineRenderer([{ kind: 'target', value: 20, text: 'T' }], 'vertical');
    const group = render(box as never, api([0, 20, 0]) as never) as unknown as Group;
    expect(group.children[0]).toMatchObject({ shape: { x1: 100, y1: 140, x2: 600, y2: 140 } });
  });

  it('sets the font, which graphic elements do not take from the theme (Thai would draw as boxes)', () => {
    const group = referenceLineRenderer(lines, 'vertical')(box as never, api([0, 20, 0]) as never) as unknown as Group;
    expect(String(group.children[1]!.style.fontFamily)).toContain('Noto Sans Thai');
  });
});

describe('referenceLabelSpace', () => {
  it('leaves a row per label above the plot', () => {
    expect(referenceLabelSpace(0)).toBe(8);
    expect(referenceLabelSpace(2)).toBeGreaterThan(referenceLabelSpace(1));
  });
});
