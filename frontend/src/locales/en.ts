import analytics from './en/analytics';
import analyst from './en/analyst';
import approvals from './en/approvals';
import auth from './en/auth';
import framework from './en/framework';
import problems from './en/problems';
import report from './en/report';
import spreadsheet from './en/spreadsheet';
import workspace from './en/workspace';
import users from './en/users';
import type { MessageSchema } from './th';

const en: MessageSchema = {
  app: {
    name: 'DigiGov Monitor',
    shortName: 'DigiGov Monitor',
    version: 'version {version}',
    skipToContent: 'Skip to content',
  },
  language: {
    label: 'Language',
    th: 'ไทย',
    en: 'English',
  },
  common: {
    loading: 'Loading…',
    retry: 'Try again',
    cancel: 'Cancel',
  },
  errors: {
    UNAUTHENTICATED: 'Please sign in',
    FORBIDDEN: 'You do not have access to this data',
    BAD_USER_INPUT: 'The request was not valid',
    NOT_FOUND: 'The requested data was not found',
    CONFLICT: 'Someone else changed this data; please reload',
    QUERY_TOO_COMPLEX: 'The request asks for too much at once; ask for fewer fields or smaller pages',
    TOO_MANY_REQUESTS: 'Too many requests at once; please wait a moment and try again',
    TIMEOUT: 'The request took too long and was stopped; try a narrower question',
    RESULT_TOO_LARGE: 'The answer would be too large; ask for a smaller page or a narrower filter',
    PAYLOAD_TOO_LARGE: 'What was sent is too large',
    BAD_REQUEST: 'The request was malformed',
    SERVICE_UNAVAILABLE: 'The service is briefly unavailable; please try again in a few seconds',
    NETWORK: 'Cannot reach the server; please check the connection',
    UNKNOWN: 'Something unexpected went wrong',
  },
  demo: {
    title: 'Demo data',
    body: 'The province indicator values shown here are synthetic data generated for demonstration only. They are not real figures of any province.',
    published: "DGA's obstacle survey figures are real published figures.",
    detail:
      'Demo data: local organizations, reports, obstacle answers, KPI values and province targets are synthetic, generated for demonstration. Provinces, regions, DGA survey figures and recommendations are real and cite their sources.',
  },
  home: {
    title: 'Overview',
  },
  map: {
    heading: 'Indicators by province',
    indicatorLabel: 'Indicator',
    quarterLabel: 'Quarter',
    latestQuarter: 'Latest approved',
    showing: 'Data for {quarter} ({range})',
    coverage: '{count} of {total} provinces have data',
    noIndicators: 'No indicators have been defined yet',
    noValues: 'No approved data for this indicator yet',
    higherIsBetter: 'Higher is better',
    lowerIsBetter: 'Lower is better',
    ariaLabel: 'Map of the 77 provinces coloured by the indicator {indicator}',
    attribution: 'Map data: {package}, {license}',
  },
  charts: {
    noData: 'No data',
    demoValue: 'demo data',
    high: 'High',
    low: 'Low',
    source: 'Source',
  },
  obstacles: {
    heading: 'Obstacles provinces face in becoming digital-government organizations',
    publishedBadge: 'Published figures',
    publishedNote:
      'Figures as published by DGA: a national aggregate; which provinces cited which obstacle is not published.',
    anyObstacle: '{share} of provinces ({ratio}) reported at least one obstacle',
    multipleAnswers: 'Provinces could cite several categories, so the shares add up to more than 100 %',
    population: 'Surveyed: {population}',
    source: 'Source',
    publishedOn: 'published {date}',
    openSource: 'Open the source document',
    tableSummary: 'Show the figures as a table',
    category: 'Category',
    share: 'Share',
    count: 'Provinces',
    ariaLabel: 'Bar chart of the share of provinces citing each obstacle category',
    notAvailable: 'The published survey dataset is not available',
  },
  ...auth,
  ...report,
  ...workspace,
  ...spreadsheet,
  ...problems,
  ...approvals,
  ...analyst,
  ...framework,
  ...users,
  ...analytics,
};

export default en;
