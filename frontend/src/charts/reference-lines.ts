import type { CustomSeriesOption } from 'echarts/charts';
import { CHART_FONT_FAMILY, NATIONAL_COLOR, TARGET_COLOR } from './theme';

/**
 * Reference lines (the national value, a target) drawn across the plot by a
 * custom series. ECharts' markLine would do the same, but the custom series
 * is registered anyway (confidence-interval whiskers) and markLine costs
 * about 5 KB of the first page's JavaScript budget. A custom series' data
 * also widens the value axis, so a target above every value stays in view.
 */
export interface ReferenceLine {
  kind: 'national' | 'target';
  value: number;
  /** The text beside the line, already formatted ("Target FY2569: 20.0 %"). */
  text: string;
}

type CustomRenderItem = NonNullable<CustomSeriesOption['renderItem']>;

export const REFERENCE_STYLE = {
  national: { color: NATIONAL_COLOR, dash: [6, 4] },
  target: { color: TARGET_COLOR, dash: [2, 3] },
} as const;

/** Room a label needs to the right of its line (about 20 characters at 11 px). */
const LABEL_ROOM_PX = 130;
export const LABEL_ROW_PX = 16;

/** The space above the plot that `count` labels of vertical lines need. */
export function referenceLabelSpace(count: number): number {
  return count === 0 ? 8 : 12 + count * LABEL_ROW_PX;
}

interface CoordSys {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * `orientation` is the direction of the value axis: 'horizontal' draws
 * vertical lines (horizontal bar charts), 'vertical' draws horizontal lines
 * (line charts). Data items are [x, y, index into `lines`].
 */
export function referenceLineRenderer(
  lines: readonly ReferenceLine[],
  orientation: 'horizontal' | 'vertical',
): CustomRenderItem {
  // Lines in value order: it decides which text goes on which row (vertical lines) or side (horizontal ones).
  const order = [...lines.keys()].sort((a, b) => lines[a]!.value - lines[b]!.value);
  return (params, api) => {
    const index = Number(api.value(2));
    const line = lines[index];
    if (!line) return null;
    const box = (params.coordSys as unknown as CoordSys) ?? { x: 0, y: 0, width: 0, height: 0 };
    const style = REFERENCE_STYLE[line.kind];
    const lowerOfTwo = lines.length > 1 && order[0] === index;
    const stroke = { stroke: style.color, lineWidth: 2, lineDash: [...style.dash] };
    // Graphic elements do not inherit the theme's font: without it Thai draws as empty boxes.
    const textStyle = { fill: style.color, fontSize: 11, fontWeight: 600 as const, fontFamily: CHART_FONT_FAMILY };
    if (orientation === 'horizontal') {
      const x = (api.coord([line.value, 0]) as number[])[0] ?? 0;
      // Each line's text on its own row above the plot (rank in value order), so two never collide;
      // it runs to the right of its line unless the plot's edge is too close.
      const row = lines.length - 1 - order.indexOf(index);
      const roomRight = box.x + box.width - x > LABEL_ROOM_PX;
      return {
        type: 'group',
        children: [
          { type: 'line', shape: { x1: x, y1: box.y, x2: x, y2: box.y + box.height }, style: stroke },
          {
            type: 'text',
            x: roomRight ? x + 4 : x - 4,
            y: box.y - 4 - row * LABEL_ROW_PX,
            style: { ...textStyle, text: line.text, align: roomRight ? 'left' : 'right', verticalAlign: 'bottom' },
          },
        ],
      };
    }
    const y = (api.coord([0, line.value]) as number[])[1] ?? 0;
    return {
      type: 'group',
      children: [
        { type: 'line', shape: { x1: box.x, y1: y, x2: box.x + box.width, y2: y }, style: stroke },
        {
          type: 'text',
          x: box.x + box.width - 4,
          y: lowerOfTwo ? y + 4 : y - 4,
          style: { ...textStyle, text: line.text, align: 'right', verticalAlign: lowerOfTwo ? 'top' : 'bottom' },
        },
      ],
    };
  };
}

/** The custom series that draws `lines`; none when there is no line. */
export function referenceLineSeries(
  lines: readonly ReferenceLine[],
  orientation: 'horizontal' | 'vertical',
): CustomSeriesOption[] {
  if (lines.length === 0) return [];
  return [
    {
      type: 'custom',
      name: '__reference',
      renderItem: referenceLineRenderer(lines, orientation),
      // [value on the value axis, line index]; the other axis gets a harmless 0 (first category).
      data: lines.map((line, i) => (orientation === 'horizontal' ? [line.value, 0, i] : [0, line.value, i])),
      encode: { x: 0, y: 1 },
      silent: true,
      // Behind the bars and their labels: a line should not strike through a figure.
      z: 1,
      tooltip: { show: false },
    },
  ];
}
