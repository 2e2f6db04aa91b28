import { BarChart, MapChart } from 'echarts/charts';
import {
  GridComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
} from 'echarts/components';
import { init, registerTheme, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { CHART_THEME_NAME, chartTheme } from './theme';

// Only what the app draws: about half the size of `import * as echarts`.
use([
  MapChart,
  BarChart,
  GridComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
  CanvasRenderer,
]);
registerTheme(CHART_THEME_NAME, chartTheme);

export { init, CHART_THEME_NAME };
export type { EChartsType } from 'echarts/core';
