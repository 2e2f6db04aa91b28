import type {
  BarSeriesOption,
  CustomSeriesOption,
  HeatmapSeriesOption,
  LineSeriesOption,
  MapSeriesOption,
} from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

/** The option type of every chart in the app: only what charts/echarts.ts registers. */
export type ChartOption = ComposeOption<
  | MapSeriesOption
  | BarSeriesOption
  | LineSeriesOption
  | HeatmapSeriesOption
  | CustomSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TitleComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

/** What a chart click reports to the page: the data item's own code when it carries one. */
export interface ChartClick {
  name: string;
  dataIndex: number;
  seriesIndex: number;
  /** The `code` property of the clicked data item (a province or region code), when set by the builder. */
  code: string | null;
}
