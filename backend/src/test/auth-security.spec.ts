import { SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { ConfigError, DEFAULT_TOKEN_SECRET, loadConfig } from '../core/config/app-config.js';
import { ErrorCode } from '../core/errors/domain-error.js';
import { MAX_REASON_LENGTH } from '../core/audit-reason.js';
import { AuditRepository } from '../modules/audit/audit.repository.js';
import { AuditAction } from '../modules/audit/audit-event.entity.js';
import { clientKey } from '../core/http/client-address.js';
import { THROTTLE_RULES } from '../modules/auth/login-throttle.repository.js';
import { LoginThrottleKind } from '../modules/auth/login-throttle.entity.js';
import { Gate, VerifierBusyError, verificationStats } from '../modules/auth/password.js';
import { code } from './reporting-helpers.js';
import { createTestDatabase, query } from './test-db.js';
import { DEMO_PASSWORD, movableClock, signIn, startTestApp, type GraphQLResponse, type TestApp } from './test-app.js';

const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { token expiresAt } }';
const CREATE_TOKEN =
  'mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token apiToken { id expiresAt } } }';
const ACCOUNT_LIMIT = THROTTLE_RULES[LoginThrottleKind.ACCOUNT].limit;
const ADDRESS_LIMIT = THROTTLE_RULES[LoginThrottleKind.ADDRESS].limit;
const START = '2026-11-21T10:00:00+07:00';

describe('Sign-in and token security', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: TestApp;
  const time = movableClock(START);

  /** A sign-in from a given client address (the app trusts the loopback proxy, so X-Forwarded-For is the client). */
  async function login(
    email: string,
    password: string,
    from: string,
  ): Promise<GraphQLResponse<{ login: { token: string; expiresAt: string } }>> {
    const res = await fetch(`${app.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
      body: JSON.stringify({ query: LOGIN, variables: { i: { email, password } } }),
    });
    return (await res.json()) as GraphQLResponse<{ login: { token: string; expiresAt: string } }>;
  }

  /** A fresh account with the demo password, so that each test has its own counters. */
  async function account(email: string, role = 'ANALYST'): Promise<string> {
    await query(
      db.url,
      `INSERT INTO app_user (email, password_hash, display_name, role) SELECT $1, password_hash, 'Test account', $2::user_role FROM app_user WHERE email = 'analyst@demo.local'`,
      [email, role],
    );
    return email;
  }

  async function auditRows(
    action: AuditAction,
    email: string,
  ): Promise<Array<{ user_id: string | null; new_value: Record<string, unknown> }>> {
    return query(
      db.url,
      `SELECT user_id, new_value FROM audit_event WHERE action = $1 AND new_value->>'email' = $2 ORDER BY id`,
      [action, email],
    );
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db.url, { TRUST_PROXY: 'loopback' }, { clock: time.clock });
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });
  afterEach(() => time.set(START));

  describe('login throttle', () => {
    it('counts a burst of 30 concurrent wrong sign-ins before checking: exactly the limit reaches argon2', async () => {
      const victim = await account('burst@demo.local');
      const before = verificationStats().started;
      const t0 = performance.now();
      const results = await Promise.all(Array.from({ length: 30 }, () => login(victim, 'wrong-password', '10.1.0.1')));
      const ms = performance.now() - t0;
      expect(verificationStats().started - before).toBe(ACCOUNT_LIMIT);
      expect(new Set(results.map(code))).toEqual(new Set([ErrorCode.UNAUTHENTICATED]));
      expect(new Set(results.map((r) => r.errors![0].message)).size).toBe(1);
      const [row] = await query<{ attempts: number; locked: boolean }>(
        db.url,
        `SELECT attempts, locked_until > $2 AS locked FROM login_throttle WHERE kind = 'ACCOUNT' AND key = $1`,
        [victim, time.clock()],
      );
      expect(row).toEqual({ attempts: ACCOUNT_LIMIT, locked: true });
      // The right password is refused too while the lock lasts, without a password check.
      const mid = verificationStats().started;
      expect(code(await login(victim, DEMO_PASSWORD, '10.1.0.2'))).toBe(ErrorCode.UNAUTHENTICATED);
      expect(verificationStats().started).toBe(mid);
      console.log(
        `[auth] 30 concurrent wrong sign-ins answered in ${ms.toFixed(0)} ms, ${ACCOUNT_LIMIT} password checks`,
      );
    });

    it('answers a wrong e-mail, a wrong password and a locked account with one code and one message', async () => {
      const victim = await account('same-answer@demo.local');
      const unknown = await login('nobody@demo.local', 'whatever', '10.2.0.1');
      const wrong = await login(victim, 'wrong-password', '10.2.0.1');
      for (let i = 1; i < ACCOUNT_LIMIT; i++) await login(victim, 'wrong-password', '10.2.0.1');
      const locked = await login(victim, DEMO_PASSWORD, '10.2.0.1');
      for (const res of [unknown, wrong, locked]) {
        expect(code(res)).toBe(ErrorCode.UNAUTHENTICATED);
        expect(res.errors![0].message).toBe(wrong.errors![0].message);
      }
    });

    it('locks for a minute, then longer after further failures, and lets the owner in once it ends', async () => {
      const victim = await account('backoff@demo.local');
      const lockOf = async () =>
        (
          await query<{ until: Date }>(
            db.url,
            `SELECT locked_until AS until FROM login_throttle WHERE kind = 'ACCOUNT' AND key = $1`,
            [victim],
          )
        )[0].until;
      for (let i = 0; i <= ACCOUNT_LIMIT; i++) await login(victim, 'wrong-password', '10.3.0.1');
      expect((await lockOf()).getTime() - time.clock().getTime()).toBe(60_000);
      time.set('2026-11-21T10:01:01+07:00');
      for (let i = 0; i <= ACCOUNT_LIMIT; i++) await login(victim, 'wrong-password', '10.3.0.1');
      expect((await lockOf()).getTime() - time.clock().getTime()).toBe(120_000);
      expect(code(await login(victim, DEMO_PASSWORD, '10.3.0.1'))).toBe(ErrorCode.UNAUTHENTICATED);
      time.set('2026-11-21T10:03:02+07:00');
      expect(code(await login(victim, DEMO_PASSWORD, '10.3.0.1'))).toBe('OK');
    });

    it("locks an attacker's addresses out of an account while its owner signs in from an address they used before", async () => {
      const victim = await account('owner@demo.local');
      expect(code(await login(victim, DEMO_PASSWORD, '10.4.0.1'))).toBe('OK');
      for (let i = 0; i < 3 * ACCOUNT_LIMIT; i++) await login(victim, `guess-${i}`, `10.4.1.${i % 3}`);
      // A stranger's address holding the right password is refused: the account is locked for strangers…
      expect(code(await login(victim, DEMO_PASSWORD, '10.4.2.1'))).toBe(ErrorCode.UNAUTHENTICATED);
      // …but not for its owner at home, whose sign-in does not lift the strangers' lock either.
      expect(code(await login(victim, DEMO_PASSWORD, '10.4.0.1'))).toBe('OK');
      expect(code(await login(victim, DEMO_PASSWORD, '10.4.2.1'))).toBe(ErrorCode.UNAUTHENTICATED);
    });

    it('limits one address across many accounts (password spraying), whatever the accounts', async () => {
      const before = verificationStats().started;
      for (let i = 0; i < ADDRESS_LIMIT; i++) await login(`spray-${i}@demo.local`, 'Password1', '10.5.0.1');
      expect(verificationStats().started - before).toBe(ADDRESS_LIMIT);
      const sprayed = await account('sprayed@demo.local');
      expect(code(await login(sprayed, DEMO_PASSWORD, '10.5.0.1'))).toBe(ErrorCode.UNAUTHENTICATED);
      expect(verificationStats().started - before).toBe(ADDRESS_LIMIT);
      expect(code(await login(sprayed, DEMO_PASSWORD, '10.5.0.2'))).toBe('OK');
      const [lock] = await query<{ new_value: { lock: string; address: string } }>(
        db.url,
        `SELECT new_value FROM audit_event WHERE action = 'SIGN_IN_LOCKED' AND new_value->>'address' = '10.5.0.1'`,
      );
      expect(lock.new_value.lock).toBe('ADDRESS');
    });

    it('does not count successful sign-ins against an address (an office behind one address)', async () => {
      const user = await account('office@demo.local');
      for (let i = 0; i < ADDRESS_LIMIT + 5; i++) expect(code(await login(user, DEMO_PASSWORD, '10.6.0.1'))).toBe('OK');
    });

    it('refuses an e-mail or a password too long to be real without checking it', async () => {
      const before = verificationStats().started;
      expect(code(await login(`${'a'.repeat(300)}@demo.local`, 'x', '10.7.0.1'))).toBe(ErrorCode.UNAUTHENTICATED);
      expect(code(await login('analyst@demo.local', 'x'.repeat(5000), '10.7.0.1'))).toBe(ErrorCode.UNAUTHENTICATED);
      expect(verificationStats().started).toBe(before);
    });
  });

  describe('client address', () => {
    it('throttles IPv6 clients by their /64 and IPv4-mapped ones as IPv4', () => {
      expect(clientKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
      expect(clientKey('2001:db8:1:2::9')).toBe('2001:db8:1:2::/64');
      expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
      expect(clientKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
      expect(clientKey('::1')).toBe('0:0:0:0::/64');
      expect(clientKey(undefined)).toBe('unknown');
      expect(clientKey('not-an-address')).toBe('unknown');
    });

    it('reads TRUST_PROXY as off, a number of hops or a list of proxies, and refuses "trust everyone"', () => {
      expect(loadConfig({}).trustProxy).toBe(false);
      expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
      expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
      expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::1' }).trustProxy).toEqual([
        'loopback',
        '10.0.0.0/8',
        'fd00::1',
      ]);
      for (const bad of ['true', '0.5', '11', '10.0.0.0/33', 'proxy.example']) {
        expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(ConfigError);
      }
    });

    it('ignores X-Forwarded-For unless TRUST_PROXY says so', async () => {
      const plain = await startTestApp(db.url, {}, { clock: time.clock });
      try {
        const victim = await account('no-proxy@demo.local');
        await fetch(`${plain.baseUrl}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
          body: JSON.stringify({ query: LOGIN, variables: { i: { email: victim, password: 'wrong' } } }),
        });
        const [row] = await query<{ address: string }>(
          db.url,
          `SELECT new_value->>'address' AS address FROM audit_event WHERE action = 'SIGN_IN_FAILED' AND new_value->>'email' = $1`,
          [victim],
        );
        expect(row.address).toBe('127.0.0.1');
      } finally {
        await plain.close();
      }
    });
  });

  describe('password checks', () => {
    it('run at most two at a time and refuse at once beyond the waiting room', async () => {
      const gate = new Gate(2, 3);
      let running = 0;
      let peak = 0;
      const release: Array<() => void> = [];
      const task = () =>
        gate.run(async () => {
          peak = Math.max(peak, ++running);
          await new Promise<void>((r) => release.push(r));
          running--;
        });
      const accepted = Array.from({ length: 5 }, task);
      await expect(task()).rejects.toBeInstanceOf(VerifierBusyError);
      expect(gate.stats).toMatchObject({ active: 2, waiting: 3 });
      while (release.length > 0 || running > 0) {
        release.splice(0).forEach((r) => r());
        await new Promise((r) => setImmediate(r));
      }
      await Promise.all(accepted);
      expect(peak).toBe(2);
      expect(gate.stats).toMatchObject({ active: 0, waiting: 0, started: 5 });
    });
  });

  describe('sessions', () => {
    it('logout revokes the token at once, and only that one', async () => {
      const user = await account('logout@demo.local');
      const first = await signIn(app, user);
      const second = await signIn(app, user);
      const out = await app.gql<{ logout: boolean }>('mutation { logout }', {}, first);
      expect(out.data!.logout).toBe(true);
      expect(code(await app.gql('{ me { email } }', {}, first))).toBe(ErrorCode.UNAUTHENTICATED);
      expect(code(await app.gql('{ me { email } }', {}, second))).toBe('OK');
      expect(code(await app.gql('mutation { logout }', {}, first))).toBe(ErrorCode.UNAUTHENTICATED);
      expect(code(await app.gql('mutation { logout }'))).toBe(ErrorCode.UNAUTHENTICATED);
      const [row] = await query<{ n: number }>(
        db.url,
        `SELECT count(*)::int AS n FROM audit_event a JOIN app_user u ON u.id = a.user_id WHERE a.action = 'SIGNED_OUT' AND u.email = $1`,
        [user],
      );
      expect(row.n).toBe(1);
    });

    it('a new password signs the user out everywhere', async () => {
      const user = await account('new-password@demo.local');
      const tokens = [await signIn(app, user), await signIn(app, user)];
      await query(
        db.url,
        `UPDATE app_user SET password_hash = (SELECT password_hash FROM app_user WHERE email = 'planner@demo.local') WHERE email = $1`,
        [user],
      );
      for (const t of tokens) expect(code(await app.gql('{ me { email } }', {}, t))).toBe(ErrorCode.UNAUTHENTICATED);
      expect(code(await app.gql('{ me { email } }', {}, await signIn(app, user)))).toBe('OK');
    });

    it('a new role signs the user out and revokes their API tokens', async () => {
      const user = await account('promoted@demo.local');
      const session = await signIn(app, user);
      const created = await app.gql<{ createApiToken: { token: string } }>(
        CREATE_TOKEN,
        { i: { name: 'script' } },
        session,
      );
      const apiToken = created.data!.createApiToken.token;
      expect(code(await app.gql('{ me { email } }', {}, apiToken))).toBe('OK');
      await query(db.url, `UPDATE app_user SET role = 'PLANNER' WHERE email = $1`, [user]);
      expect(code(await app.gql('{ me { email } }', {}, session))).toBe(ErrorCode.UNAUTHENTICATED);
      expect(code(await app.gql('{ me { email } }', {}, apiToken))).toBe(ErrorCode.UNAUTHENTICATED);
    });

    it('refuses a signed token whose subject or session is not a UUID as UNAUTHENTICATED, not a server error', async () => {
      const key = new TextEncoder().encode(DEFAULT_TOKEN_SECRET);
      const now = Math.floor(time.clock().getTime() / 1000);
      const forge = (claims: Record<string, unknown>, sub: string) =>
        new SignJWT(claims)
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject(sub)
          .setIssuer('digigov-monitor')
          .setIssuedAt(now)
          .setExpirationTime(now + 600)
          .sign(key);
      const [analyst] = await query<{ id: string }>(
        db.url,
        `SELECT id FROM app_user WHERE email = 'analyst@demo.local'`,
      );
      for (const token of [
        await forge({ sid: randomUUID() }, "x' OR '1'='1"),
        await forge({ sid: 'not-a-uuid' }, analyst.id),
        await forge({}, analyst.id),
        await forge({ sid: randomUUID() }, analyst.id),
      ]) {
        expect(code(await app.gql('{ me { email } }', {}, token))).toBe(ErrorCode.UNAUTHENTICATED);
      }
    });

    it('an API token cannot sign out (it is revoked instead)', async () => {
      const user = await account('token-logout@demo.local');
      const created = await app.gql<{ createApiToken: { token: string } }>(
        CREATE_TOKEN,
        { i: { name: 'script' } },
        await signIn(app, user),
      );
      expect(code(await app.gql('mutation { logout }', {}, created.data!.createApiToken.token))).toBe(
        ErrorCode.FORBIDDEN,
      );
    });
  });

  describe('API tokens', () => {
    it('expire after 90 days by default and at most 365 days', async () => {
      const session = await signIn(app, await account('expiry@demo.local'));
      const byDefault = await app.gql<{ createApiToken: { apiToken: { expiresAt: string } } }>(
        CREATE_TOKEN,
        { i: { name: 'default' } },
        session,
      );
      expect(new Date(byDefault.data!.createApiToken.apiToken.expiresAt).getTime() - time.clock().getTime()).toBe(
        90 * 86_400_000,
      );
      expect(code(await app.gql(CREATE_TOKEN, { i: { name: 'year', expiresInDays: 365 } }, session))).toBe('OK');
      const tooLong = await app.gql(CREATE_TOKEN, { i: { name: 'longer', expiresInDays: 366 } }, session);
      expect(code(tooLong)).toBe(ErrorCode.BAD_USER_INPUT);
      expect(tooLong.errors![0].extensions!.problems).toEqual([
        expect.objectContaining({ field: 'expiresInDays', code: 'OUT_OF_RANGE' }),
      ]);
      expect(code(await app.gql(CREATE_TOKEN, { i: { name: 'never', expiresInDays: null } }, session))).toBe(
        ErrorCode.BAD_USER_INPUT,
      );
      expect(code(await app.gql(CREATE_TOKEN, { i: { name: 'zero', expiresInDays: 0 } }, session))).toBe(
        ErrorCode.BAD_USER_INPUT,
      );
    });

    it('stop working when they expire', async () => {
      const session = await signIn(app, await account('expired@demo.local'));
      const created = await app.gql<{ createApiToken: { token: string } }>(
        CREATE_TOKEN,
        { i: { name: 'week', expiresInDays: 7 } },
        session,
      );
      const token = created.data!.createApiToken.token;
      expect(code(await app.gql('{ me { email } }', {}, token))).toBe('OK');
      time.set('2026-11-28T10:00:01+07:00');
      expect(code(await app.gql('{ me { email } }', {}, token))).toBe(ErrorCode.UNAUTHENTICATED);
    });

    it('a legacy token without an expiry counts as 90 days from its creation', async () => {
      const [analyst] = await query<{ id: string }>(
        db.url,
        `SELECT id FROM app_user WHERE email = 'analyst@demo.local'`,
      );
      const token = `dgm_${'L'.repeat(43)}`;
      const { hashApiToken } = await import('../modules/auth/api-token.service.js');
      await query(
        db.url,
        `INSERT INTO api_token (user_id, name, prefix, token_hash, created_at, expires_at) VALUES ($1, 'legacy', 'dgm_LLLLLL', $2, $3, NULL)`,
        [analyst.id, hashApiToken(token), new Date('2026-09-01T00:00:00Z')],
      );
      expect(code(await app.gql('{ me { email } }', {}, token))).toBe('OK');
      time.set('2026-12-01T00:00:01Z');
      expect(code(await app.gql('{ me { email } }', {}, token))).toBe(ErrorCode.UNAUTHENTICATED);
    });

    it('are for analysts: other roles are refused', async () => {
      for (const who of ['admin@demo.local', 'planner@demo.local', 'officer.th40@demo.local']) {
        expect(code(await app.gql(CREATE_TOKEN, { i: { name: 'script' } }, await signIn(app, who)))).toBe(
          ErrorCode.FORBIDDEN,
        );
      }
    });

    it('are audited when created and when revoked (once)', async () => {
      const user = await account('token-audit@demo.local');
      const session = await signIn(app, user);
      const created = await app.gql<{ createApiToken: { apiToken: { id: string } } }>(
        CREATE_TOKEN,
        { i: { name: 'audited' } },
        session,
      );
      const id = created.data!.createApiToken.apiToken.id;
      for (let i = 0; i < 2; i++)
        expect(
          code(await app.gql(`mutation { revokeApiToken(input: { id: "${id}" }) { revokedAt } }`, {}, session)),
        ).toBe('OK');
      const rows = await query<{ action: string; id: string }>(
        db.url,
        `SELECT a.action, COALESCE(a.new_value, a.old_value)->>'id' AS id FROM audit_event a JOIN app_user u ON u.id = a.user_id
          WHERE u.email = $1 AND a.action IN ('API_TOKEN_CREATED', 'API_TOKEN_REVOKED') ORDER BY a.id`,
        [user],
      );
      expect(rows).toEqual([
        { action: 'API_TOKEN_CREATED', id },
        { action: 'API_TOKEN_REVOKED', id },
      ]);
    });
  });

  describe('audit trail', () => {
    it('records sign-ins, failures and the start of a lock (not every refusal)', async () => {
      const user = await account('audited@demo.local');
      await login(user, DEMO_PASSWORD, '10.8.0.1');
      for (let i = 0; i < ACCOUNT_LIMIT + 5; i++) await login(user, 'wrong', '10.8.0.2');
      const [{ id }] = await query<{ id: string }>(db.url, `SELECT id FROM app_user WHERE email = $1`, [user]);
      expect(await auditRows(AuditAction.SIGNED_IN, user)).toEqual([
        { user_id: id, new_value: expect.objectContaining({ address: '10.8.0.1' }) },
      ]);
      expect(await auditRows(AuditAction.SIGN_IN_FAILED, user)).toHaveLength(ACCOUNT_LIMIT);
      expect(await auditRows(AuditAction.SIGN_IN_LOCKED, user)).toEqual([
        { user_id: null, new_value: expect.objectContaining({ lock: 'ACCOUNT', address: '10.8.0.2' }) },
      ]);
    });

    it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
      await expect(query(db.url, `UPDATE audit_event SET reason = 'rewritten'`)).rejects.toThrow(/append-only/);
      await expect(query(db.url, `DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
      await expect(query(db.url, `TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
      await expect(query(db.url, `UPDATE audit_event SET user_id = NULL`)).rejects.toThrow(/append-only/);
    });

    it('still lets a user be deleted, keeping their rows with a null reference', async () => {
      const user = await account('leaver@demo.local');
      await login(user, DEMO_PASSWORD, '10.9.0.1');
      await query(db.url, `DELETE FROM app_user WHERE email = $1`, [user]);
      const rows = await auditRows(AuditAction.SIGNED_IN, user);
      expect(rows).toEqual([{ user_id: null, new_value: expect.objectContaining({ email: user }) }]);
    });

    it('caps reasons: the repository refuses what the one reason rule refuses, the database above 2,000', async () => {
      const repo = new AuditRepository(undefined as never);
      await expect(
        repo.record([{ action: AuditAction.SIGNED_OUT, userId: null, reason: 'x'.repeat(MAX_REASON_LENGTH + 1) }]),
      ).rejects.toMatchObject({
        code: ErrorCode.BAD_USER_INPUT,
        problems: [expect.objectContaining({ field: 'reason', code: 'TEXT_TOO_LONG' })],
      });
      await expect(
        query(db.url, `INSERT INTO audit_event (action, reason) VALUES ('SIGNED_OUT', repeat('x', 2001))`),
      ).rejects.toThrow(/chk_audit_event_reason_length/);
    });
  });
});
