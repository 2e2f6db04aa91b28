import { LIMITS } from '../../core/graphql/limits.js';
import {
  MAX_RSS_MB,
  TRIVIAL_MS,
  record,
  startHostileServer,
  underAttack,
  type HostileResponse,
  type HostileServer,
} from './harness.js';

function codeOf(res: HostileResponse): string {
  return res.body?.errors?.[0]?.extensions?.code ?? (res.body?.code as string | undefined) ?? 'OK';
}

/** `query{...F0} fragment F0 on Query{...F1 ...F1} …`: about 1 KB that expands 2^levels times. */
function fragmentBomb(levels: number): string {
  let text = 'query{...F0}';
  for (let i = 0; i < levels; i++) text += ` fragment F${i} on Query{...F${i + 1} ...F${i + 1}}`;
  return `${text} fragment F${levels} on Query{regions{provinces{code}}}`;
}

const aliased = (n: number, field: string) => Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ');
const LOGIN = 'login(input: { email: "planner@demo.local", password: "wrong-password" }) { token }';
const CYCLE =
  '{ regions { provinces { region { provinces { region { provinces { region { provinces { code } } } } } } } } }';

/**
 * Requests meant to stop the service through GraphQL: each is refused within milliseconds with a coded error,
 * a trivial query still answers meanwhile, the server's memory stays bounded, nothing is written and no stack
 * trace reaches the log.
 */
describe('hostile input: GraphQL documents, the export endpoint and the HTTP edge', () => {
  let server: HostileServer;
  let before: string;
  let planner: string;
  let analyst: string;
  beforeAll(async () => {
    server = await startHostileServer();
    planner = await server.signIn('planner@demo.local');
    analyst = await server.signIn('analyst@demo.local');
    before = await server.writeFingerprint();
  });
  afterAll(async () => {
    await server?.close();
  });

  async function refused(
    name: string,
    attack: () => Promise<HostileResponse>,
    expected: string,
    status?: number,
  ): Promise<HostileResponse> {
    const { result, ms, trivialMs } = await underAttack(server, attack);
    const rssMb = server.rssMb();
    record(name, { ms, trivialMs, rssMb });
    expect({ name, code: codeOf(result) }).toEqual({ name, code: expected });
    if (status) expect({ name, status: result.status }).toEqual({ name, status });
    expect(result.status).toBeGreaterThanOrEqual(400);
    expect(result.status).toBeLessThan(1_000);
    expect(ms).toBeLessThan(3000);
    expect(trivialMs).toBeLessThan(TRIVIAL_MS);
    expect(rssMb).toBeLessThan(MAX_RSS_MB);
    expect(server.alive()).toBe(true);
    expect(server.log()).not.toMatch(/\n\s+at /);
    expect(await server.writeFingerprint()).toBe(before);
    return result;
  }

  const exportCsv = (body: object, token?: string) =>
    server.request('/api/export.csv', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });

  it('refuses fragment bombs of 22 and 40 levels in milliseconds', async () => {
    const r22 = await refused('fragment bomb, 22 levels', () => server.gql(fragmentBomb(22)), 'QUERY_TOO_COMPLEX', 400);
    const r40 = await refused('fragment bomb, 40 levels', () => server.gql(fragmentBomb(40)), 'QUERY_TOO_COMPLEX', 400);
    expect(r22.ms).toBeLessThan(1_000);
    expect(r40.ms).toBeLessThan(1_000);
    await refused(
      'fragment bomb through the export',
      () => exportCsv({ query: fragmentBomb(40) }),
      'QUERY_TOO_COMPLEX',
      400,
    );
  });

  it('refuses floods of aliases, of introspection and of repeated fields', async () => {
    const flood = await refused(
      '1000 aliases of __schema { types { fields } }',
      () => server.gql(`{ ${aliased(1000, '__schema { types { fields { name } } }')} }`),
      'GRAPHQL_PARSE_FAILED',
      400,
    );
    expect(flood.ms).toBeLessThan(1_000);
    await refused(
      `${LIMITS.maxAliases} aliases of __schema`,
      () => server.gql(`{ ${aliased(LIMITS.maxAliases, '__schema { types { fields { name } } }')} }`),
      'QUERY_TOO_COMPLEX',
      400,
    );
    await refused(
      `${LIMITS.maxAliases + 1} aliases of regions`,
      () => server.gql(`{ ${aliased(LIMITS.maxAliases + 1, 'regions { code }')} }`),
      'QUERY_TOO_COMPLEX',
      400,
    );
    const repeated = await refused(
      '248 repeated provinces { code } fields',
      () => server.gql(`{ ${'provinces { code } '.repeat(248)} }`),
      'QUERY_TOO_COMPLEX',
      400,
    );
    expect(repeated.ms).toBeLessThan(1_000);
    await refused(
      '100 repeated provinces { localOrganizations } fields',
      () => server.gql(`{ ${'provinces { localOrganizations { code } } '.repeat(100)} }`),
      'QUERY_TOO_COMPLEX',
      400,
    );
  });

  it('refuses a deep query, and a document nested past the parser limit', async () => {
    await refused(
      'a query 12 levels deep',
      () =>
        server.gql(
          '{ regions { provinces { region { provinces { region { provinces { region { provinces { region { provinces { region { code } } } } } } } } } } } }',
        ),
      'QUERY_TOO_COMPLEX',
      400,
    );
    await refused(
      'a document nested 5000 levels',
      () => server.gql(`${'{ regions '.repeat(5000)}${'}'.repeat(5000)}`),
      'GRAPHQL_PARSE_FAILED',
      400,
    );
  });

  it('refuses a cyclic query on the export endpoint, as on /graphql', async () => {
    const res = await refused(
      'cyclic regions/provinces export',
      () => exportCsv({ query: CYCLE }),
      'QUERY_TOO_COMPLEX',
      400,
    );
    expect(res.headers.get('content-type')).toMatch(/json/);
    await refused(
      'cyclic regions/provinces over GET',
      () => server.request(`/api/export.csv?query=${encodeURIComponent(CYCLE)}`),
      'QUERY_TOO_COMPLEX',
      400,
    );
  });

  it('runs no mutation from the export endpoint, however it is smuggled', async () => {
    const create = 'mutation { createApiToken(input: { name: "smuggled" }) { token } }';
    await refused(
      'export: ,mutation{…}',
      () => exportCsv({ query: `{ regions { code } } ,${create}` }, analyst),
      'GRAPHQL_VALIDATION_FAILED',
      400,
    );
    await refused(
      'export: #x\\nmutation{…}',
      () => exportCsv({ query: `#x\n${create}` }, analyst),
      'BAD_USER_INPUT',
      400,
    );
    await refused(
      'export: named mutation chosen by operationName',
      () =>
        exportCsv(
          { query: `query A { regions { code } } mutation B ${create.slice('mutation '.length)}`, operationName: 'B' },
          analyst,
        ),
      'BAD_USER_INPUT',
      400,
    );
    await refused(
      'export: mutation over GET',
      () =>
        server.request(`/api/export.csv?query=${encodeURIComponent(`\n\t${create}`)}`, {
          headers: { authorization: `Bearer ${analyst}` },
        }),
      'BAD_USER_INPUT',
      400,
    );
  });

  it('checks at most one password per request', async () => {
    const many = await refused(
      '500 aliased login fields',
      () => server.gql(`mutation { ${aliased(500, LOGIN)} }`),
      'GRAPHQL_PARSE_FAILED',
      400,
    );
    expect(many.ms).toBeLessThan(1_000);
    const some = await refused(
      `${LIMITS.maxAliases} aliased login fields`,
      () => server.gql(`mutation { ${aliased(LIMITS.maxAliases, LOGIN)} }`),
      'QUERY_TOO_COMPLEX',
      400,
    );
    // Refused before any argon2 verification (each takes tens of milliseconds).
    expect(some.ms).toBeLessThan(1_000);
    await refused(
      'login fields spread from fragments',
      () =>
        server.gql(
          `mutation { ...A ...B } fragment A on Mutation { x: ${LOGIN} } fragment B on Mutation { y: ${LOGIN} }`,
        ),
      'QUERY_TOO_COMPLEX',
      400,
    );
    await refused(
      'a batch of logins',
      () =>
        server.request('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(Array.from({ length: 100 }, () => ({ query: `mutation { ${LOGIN} }` }))),
        }),
      'BAD_REQUEST',
      400,
    );
  });

  it('prices big pages by their first and a report by its values', async () => {
    await refused(
      'reports(first: 500) with every value',
      () =>
        server.gql('{ reports(first: 500) { items { values { orgUnitCode dataElementCode value } } } }', {}, planner),
      'QUERY_TOO_COMPLEX',
      400,
    );
    await refused(
      'reports(first: $n) with n = 500 in the variables',
      () =>
        server.gql(
          'query($n: Int!) { reports(first: $n) { items { values { value } respondents { answers { categoryCode } } } } }',
          { n: 500 },
          planner,
        ),
      'QUERY_TOO_COMPLEX',
      400,
    );
    await refused(
      'reports(first: 2147483647)',
      () => server.gql('{ reports(first: 2147483647) { items { id } } }', {}, planner),
      'QUERY_TOO_COMPLEX',
      400,
    );
    await refused(
      'frameworkHistory(limit: 100000000)',
      () => server.gql('{ frameworkHistory(limit: 100000000) { id newValue } }', {}, planner),
      'QUERY_TOO_COMPLEX',
      400,
    );
    await refused(
      'the same page through the export',
      () =>
        exportCsv({ query: '{ reports(first: 500) { items { values { value } } } }', path: 'reports.items' }, planner),
      'QUERY_TOO_COMPLEX',
      400,
    );
  });

  it('answers malformed requests to /graphql with a coded 4xx and no stack trace', async () => {
    const url = '/graphql';
    const json = { 'content-type': 'application/json' };
    await refused('plain GET', () => server.request(url), 'BAD_REQUEST', 400);
    await refused(
      'text/plain POST',
      () =>
        server.request(url, {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: '{"query":"{ regions { code } }"}',
        }),
      'BAD_REQUEST',
      400,
    );
    await refused(
      'empty body',
      () => server.request(url, { method: 'POST', headers: json, body: '' }),
      'BAD_REQUEST',
      400,
    );
    await refused(
      'string variables',
      () =>
        server.request(url, {
          method: 'POST',
          headers: json,
          body: '{"query":"{ regions { code } }","variables":"{}"}',
        }),
      'BAD_REQUEST',
      400,
    );
    await refused(
      'broken JSON',
      () => server.request(url, { method: 'POST', headers: json, body: '{"query": "{' }),
      'BAD_REQUEST',
      400,
    );
    await refused(
      'multipart',
      () => {
        const form = new FormData();
        form.set('operations', '{"query":"{ regions { code } }"}');
        return server.request(url, { method: 'POST', body: form });
      },
      'BAD_REQUEST',
      400,
    );
    await refused(
      'PUT',
      () => server.request(url, { method: 'PUT', headers: json, body: '{"query":"{ regions { code } }"}' }),
      'BAD_REQUEST',
      405,
    );
    await refused(
      'a 1 MB body',
      () =>
        server.request(url, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ query: '{ regions { code } }', pad: 'x'.repeat(1024 * 1024) }),
        }),
      'PAYLOAD_TOO_LARGE',
      413,
    );
    await refused(
      'a 1 MB export body',
      () =>
        server.request('/api/export.csv', {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ query: '{ regions { code } }', pad: 'x'.repeat(1024 * 1024) }),
        }),
      'PAYLOAD_TOO_LARGE',
      413,
    );
  });
});
