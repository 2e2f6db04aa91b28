import type th from '../th/analyst';

const en: typeof th = {
  analyst: {
    nav: 'API & data',
    title: 'API for analysts',
    lead: 'Take the data into scripts, notebooks or BI tools through the same GraphQL API this dashboard uses.',
    about: {
      heading: 'About the API',
      endpoint: 'GraphQL endpoint',
      endpointNote: 'Send queries with POST (GET requests are refused as a CSRF protection).',
      codes:
        'Names are stable and codes are the keys: provinces by ISO 3166-2:TH code (e.g. TH-40), regions NORTH NORTHEAST CENTRAL EAST WEST SOUTH, quarters as FY2570Q1 (fiscal years in B.E.), indicators and obstacle categories by code.',
      access:
        'Without a token you read reference data and approved aggregates; with one, what your account may read. API tokens only read, whatever the role of their owner.',
      errors: 'Errors carry extensions.code: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, NOT_FOUND, CONFLICT.',
      limits: 'Queries deeper than 10 levels or costlier than 50,000 field resolutions are refused before they run.',
      export:
        'Any query result downloads as CSV or XLSX from /api/export.csv (or export.xlsx), given the query and the path of the list to turn into rows.',
      demo: 'While the demo notice shows, province figures are synthetic; every value says so in isDemo.',
    },
    explorer: {
      heading: 'GraphQL explorer',
      body: 'GraphiQL comes with the system and works without internet access: write queries with completion and the documentation of every field. While you are signed in here, the explorer uses your access.',
      open: 'Open the GraphQL explorer',
      newTab: '(opens in a new tab)',
    },
    tokens: {
      heading: 'API tokens',
      intro:
        'For scripts and notebooks: send it in the header Authorization: Bearer followed by the token. A token only reads, and stops working when it expires or when you revoke it.',
      create: {
        heading: 'Create a token',
        name: 'Token name',
        nameHint: 'What it is for, e.g. quarterly notebook',
        nameRequired: 'Name the token',
        expires: 'Expires after',
        days: '{n} days',
        analystsOnly:
          'API tokens are for analyst accounts: they read with their owner’s access, and an analyst’s is approved data only. Use the dashboard, or ask for an analyst account for scripts.',
        submit: 'Create token',
      },
      created: {
        heading: 'Copy your new token now',
        warning:
          'It is shown this once. Only a fingerprint of it is stored, so it cannot be shown again. Keep it like a password; if it leaks, revoke it at once.',
        label: 'New API token',
        copy: 'Copy token',
        done: 'I have copied it',
      },
      list: {
        caption: 'Your tokens',
        empty: 'You have no API tokens yet.',
        name: 'Name',
        prefix: 'Token',
        createdAt: 'Created',
        expiresAt: 'Expires',
        lastUsedAt: 'Last used',
        status: 'Status',
        notUsed: 'Not used yet',
      },
      state: {
        active: 'Active',
        expired: 'Expired',
        revoked: 'Revoked',
      },
      revoke: {
        button: 'Revoke',
        buttonFor: 'Revoke token {name}',
        confirm: 'Revoke “{name}”? Scripts using it stop working at once. This cannot be undone.',
        confirmButton: 'Confirm revocation',
        done: 'Token “{name}” revoked.',
      },
    },
    examples: {
      heading: 'Example queries',
      intro:
        'Every example runs as shown against this server. Put your token in the environment variable {variable} first.',
      example: 'Example',
      language: 'Language',
      names: {
        indicatorByProvince: 'An indicator by province (latest approved quarter)',
        provinces: 'Provinces of the Northeast',
        obstacleSurvey: "DGA's obstacle survey (published figures)",
        indicators: 'Every indicator definition',
      },
      query: 'GraphQL query',
      copy: 'Copy',
      copyQuery: 'Copy the query',
      copyCode: 'Copy the {language} code',
      copied: 'Copied',
      copyFailed: 'Could not copy: select the text and copy it.',
      csv: 'Download as CSV',
      csvNote: 'This link sends no token, so it gives public data only.',
    },
  },
};

export default en;
