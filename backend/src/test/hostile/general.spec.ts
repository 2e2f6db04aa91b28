import { query } from '../test-db.js';
import {
  MAX_RSS_MB,
  TRIVIAL_MS,
  record,
  startHostileServer,
  underAttack,
  type HostileResponse,
  type HostileServer,
} from './harness.js';

const SAVE = 'mutation($i: SaveReportInput!) { saveReport(input: $i) { report { id version } } }';
const EXTEND = 'mutation($i: ExtendEntryWindowInput!) { extendEntryWindow(input: $i) { id } }';
const SET_TARGETS = 'mutation($i: SetTargetsInput!) { setTargets(input: $i) { orgUnitCode value } }';
const Q = 'FY2570Q1';

function codeOf(res: HostileResponse): string {
  return res.body?.errors?.[0]?.extensions?.code ?? (res.body?.code as string | undefined) ?? 'OK';
}

/**
 * Inputs every module shares: strings, dates, numbers and cursors that reach PostgreSQL or the calendar. Each
 * must be refused quickly with a coded error (never INTERNAL_SERVER_ERROR), while a trivial query still answers,
 * the server's memory stays bounded and nothing is written.
 */
describe('hostile input: strings, dates, numbers and cursors', () => {
  let server: HostileServer;
  let before: string;
  let officer: string;
  let planner: string;
  let version: number | null;
  beforeAll(async () => {
    server = await startHostileServer();
    officer = await server.signIn('officer.th40@demo.local');
    planner = await server.signIn('planner@demo.local');
    const r = await server.gql(`{ report(provinceCode: "TH-40", quarterCode: "${Q}") { version } }`, {}, officer);
    version = r.body?.data?.report?.version ?? null;
    before = await server.writeFingerprint();
  });
  afterAll(async () => {
    await server?.close();
  });

  async function refused(
    name: string,
    attack: () => Promise<HostileResponse>,
    expected = 'BAD_USER_INPUT',
  ): Promise<void> {
    const { result, ms, trivialMs } = await underAttack(server, attack);
    const rssMb = server.rssMb();
    record(name, { ms, trivialMs, rssMb });
    expect({ name, code: codeOf(result), status: result.status }).toMatchObject({ name, code: expected });
    expect(result.status).toBeLessThan(500);
    expect(ms).toBeLessThan(3000);
    expect(trivialMs).toBeLessThan(TRIVIAL_MS);
    expect(rssMb).toBeLessThan(MAX_RSS_MB);
    expect(server.alive()).toBe(true);
    expect(server.log()).not.toMatch(/\n\s+at /);
    expect(await server.writeFingerprint()).toBe(before);
  }

  it('refuses a NUL character in a variable, in a string literal and in a sign-in e-mail', async () => {
    await refused('NUL in a variable', () =>
      server.gql(
        SAVE,
        { i: { provinceCode: 'TH-40', quarterCode: Q, version, reason: 'a\u0000b', values: [] } },
        officer,
      ),
    );
    await refused('NUL in a string literal', () => server.gql('{ province(code: "TH\\u0000-40") { code } }'));
    await refused('NUL in a sign-in e-mail', () =>
      server.gql('mutation($i: LoginInput!) { login(input: $i) { token } }', {
        i: { email: 'x\u0000@y', password: 'p' },
      }),
    );
  });

  it('refuses a lone surrogate in any string', async () => {
    await refused('lone surrogate in a variable', () =>
      server.gql('query($c: String!) { province(code: $c) { code } }', { c: 'TH-\uD800' }),
    );
    await refused('lone low surrogate in a nested input', () =>
      server.gql(
        SAVE,
        {
          i: {
            provinceCode: 'TH-40',
            quarterCode: Q,
            version,
            values: [{ orgUnitCode: 'TH-40', dataElementCode: 'X', value: 1, comment: '\uDC00' }],
          },
        },
        officer,
      ),
    );
  });

  it('refuses impossible calendar dates', async () => {
    await refused('asOfDate 2027-13-45', () =>
      server.gql(
        SAVE,
        {
          i: {
            provinceCode: 'TH-40',
            quarterCode: Q,
            version,
            respondents: [{ orgUnitCode: 'TH-40', answers: [], asOfDate: '2027-13-45' }],
          },
        },
        officer,
      ),
    );
    await refused('asOfDate 2024-02-31', () =>
      server.gql(
        SAVE,
        {
          i: {
            provinceCode: 'TH-40',
            quarterCode: Q,
            version,
            respondents: [{ orgUnitCode: 'TH-40', answers: [], asOfDate: '2024-02-31' }],
          },
        },
        officer,
      ),
    );
    await refused('extendEntryWindow until 2027-02-30', () =>
      server.gql(EXTEND, { i: { provinceCode: 'TH-40', quarterCode: Q, until: '2027-02-30', reason: 'x' } }, planner),
    );
  });

  it('refuses years, cursors and numbers no one can mean', async () => {
    await refused('fiscalQuarters(fiscalYear: 99999)', () =>
      server.gql('{ fiscalQuarters(fiscalYear: 99999) { code } }'),
    );
    await refused('a forged after cursor', () =>
      server.gql('{ reports(first: 5, after: "not-a-cursor") { items { id } } }', {}, planner),
    );
    await refused('a forged base64 cursor', () =>
      server.gql(
        `{ reports(first: 5, after: "${Buffer.from('{"x":"y"}').toString('base64url')}") { items { id } } }`,
        {},
        planner,
      ),
    );
    await refused('a percent target of 1e308', () =>
      server.gql(
        SET_TARGETS,
        {
          i: {
            indicatorCode: 'STAFF_DIGITAL_TRAINED_PCT',
            fiscalYear: 2570,
            targets: [{ orgUnitCode: 'TH', value: 1e308 }],
            reason: 'x',
          },
        },
        planner,
      ),
    );
    await refused('a percent target of 150', () =>
      server.gql(
        SET_TARGETS,
        {
          i: {
            indicatorCode: 'STAFF_DIGITAL_TRAINED_PCT',
            fiscalYear: 2570,
            targets: [{ orgUnitCode: 'TH', value: 150 }],
            reason: 'x',
          },
        },
        planner,
      ),
    );
    await refused('index weights of 1e308', () =>
      server.gql(
        '{ compositeIndex(weights: [{ pillarCode: "SKILLS", weight: 1e308 }, { pillarCode: "BUDGET", weight: 1e308 }]) { method } }',
      ),
    );
  });

  it('refuses a reason longer than the audit trail keeps, and an action item of another fiscal year', async () => {
    await refused('a 100,000-character reason', () =>
      server.gql(
        EXTEND,
        { i: { provinceCode: 'TH-40', quarterCode: Q, until: '2027-02-27', reason: 'x'.repeat(100_000) } },
        planner,
      ),
    );
    const [other] = await query<{ id: number }>(
      server.dbUrl,
      `SELECT a.id FROM action_item a JOIN org_unit p ON p.id = a.org_unit_id WHERE p.code = 'TH-40' AND a.fiscal_year <> 2570 ORDER BY a.id LIMIT 1`,
    );
    expect(other).toBeDefined();
    await refused('an action item of another fiscal year', () =>
      server.gql(
        SAVE,
        {
          i: {
            provinceCode: 'TH-40',
            quarterCode: Q,
            version,
            actionItems: [{ id: other.id, status: 'DONE', progressNote: 'x' }],
          },
        },
        officer,
      ),
    );
  });

  it('serves a flood from one address within its burst and refuses the rest at once, while others are served', async () => {
    const flood = () =>
      Promise.all(
        Array.from({ length: 250 }, () =>
          server.request('/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
            body: JSON.stringify({ query: '{ provinces { code nameTh region { code } } }' }),
          }),
        ),
      );
    const { result, ms, trivialMs } = await underAttack(server, flood);
    const rssMb = server.rssMb();
    record('250 parallel requests from one address (burst 120)', { ms, trivialMs, rssMb });
    const refused = result.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(
      refused.every(
        (r) => r.headers.get('retry-after') === '1' && r.body.errors[0].extensions.code === 'TOO_MANY_REQUESTS',
      ),
    ).toBe(true);
    expect(result.every((r) => r.status === 200 || r.status === 429)).toBe(true);
    // Every new connection of the flood is accepted, parsed and answered by the one Node thread before or between
    // the trivial query's steps (400 at once: 0.6–1.3 s on this 2-core machine at load average 2, 2.1 s at 4, the
    // test's own client sharing the cores), so this flood is held to twice the suite's bound.
    expect(trivialMs).toBeLessThan(2 * TRIVIAL_MS);
    expect(rssMb).toBeLessThan(MAX_RSS_MB);
    expect(await server.writeFingerprint()).toBe(before);
  });
});
