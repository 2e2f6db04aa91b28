import { BarChart, CustomChart, LineChart, MapChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
} from 'echarts/components';
import { init, registerTheme, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { CHART_THEME_NAME, chartTheme } from './theme';

// Only what the app draws: about half the size of `import * as echarts`.
// CustomChart draws the confidence-interval whiskers (charts/obstacle-prevalence.ts)
// and the reference lines (charts/reference-lines.ts, instead of markLine).
// The heat map, drawn on the province page only, registers itself (echarts-heatmap.ts).
use([
  MapChart,
  BarChart,
  LineChart,
  CustomChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
  CanvasRenderer,
]);
registerTheme(CHART_THEME_NAME, chartTheme);

export { init, CHART_THEME_NAME };
export type { EChartsType } from 'echarts/core';
