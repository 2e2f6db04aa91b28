import { query } from '../test-db.js';
import {
  DEMO_PASSWORD,
  MAX_RSS_MB,
  TRIVIAL_MS,
  record,
  startHostileServer,
  underAttack,
  type HostileResponse,
  type HostileServer,
} from './harness.js';

const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { token } }';
const VICTIM = 'planner@demo.local';
/** The owner's usual address, and the attacker's. The server trusts the loopback proxy, so X-Forwarded-For is the client. */
const OWNER_AT = '198.51.100.7';
const ATTACKER_AT = '203.0.113.66';

function codeOf(res: HostileResponse): string {
  return res.body?.errors?.[0]?.extensions?.code ?? 'OK';
}

/**
 * A flood of 500 simultaneous connections from 500 addresses (a distributed flood, which no per-address limit
 * can tell from a crowd) takes seconds on this 2-core machine shared by other jobs, whatever is asked (even
 * `{ __typename }`): the distributed sign-in flood is compared with such a flood of trivial queries just before
 * it. A flood from one address is held to the suite's bound: the server serves 32 of its requests at once and
 * refuses the rest at once (core/http/client-concurrency.ts).
 */
async function baselineFlood(server: HostileServer): Promise<{ ms: number; trivialMs: number }> {
  const { ms, trivialMs } = await underAttack(server, () =>
    Promise.all(
      Array.from({ length: 500 }, (_, i) =>
        server.request('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.${(i >> 8) & 255}.${i & 255}` },
          body: '{"query":"{ __typename }"}',
        }),
      ),
    ),
  );
  record('baseline: 500 parallel trivial queries from 500 addresses', { ms, trivialMs, rssMb: server.rssMb() });
  return { ms, trivialMs };
}

/**
 * Sign-in floods: refused quickly by the throttle (counted in PostgreSQL before any password check) or by the bounded
 * queue of password checks, while a trivial query still answers, memory stays bounded, no data is written (the
 * throttle's counters, sessions and the audit trail are bookkeeping), and the victim's owner is not locked out.
 */
describe('hostile input: sign-in', () => {
  let server: HostileServer;
  let before: string;

  function loginFrom(address: string, email: string, password: string): Promise<HostileResponse> {
    return server.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ query: LOGIN, variables: { i: { email, password } } }),
    });
  }

  beforeAll(async () => {
    server = await startHostileServer({ TRUST_PROXY: 'loopback' });
    // Warm up (JIT, connections), so that the first baseline is not the slowest.
    await Promise.all(Array.from({ length: 50 }, () => server.gql('{ __typename }')));
    // The owner has signed in from home before: that address is trusted for the account.
    expect(codeOf(await loginFrom(OWNER_AT, VICTIM, DEMO_PASSWORD))).toBe('OK');
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

  it('refuses 500 parallel sign-ins at one account from one address quickly, checking at most 5 passwords, and its owner still signs in', async () => {
    const { result, ms, trivialMs } = await underAttack(server, () =>
      Promise.all(Array.from({ length: 500 }, (_, i) => loginFrom(ATTACKER_AT, VICTIM, `guess-${i}`))),
    );
    const rssMb = server.rssMb();
    record('500 parallel sign-ins, one account, one address', { ms, trivialMs, rssMb });
    // Refused by the throttle (one message for every refusal), or before any work by the per-address limit.
    const codes = result.map(codeOf);
    expect(new Set(codes)).toEqual(new Set(['UNAUTHENTICATED', 'TOO_MANY_REQUESTS']));
    expect(
      new Set(result.filter((r) => codeOf(r) === 'UNAUTHENTICATED').map((r) => r.body.errors[0].message)).size,
    ).toBe(1);
    expect(ms).toBeLessThan(5000);
    // 500 new connections are each accepted and answered by Node's one thread (0.45–0.56 s at load average 2,
    // 1.5 s at 5): held to twice the suite's bound, like the one-address flood of general.spec.ts.
    expect(trivialMs).toBeLessThan(2 * TRIVIAL_MS);
    expect(rssMb).toBeLessThan(MAX_RSS_MB);
    // Each password check that failed is an audit row: the throttle let exactly the account's limit through.
    const [{ n }] = await query<{ n: number }>(
      server.dbUrl,
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'SIGN_IN_FAILED' AND new_value->>'email' = $1`,
      [VICTIM],
    );
    expect(n).toBe(5);
    // The owner at home is not locked out; a stranger's address is, and only for a minute.
    expect(codeOf(await loginFrom(OWNER_AT, VICTIM, DEMO_PASSWORD))).toBe('OK');
    expect(codeOf(await loginFrom('192.0.2.200', VICTIM, DEMO_PASSWORD))).toBe('UNAUTHENTICATED');
    const [lock] = await query<{ seconds: number }>(
      server.dbUrl,
      `SELECT extract(epoch FROM locked_until - now())::float8 AS seconds FROM login_throttle WHERE kind = 'ACCOUNT' AND key = $1`,
      [VICTIM],
    );
    expect(lock.seconds).toBeLessThanOrEqual(60);
  });

  it('refuses 500 parallel sign-ins from 500 addresses at 500 e-mails (no throttle applies) at once beyond the queue of password checks', async () => {
    const baseline = await baselineFlood(server);
    const { result, ms, trivialMs } = await underAttack(server, () =>
      Promise.all(
        Array.from({ length: 500 }, (_, i) =>
          loginFrom(`10.${(i >> 8) & 255}.${i & 255}.9`, `nobody-${i}@example.org`, 'Password1'),
        ),
      ),
    );
    const rssMb = server.rssMb();
    record('500 parallel sign-ins, 500 addresses, 500 e-mails', { ms, trivialMs, rssMb });
    expect(new Set(result.map(codeOf))).toEqual(new Set(['UNAUTHENTICATED']));
    // Password checks that did run (at most 2 at a time, 32 waiting) add up to a few seconds beyond the baseline.
    expect(ms).toBeLessThan(3 * baseline.ms + 5000);
    // A distributed flood cannot be told from a crowd by address; the password checks that do run (two at a
    // time) add to what 500 connections cost anyway: 2.8–6 s measured for the trivial query at load 2–5.
    expect(trivialMs).toBeLessThan(Math.max(TRIVIAL_MS, 3 * baseline.trivialMs + 3000));
    expect(rssMb).toBeLessThan(MAX_RSS_MB);
    const [{ checked }] = await query<{ checked: number }>(
      server.dbUrl,
      `SELECT count(*)::int AS checked FROM audit_event WHERE action = 'SIGN_IN_FAILED' AND new_value->>'email' LIKE 'nobody-%'`,
    );
    console.log(
      `[hostile] distributed flood: ${checked} of 500 attempts reached a password check, the rest were refused at the queue`,
    );
    expect(checked).toBeLessThan(500);
    expect(codeOf(await loginFrom(OWNER_AT, VICTIM, DEMO_PASSWORD))).toBe('OK');
  });
});
