/** Shared look of all charts; the font matches the page so Thai renders alike in canvas and HTML. */
export const CHART_FONT_FAMILY = "'Noto Sans Thai', 'Sarabun', system-ui, sans-serif";

export const CHART_THEME_NAME = 'digigov';

export const chartTheme = {
  textStyle: { fontFamily: CHART_FONT_FAMILY, color: '#1f2933' },
  title: {
    textStyle: { fontFamily: CHART_FONT_FAMILY, color: '#1f2933' },
    subtextStyle: { fontFamily: CHART_FONT_FAMILY, color: '#52606d' },
  },
};

/** Sequential single-hue blues (ColorBrewer "Blues"): readable when printed grey. */
export const SEQUENTIAL_BLUES = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];
export const NO_DATA_COLOR = '#d4d4d4';
export const BAR_COLOR = '#3a6ea5';
