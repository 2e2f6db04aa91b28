import { HeatmapChart } from 'echarts/charts';
import { use } from 'echarts/core';

/**
 * The heat map series, registered by the pages that draw one (the province
 * page), so that it stays out of the overview's JavaScript (vite.config.ts
 * keeps echarts/lib/chart/heatmap out of the shared echarts chunk).
 */
use([HeatmapChart]);
