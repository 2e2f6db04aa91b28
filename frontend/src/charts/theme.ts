/** Shared look of all charts; the font matches the page so Thai renders alike in canvas and HTML. */
export const CHART_FONT_FAMILY = "'Noto Sans Thai', 'Sarabun', system-ui, sans-serif";

export const CHART_THEME_NAME = 'digigov';

export const chartTheme = {
  // A dashboard is read, not watched: charts appear drawn (and 'finished' fires) at once.
  animation: false,
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

/** Emphasis colour for the selected province or region (amber: distinct from the blues in grey print too). */
export const HIGHLIGHT_COLOR = '#c2410c';
/** DGA's published baseline beside collected data: a neutral grey so the two sources are not confused. */
export const BASELINE_COLOR = '#9aa5b1';
export const TARGET_COLOR = '#1e7b34';
export const NATIONAL_COLOR = '#1f2933';

/**
 * Categorical lines (Okabe-Ito, safe for colour-blind readers), in the order
 * series are given; the nation is drawn apart in NATIONAL_COLOR, dashed.
 */
export const SERIES_COLORS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#8c564b'];

/** Sequential oranges (ColorBrewer "Oranges"): darker = more organizations cite the obstacle. */
export const SEQUENTIAL_ORANGES = ['#fff5eb', '#fdd0a2', '#fd8d3c', '#d94801', '#7f2704'];

/** A4 portrait with 15 mm margins leaves 180 mm of text width: 680 CSS pixels at 96 per inch. */
export const PRINT_WIDTH_PX = 680;
