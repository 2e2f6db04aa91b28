/**
 * Ready-to-run examples of the public API for the analyst page: the same
 * query as curl, Python (standard library only) and JavaScript, and as a
 * CSV download from the export endpoint. Pure functions: the page passes the
 * real origin (window.location.origin) so that a copied snippet works against
 * this server as it is. The token is read from an environment variable, never
 * written into a snippet: snippets get pasted into chats and notebooks.
 */

/** The environment variable every snippet reads the API token from. */
export const TOKEN_VARIABLE = 'DIGIGOV_TOKEN';

export interface ExampleQuery {
  id: string;
  /** The GraphQL document, as an analyst would write it. */
  query: string;
  /** Dot path of the list the export endpoint turns into rows. */
  exportPath: string;
  /** Name of the downloaded CSV file. */
  fileName: string;
}

/** Examples from the README's API section, one per kind of question analysts ask. */
export const EXAMPLE_QUERIES: readonly ExampleQuery[] = [
  {
    id: 'indicatorByProvince',
    query: `{
  provinceIndicatorValues(indicatorCode: "STAFF_DIGITAL_TRAINED_PCT") {
    quarter { code }
    values { provinceCode value numerator denominator isDemo }
  }
}`,
    exportPath: 'provinceIndicatorValues.values',
    fileName: 'staff-digital-trained-by-province.csv',
  },
  {
    id: 'provinces',
    query: `{
  provinces(filter: { regionCode: "NORTHEAST" }) {
    code nameTh nameEn localOrganizationCount
  }
}`,
    exportPath: 'provinces',
    fileName: 'provinces-northeast.csv',
  },
  {
    id: 'obstacleSurvey',
    query: `{
  publishedDataset(code: "DGA_OBSTACLE_SURVEY_2567") {
    titleEn
    source { titleEn publisher url }
    values { measureCode count percentage obstacleCategory { code labelTh labelEn } }
  }
}`,
    exportPath: 'publishedDataset.values',
    fileName: 'dga-obstacle-survey-2567.csv',
  },
  {
    id: 'indicators',
    query: `{
  indicators {
    code nameEn unit direction aggregation nationalTarget
    numerator { code } denominator { code } source { code }
  }
}`,
    exportPath: 'indicators',
    fileName: 'indicators.csv',
  },
];

export function graphqlEndpoint(origin: string): string {
  return `${origin.replace(/\/+$/, '')}/graphql`;
}

/** GET /api/export.csv?query=…&path=…: the same rules and token as /graphql, one row per list item. */
export function exportCsvUrl(origin: string, query: string, path?: string): string {
  const params = new URLSearchParams({ query: compactQuery(query) });
  if (path) params.set('path', path);
  return `${origin.replace(/\/+$/, '')}/api/export.csv?${params.toString()}`;
}

/** One line, single spaces: for URLs and JSON bodies typed on a command line. */
export function compactQuery(query: string): string {
  return query.replace(/\s+/g, ' ').trim();
}

/** A POSIX shell word in single quotes; a quote inside becomes '\''. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function curlSnippet(origin: string, example: ExampleQuery): string {
  const body = JSON.stringify({ query: compactQuery(example.query) });
  return [
    `export ${TOKEN_VARIABLE}='dgm_…'   # your API token`,
    '',
    `curl -s ${shellQuote(graphqlEndpoint(origin))} \\`,
    `  -H 'content-type: application/json' \\`,
    `  -H "Authorization: Bearer $${TOKEN_VARIABLE}" \\`,
    `  -d ${shellQuote(body)}`,
    '',
    '# the same list as a CSV file',
    `curl -s -H "Authorization: Bearer $${TOKEN_VARIABLE}" \\`,
    `  ${shellQuote(exportCsvUrl(origin, example.query, example.exportPath))} \\`,
    `  -o ${shellQuote(example.fileName)}`,
  ].join('\n');
}

/** A Python string literal: triple-quoted when the text allows it, else JSON's (valid Python too). */
export function pythonString(text: string): string {
  if (!text.includes('"""') && !text.includes('\\') && !text.endsWith('"')) return `"""${text}"""`;
  return JSON.stringify(text);
}

export function pythonSnippet(origin: string, example: ExampleQuery): string {
  return [
    'import json, os, urllib.request',
    '',
    `URL = ${JSON.stringify(graphqlEndpoint(origin))}`,
    `TOKEN = os.environ["${TOKEN_VARIABLE}"]  # your API token (dgm_…)`,
    '',
    'def gql(query, variables=None):',
    '    req = urllib.request.Request(',
    '        URL,',
    '        json.dumps({"query": query, "variables": variables}).encode(),',
    '        {"content-type": "application/json", "authorization": "Bearer " + TOKEN},',
    '    )',
    '    body = json.load(urllib.request.urlopen(req))',
    '    if body.get("errors"):',
    '        raise RuntimeError(body["errors"])',
    '    return body["data"]',
    '',
    `data = gql(${pythonString(example.query)})`,
    'print(json.dumps(data, ensure_ascii=False, indent=2))',
  ].join('\n');
}

/** A JavaScript template literal with its special characters escaped. */
export function templateLiteral(text: string): string {
  return `\`${text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${')}\``;
}

export function javascriptSnippet(origin: string, example: ExampleQuery): string {
  return [
    '// Node 20+ (as an ES module) or a browser console',
    `const token = process.env.${TOKEN_VARIABLE}; // your API token (dgm_…)`,
    `const query = ${templateLiteral(example.query)};`,
    '',
    `const res = await fetch(${JSON.stringify(graphqlEndpoint(origin))}, {`,
    "  method: 'POST',",
    "  headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },",
    '  body: JSON.stringify({ query }),',
    '});',
    'const { data, errors } = await res.json();',
    'if (errors) throw new Error(`${errors[0].extensions?.code}: ${errors[0].message}`);',
    'console.log(JSON.stringify(data, null, 2));',
  ].join('\n');
}

export type SnippetLanguage = 'curl' | 'python' | 'javascript';

export const SNIPPET_LANGUAGES: readonly SnippetLanguage[] = ['curl', 'python', 'javascript'];

export function snippet(language: SnippetLanguage, origin: string, example: ExampleQuery): string {
  switch (language) {
    case 'curl':
      return curlSnippet(origin, example);
    case 'python':
      return pythonSnippet(origin, example);
    case 'javascript':
      return javascriptSnippet(origin, example);
  }
}
