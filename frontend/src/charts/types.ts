import type { BarSeriesOption, MapSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

/** The option type of every chart in the app: only what charts/echarts.ts registers. */
export type ChartOption = ComposeOption<
  | MapSeriesOption
  | BarSeriesOption
  | GridComponentOption
  | TitleComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;
