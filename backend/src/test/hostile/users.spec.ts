import { randomBytes } from 'node:crypto';
import {
  MAX_RSS_MB,
  TRIVIAL_MS,
  record,
  startHostileServer,
  underAttack,
  type HostileResponse,
  type HostileServer,
} from './harness.js';

const SET_PASSWORD = 'mutation($i: SetPasswordInput!) { setPassword(input: $i) { token } }';
const CHANGE_OWN = 'mutation($i: ChangeOwnPasswordInput!) { changeOwnPassword(input: $i) { token } }';
const USERS =
  'query($f: UserFilter, $first: Int, $after: String) { users(filter: $f, first: $first, after: $after) { totalCount } }';
const ATTACKER_AT = '203.0.113.77';

function codeOf(res: HostileResponse): string {
  return res.body?.errors?.[0]?.extensions?.code ?? res.body?.code ?? 'OK';
}
function problemCodes(res: HostileResponse): string[] {
  const problems = (res.body?.errors?.[0]?.extensions?.problems ?? res.body?.problems ?? []) as Array<{ code: string }>;
  return [...new Set(problems.map((p) => p.code))].sort();
}

/**
 * Attacks on accounts: guessing set-password links, oversized passwords, CSV bombs at the import, and list abuse.
 * Each is refused quickly with a code, a trivial query still answers, memory stays bounded, and no account or link
 * is written (the throttle's counters and the audit trail are bookkeeping).
 */
describe('hostile input: accounts', () => {
  let server: HostileServer;
  let admin: string;
  let analyst: string;
  let before: string;

  function post(
    path: string,
    body: string | Uint8Array<ArrayBuffer>,
    headers: Record<string, string>,
  ): Promise<HostileResponse> {
    return server.request(path, { method: 'POST', headers, body });
  }

  /**
   * On this shared 2-core machine a burst of a few hundred requests of any kind delays a trivial query by seconds
   * (hostile/auth.spec.ts measured it): a flood is judged against a flood of as many trivial queries just before.
   */
  async function baseline(n: number): Promise<{ ms: number; trivialMs: number }> {
    const { ms, trivialMs } = await underAttack(server, () =>
      Promise.all(Array.from({ length: n }, () => server.gql('{ __typename }'))),
    );
    record(`baseline: ${n} parallel trivial queries`, { ms, trivialMs, rssMb: server.rssMb() });
    return { ms, trivialMs };
  }

  beforeAll(async () => {
    server = await startHostileServer({ TRUST_PROXY: 'loopback' });
    admin = await server.signIn('admin@demo.local');
    analyst = await server.signIn('analyst@demo.local');
    before = await server.writeFingerprint();
  });
  afterAll(async () => {
    await server?.close();
  });
  afterEach(async () => {
    expect(server.alive()).toBe(true);
    expect(server.rssMb()).toBeLessThan(MAX_RSS_MB);
    expect(server.log()).not.toMatch(/\n\s+at /);
    expect(await server.writeFingerprint()).toBe(before);
  });

  it('refuses 300 parallel guesses of set-password links from one address: the throttle stops them after 30', async () => {
    const base = await baseline(300);
    const { result, ms, trivialMs } = await underAttack(server, () =>
      Promise.all(
        Array.from({ length: 300 }, () =>
          post(
            '/graphql',
            JSON.stringify({
              query: SET_PASSWORD,
              variables: {
                i: { token: randomBytes(32).toString('base64url'), newPassword: 'a long enough pass phrase' },
              },
            }),
            {
              'content-type': 'application/json',
              'x-forwarded-for': ATTACKER_AT,
            },
          ),
        ),
      ),
    );
    record('300 parallel set-password guesses, one address', { ms, trivialMs, rssMb: server.rssMb() });
    // The per-client limiter (core/http/client-limits.ts) may refuse part of the burst before GraphQL; of the guesses
    // that reach the service, exactly the address's 30 attempts are looked up, and the rest are refused by the throttle.
    expect([...new Set(result.map(codeOf))].every((c) => c === 'BAD_USER_INPUT' || c === 'TOO_MANY_REQUESTS')).toBe(
      true,
    );
    const reached = result.filter((r) => codeOf(r) === 'BAD_USER_INPUT');
    const counts = reached
      .map((r) => problemCodes(r)[0])
      .reduce<Record<string, number>>((acc, c) => ({ ...acc, [c]: (acc[c] ?? 0) + 1 }), {});
    expect(counts.LINK_NOT_VALID).toBe(Math.min(30, reached.length));
    expect((counts.LINK_NOT_VALID ?? 0) + (counts.TOO_MANY_ATTEMPTS ?? 0)).toBe(reached.length);
    console.log(
      `[hostile] link guesses: ${reached.length} reached the service, ${result.length - reached.length} refused by the per-client limiter`,
    );
    // Each guess waits for the address's counter row in turn (that is what makes the count exact), so the flood
    // takes longer than trivial queries; the trivial query itself must not wait much longer than in the baseline.
    expect(ms).toBeLessThan(3 * base.ms + 10_000);
    expect(trivialMs).toBeLessThan(Math.max(TRIVIAL_MS, 2 * base.trivialMs + 1000));
  });

  it('refuses 40 KB passwords and a 40 KB token at once, without hashing them', async () => {
    const huge = 'p'.repeat(40_000);
    const { result, ms, trivialMs } = await underAttack(server, () =>
      Promise.all([
        ...Array.from({ length: 20 }, () =>
          server.gql(CHANGE_OWN, { i: { currentPassword: huge, newPassword: huge } }, admin),
        ),
        ...Array.from({ length: 20 }, () => server.gql(SET_PASSWORD, { i: { token: huge, newPassword: huge } })),
      ]),
    );
    record('40 parallel 40 KB passwords', { ms, trivialMs, rssMb: server.rssMb() });
    expect([...new Set(result.map(codeOf))].every((c) => c === 'BAD_USER_INPUT' || c === 'TOO_MANY_REQUESTS')).toBe(
      true,
    );
    // Refused by length, by the throttle, or as a link that is not one: never a password check or a hash.
    const allowed = new Set(['PASSWORD_TOO_LONG', 'WRONG_PASSWORD', 'TOO_MANY_ATTEMPTS', 'LINK_NOT_VALID']);
    for (const r of result) for (const c of problemCodes(r)) expect(allowed).toContain(c);
    expect(ms).toBeLessThan(10_000);
    expect(trivialMs).toBeLessThan(Math.max(TRIVIAL_MS, 3000));
  });

  it('refuses CSV bombs at the import: oversized, too many rows, an endless quoted field, and 20 at once', async () => {
    const csv = { 'content-type': 'text/csv', authorization: `Bearer ${admin}` };
    const rows =
      `email,display name,province code\n${Array.from({ length: 30_000 }, (_, i) => `m${i}@b.go.th,M,TH-10`).join('\n')}`.slice(
        0,
        990_000,
      );
    const endless = `email,display name,province code\n"${'x'.repeat(980_000)}`;
    const { result, ms, trivialMs } = await underAttack(server, () =>
      Promise.all([
        post('/api/users/import?dryRun=false', new Uint8Array(5_000_000), csv),
        post('/api/users/import?dryRun=false', rows, csv),
        post('/api/users/import?dryRun=true', endless, csv),
        ...Array.from({ length: 20 }, () => post('/api/users/import?dryRun=true', rows, csv)),
        post('/api/users/import?dryRun=false', 'email,display name,province code\na@b.go.th,A,TH-10\n', {
          'content-type': 'text/csv',
          authorization: `Bearer ${analyst}`,
        }),
      ]),
    );
    record('CSV bombs at the account import', { ms, trivialMs, rssMb: server.rssMb() });
    expect(result.map((r) => r.status)).toEqual([400, 400, 400, ...Array<number>(20).fill(400), 403]);
    expect(problemCodes(result[0])).toEqual(['FILE_TOO_LARGE']);
    expect(problemCodes(result[1])).toEqual(['TOO_MANY_ROWS']);
    // One quoted field of 980,000 characters stops at the reader's cell bound (1,000 characters for this file).
    expect(problemCodes(result[2])).toEqual(['CELL_TOO_LONG']);
    expect(ms).toBeLessThan(20_000);
    expect(trivialMs).toBeLessThan(Math.max(TRIVIAL_MS, 3000));
  });

  it('refuses list abuse: a huge page, a huge search, a forged cursor', async () => {
    const { result, ms, trivialMs } = await underAttack(server, () =>
      Promise.all([
        server.gql(USERS, { first: 1_000_000 }, admin),
        server.gql(USERS, { f: { search: '%'.repeat(50_000) } }, admin),
        server.gql(USERS, { after: Buffer.from('z'.repeat(5000)).toString('base64url') }, admin),
      ]),
    );
    record('user list abuse', { ms, trivialMs, rssMb: server.rssMb() });
    expect(result.map(codeOf)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT']);
    expect(ms).toBeLessThan(5000);
  });
});
