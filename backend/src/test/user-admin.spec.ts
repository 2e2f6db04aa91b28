import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { ErrorCode } from '../core/errors/domain-error.js';
import { REPO_ROOT } from '../core/paths.js';
import { UserService } from '../modules/user/user.service.js';
import { arrange, code, REPORT } from './reporting-helpers.js';
import { createTestDatabase, query } from './test-db.js';
import { movableClock, signIn, startTestApp, type GraphQLResponse, type TestApp } from './test-app.js';

const START = '2026-11-21T10:00:00+07:00';
const GOOD = 'correct horse battery staple';
const LINK_FIELDS = 'token setPasswordPath expiresAt kind user { id email role provinceCode active hasPassword }';
const CREATE = `mutation($i: CreateUserInput!) { createUser(input: $i) { ${LINK_FIELDS} } }`;
const UPDATE = 'mutation($i: UpdateUserInput!) { updateUser(input: $i) { id role provinceCode displayName active } }';
const DEACTIVATE = 'mutation($i: UserIdInput!) { deactivateUser(input: $i) { id active } }';
const RESET = `mutation($i: UserIdInput!) { resetUserPassword(input: $i) { ${LINK_FIELDS} } }`;
const SET_PASSWORD =
  'mutation($i: SetPasswordInput!) { setPassword(input: $i) { token user { email role provinceCode } } }';
const CHANGE_OWN = 'mutation($i: ChangeOwnPasswordInput!) { changeOwnPassword(input: $i) { token } }';
const USERS =
  'query($f: UserFilter, $first: Int, $after: String) { users(filter: $f, first: $first, after: $after) { totalCount nextCursor items { email role provinceCode active } } }';
const ME = '{ me { email role provinceCode } }';
const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { token } }';

type Link = {
  token: string;
  setPasswordPath: string;
  expiresAt: string;
  kind: string;
  user: { id: string; email: string; role: string; provinceCode: string | null; active: boolean; hasPassword: boolean };
};

function problemCodes(res: GraphQLResponse): string[] {
  return ((res.errors?.[0]?.extensions?.problems ?? []) as Array<{ code: string }>).map((p) => p.code).sort();
}

describe(UserService.name, () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: TestApp;
  let admin: string;
  const tokens: Record<string, string> = {};
  const time = movableClock(START);
  let seq = 0;

  /** Invites a fresh account (unique e-mail) as the demo administrator. */
  async function invite(
    role = 'OFFICER',
    provinceCode: string | null = role === 'OFFICER' ? 'TH-40' : null,
  ): Promise<Link> {
    const email = `user${++seq}@agency.go.th`;
    const res = await app.gql<{ createUser: Link }>(
      CREATE,
      { i: { email, displayName: `User ${seq}`, role, provinceCode } },
      admin,
    );
    if (!res.data?.createUser) throw new Error(JSON.stringify(res.errors));
    return res.data.createUser;
  }

  /** Invites, sets the password through the link, and returns the account and its sign-in token. */
  async function member(role = 'OFFICER', provinceCode?: string | null): Promise<{ link: Link; token: string }> {
    const link = await invite(role, provinceCode);
    const res = await app.gql<{ setPassword: { token: string } }>(SET_PASSWORD, {
      i: { token: link.token, newPassword: GOOD },
    });
    if (!res.data?.setPassword) throw new Error(JSON.stringify(res.errors));
    return { link, token: res.data.setPassword.token };
  }

  async function userCount(): Promise<number> {
    return (await query<{ n: number }>(db.url, 'SELECT count(*)::int AS n FROM app_user'))[0].n;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db.url, {}, { clock: time.clock });
    admin = await signIn(app, 'admin@demo.local');
    for (const who of ['planner', 'analyst', 'officer.th40']) tokens[who] = await signIn(app, `${who}@demo.local`);
    const apiToken = await app.gql<{ createApiToken: { token: string } }>(
      'mutation { createApiToken(input: { name: "t", expiresInDays: 30 }) { token } }',
      {},
      tokens.analyst,
    );
    tokens.apiToken = apiToken.data!.createApiToken.token;
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });
  afterEach(() => time.set(START));

  describe('access', () => {
    const calls: Array<[string, string, Record<string, unknown>]> = [
      ['users', USERS, {}],
      ['createUser', CREATE, { i: { email: 'x@agency.go.th', displayName: 'X', role: 'ANALYST' } }],
      ['updateUser', UPDATE, { i: { id: '00000000-0000-4000-8000-000000000000', displayName: 'X' } }],
      ['deactivateUser', DEACTIVATE, { i: { id: '00000000-0000-4000-8000-000000000000' } }],
      ['resetUserPassword', RESET, { i: { id: '00000000-0000-4000-8000-000000000000' } }],
    ];
    it.each(calls)(
      'refuses %s to officers, planners, analysts and API tokens, and to anonymous callers',
      async (_name, doc, vars) => {
        const before = await userCount();
        for (const who of ['officer.th40', 'planner', 'analyst', 'apiToken'])
          expect(code(await app.gql(doc, vars, tokens[who]))).toBe(ErrorCode.FORBIDDEN);
        expect(code(await app.gql(doc, vars))).toBe(ErrorCode.UNAUTHENTICATED);
        expect(await userCount()).toBe(before);
      },
    );
  });

  describe('createUser', () => {
    it('creates an account without a password and a single-use invitation stored only as a hash', async () => {
      const link = await invite('OFFICER', 'TH-50');
      expect(link).toMatchObject({
        kind: 'INVITATION',
        user: { role: 'OFFICER', provinceCode: 'TH-50', active: true, hasPassword: false },
      });
      expect(link.setPasswordPath).toBe(`/set-password?token=${link.token}`);
      expect(Date.parse(link.expiresAt) - time.clock().getTime()).toBe(72 * 3600_000);
      const rows = await query<{ token_hash: string; password_hash: string | null }>(
        db.url,
        'SELECT t.token_hash, u.password_hash FROM password_token t JOIN app_user u ON u.id = t.user_id WHERE u.id = $1',
        [link.user.id],
      );
      expect(rows).toEqual([
        { token_hash: createHash('sha256').update(link.token).digest('hex'), password_hash: null },
      ]);
      const [audit] = await query<{ user_id: string; new_value: Record<string, unknown> }>(
        db.url,
        `SELECT user_id, new_value FROM audit_event WHERE action = 'USER_CREATED' AND new_value->>'userId' = $1`,
        [link.user.id],
      );
      expect(audit.new_value).toMatchObject({ email: link.user.email, role: 'OFFICER', provinceCode: 'TH-50' });
      expect(JSON.stringify(audit)).not.toContain(link.token);
    });

    it('refuses a bad e-mail, an officer without a province, a planner with one, an unknown province and a taken e-mail, writing nothing', async () => {
      const before = await userCount();
      const cases: Array<[Record<string, unknown>, string[]]> = [
        [{ email: 'not-an-email', displayName: 'A', role: 'ANALYST' }, ['BAD_EMAIL']],
        [{ email: 'a1@agency.go.th', displayName: 'A', role: 'OFFICER' }, ['PROVINCE_REQUIRED']],
        [
          { email: 'a2@agency.go.th', displayName: 'A', role: 'PLANNER', provinceCode: 'TH-40' },
          ['PROVINCE_NOT_ALLOWED'],
        ],
        [{ email: 'a3@agency.go.th', displayName: 'A', role: 'OFFICER', provinceCode: 'TH-99' }, ['UNKNOWN_PROVINCE']],
        [{ email: 'ADMIN@demo.local', displayName: 'A', role: 'ANALYST' }, ['EMAIL_TAKEN']],
        [{ email: 'a4@agency.go.th', displayName: '  ', role: 'ANALYST' }, ['REQUIRED']],
      ];
      for (const [input, codes] of cases) {
        const res = await app.gql(CREATE, { i: input }, admin);
        expect(code(res)).toBe(ErrorCode.BAD_USER_INPUT);
        expect(problemCodes(res)).toEqual(codes);
      }
      expect(await userCount()).toBe(before);
    });
  });

  describe('setPassword', () => {
    it('signs the invited user in once; the link then stops working', async () => {
      const link = await invite('OFFICER', 'TH-40');
      expect(
        (
          await app.gql<{ passwordLink: { email: string } }>(
            'query($t: String!) { passwordLink(token: $t) { email kind } }',
            { t: link.token },
          )
        ).data?.passwordLink,
      ).toEqual({ email: link.user.email, kind: 'INVITATION' });
      const res = await app.gql<{ setPassword: { token: string; user: { email: string } } }>(SET_PASSWORD, {
        i: { token: link.token, newPassword: GOOD },
      });
      expect(res.data?.setPassword.user.email).toBe(link.user.email);
      expect((await app.gql<{ me: { email: string } }>(ME, {}, res.data!.setPassword.token)).data?.me.email).toBe(
        link.user.email,
      );
      expect(await signIn(app, link.user.email, GOOD)).toBeTruthy();
      const again = await app.gql(SET_PASSWORD, { i: { token: link.token, newPassword: 'another long pass phrase' } });
      expect(problemCodes(again)).toEqual(['LINK_NOT_VALID']);
      expect(
        (await app.gql('query($t: String!) { passwordLink(token: $t) { email } }', { t: link.token })).data,
      ).toEqual({ passwordLink: null });
    });

    it('refuses a link after 72 hours', async () => {
      const link = await invite('ANALYST');
      time.set('2026-11-24T10:00:01+07:00');
      expect(problemCodes(await app.gql(SET_PASSWORD, { i: { token: link.token, newPassword: GOOD } }))).toEqual([
        'LINK_NOT_VALID',
      ]);
    });

    it('refuses short, common and e-mail passwords and keeps the link usable', async () => {
      const link = await invite('ANALYST');
      for (const [password, problem] of [
        ['short-pass', 'PASSWORD_TOO_SHORT'],
        ['password1234', 'PASSWORD_TOO_COMMON'],
        ['demo-pass-2570', 'PASSWORD_TOO_COMMON'],
        ['aaaaaaaaaaaaaaaa', 'PASSWORD_TOO_COMMON'],
        [link.user.email.toUpperCase(), 'PASSWORD_IS_EMAIL'],
        ['x'.repeat(1025), 'PASSWORD_TOO_LONG'],
      ]) {
        expect(problemCodes(await app.gql(SET_PASSWORD, { i: { token: link.token, newPassword: password } }))).toEqual([
          problem,
        ]);
      }
      expect(code(await app.gql(SET_PASSWORD, { i: { token: link.token, newPassword: GOOD } }))).toBe('OK');
    });

    it('refuses a made-up token with the same problem and no lookup of a malformed one', async () => {
      for (const token of ['x'.repeat(43), 'short', 'ü'.repeat(5000)]) {
        expect(problemCodes(await app.gql(SET_PASSWORD, { i: { token, newPassword: GOOD } }))).toEqual([
          'LINK_NOT_VALID',
        ]);
      }
    });
  });

  describe('updateUser', () => {
    it('moves an officer to another province: the old token stops at once and the new sign-in sees only the new province', async () => {
      const { link, token } = await member('OFFICER', 'TH-40');
      await arrange(db.url, 'TH-40', 'FY2570Q1', 'DRAFT');
      expect(code(await app.gql(REPORT, { p: 'TH-40', q: 'FY2570Q1' }, token))).toBe('OK');
      const res = await app.gql<{ updateUser: { provinceCode: string } }>(
        UPDATE,
        { i: { id: link.user.id, provinceCode: 'TH-50', reason: 'moved to Chiang Mai' } },
        admin,
      );
      expect(res.data?.updateUser.provinceCode).toBe('TH-50');
      expect(code(await app.gql(ME, {}, token))).toBe(ErrorCode.UNAUTHENTICATED);
      const fresh = await signIn(app, link.user.email, GOOD);
      expect((await app.gql<{ me: { provinceCode: string } }>(ME, {}, fresh)).data?.me.provinceCode).toBe('TH-50');
      expect(code(await app.gql(REPORT, { p: 'TH-40', q: 'FY2570Q1' }, fresh))).toBe(ErrorCode.FORBIDDEN);
      const [audit] = await query<{
        old_value: { provinceCode: string };
        new_value: { provinceCode: string };
        reason: string;
        user_id: string;
      }>(
        db.url,
        `SELECT old_value, new_value, reason, user_id FROM audit_event WHERE action = 'USER_CHANGED' AND new_value->>'userId' = $1`,
        [link.user.id],
      );
      expect(audit).toMatchObject({
        old_value: { provinceCode: 'TH-40' },
        new_value: { provinceCode: 'TH-50' },
        reason: 'moved to Chiang Mai',
      });
    });

    it('clears the province when an officer becomes a planner, and asks for one the other way', async () => {
      const link = await invite('OFFICER', 'TH-40');
      expect(
        (
          await app.gql<{ updateUser: { role: string; provinceCode: null } }>(
            UPDATE,
            { i: { id: link.user.id, role: 'PLANNER' } },
            admin,
          )
        ).data?.updateUser,
      ).toMatchObject({ role: 'PLANNER', provinceCode: null });
      expect(problemCodes(await app.gql(UPDATE, { i: { id: link.user.id, role: 'OFFICER' } }, admin))).toEqual([
        'PROVINCE_REQUIRED',
      ]);
      expect(
        problemCodes(await app.gql(UPDATE, { i: { id: link.user.id, role: 'OFFICER', provinceCode: 'TH-00' } }, admin)),
      ).toEqual(['UNKNOWN_PROVINCE']);
    });

    it('keeps the last active administrator: neither demoted nor deactivated, by themselves or anyone', async () => {
      const me = (await query<{ id: string }>(db.url, `SELECT id FROM app_user WHERE email = 'admin@demo.local'`))[0]
        .id;
      // Other administrators from earlier tests would make this one not the last: there are none yet.
      expect(
        (
          await query<{ n: number }>(
            db.url,
            `SELECT count(*)::int AS n FROM app_user WHERE role = 'ADMIN' AND is_active`,
          )
        )[0].n,
      ).toBe(1);
      const demote = await app.gql(UPDATE, { i: { id: me, role: 'PLANNER' } }, admin);
      expect(code(demote)).toBe(ErrorCode.CONFLICT);
      expect(problemCodes(demote)).toEqual(['LAST_ADMIN']);
      expect(problemCodes(await app.gql(DEACTIVATE, { i: { id: me } }, admin))).toEqual(['LAST_ADMIN']);
      // With a second administrator, the first may step down; then the second is the last one.
      const second = await member('ADMIN');
      expect(code(await app.gql(UPDATE, { i: { id: me, role: 'PLANNER' } }, second.token))).toBe('OK');
      expect(problemCodes(await app.gql(DEACTIVATE, { i: { id: second.link.user.id } }, second.token))).toEqual([
        'LAST_ADMIN',
      ]);
      // Restore the demo administrator for the other tests (its sessions were revoked by the role change).
      expect(code(await app.gql(UPDATE, { i: { id: me, role: 'ADMIN' } }, second.token))).toBe('OK');
      admin = await signIn(app, 'admin@demo.local');
    });
  });

  describe('deactivateUser', () => {
    it("ends the user's sessions at once, refuses their sign-in, and voids their unused links", async () => {
      const { link, token } = await member('OFFICER', 'TH-40');
      const reset = await app.gql<{ resetUserPassword: Link }>(RESET, { i: { id: link.user.id } }, admin);
      const again = await signIn(app, 'admin@demo.local');
      admin = again;
      expect(code(await app.gql(DEACTIVATE, { i: { id: link.user.id, reason: 'left the office' } }, admin))).toBe('OK');
      expect(code(await app.gql(ME, {}, token))).toBe(ErrorCode.UNAUTHENTICATED);
      expect(code(await app.gql(LOGIN, { i: { email: link.user.email, password: GOOD } }))).toBe(
        ErrorCode.UNAUTHENTICATED,
      );
      expect(
        problemCodes(
          await app.gql(SET_PASSWORD, {
            i: { token: reset.data!.resetUserPassword.token, newPassword: 'a brand new pass phrase' },
          }),
        ),
      ).toEqual(['LINK_NOT_VALID']);
    });
  });

  describe('resetUserPassword', () => {
    it('stops the old password and every session at once; the new link sets a new one', async () => {
      const { link, token } = await member('ANALYST');
      const res = await app.gql<{ resetUserPassword: Link }>(RESET, { i: { id: link.user.id } }, admin);
      expect(res.data?.resetUserPassword).toMatchObject({ kind: 'RESET', user: { hasPassword: false } });
      expect(code(await app.gql(ME, {}, token))).toBe(ErrorCode.UNAUTHENTICATED);
      expect(code(await app.gql(LOGIN, { i: { email: link.user.email, password: GOOD } }))).toBe(
        ErrorCode.UNAUTHENTICATED,
      );
      expect(
        code(
          await app.gql(SET_PASSWORD, {
            i: { token: res.data!.resetUserPassword.token, newPassword: 'another long pass phrase' },
          }),
        ),
      ).toBe('OK');
      expect(await signIn(app, link.user.email, 'another long pass phrase')).toBeTruthy();
    });
  });

  describe('changeOwnPassword', () => {
    it('checks the current password, signs out the other sessions and returns a working token for this one', async () => {
      const { link, token } = await member('ANALYST');
      const other = await signIn(app, link.user.email, GOOD);
      const wrong = await app.gql(
        CHANGE_OWN,
        { i: { currentPassword: 'not the password', newPassword: 'a fresh pass phrase' } },
        token,
      );
      expect(problemCodes(wrong)).toEqual(['WRONG_PASSWORD']);
      expect(
        problemCodes(await app.gql(CHANGE_OWN, { i: { currentPassword: GOOD, newPassword: GOOD } }, token)),
      ).toEqual(['PASSWORD_UNCHANGED']);
      expect(
        problemCodes(await app.gql(CHANGE_OWN, { i: { currentPassword: GOOD, newPassword: 'qwerty123456' } }, token)),
      ).toEqual(['PASSWORD_TOO_COMMON']);
      const ok = await app.gql<{ changeOwnPassword: { token: string } }>(
        CHANGE_OWN,
        { i: { currentPassword: GOOD, newPassword: 'a fresh pass phrase' } },
        token,
      );
      expect(code(ok)).toBe('OK');
      expect(code(await app.gql(ME, {}, ok.data!.changeOwnPassword.token))).toBe('OK');
      expect(code(await app.gql(ME, {}, token))).toBe(ErrorCode.UNAUTHENTICATED);
      expect(code(await app.gql(ME, {}, other))).toBe(ErrorCode.UNAUTHENTICATED);
      expect(code(await app.gql(LOGIN, { i: { email: link.user.email, password: GOOD } }))).toBe(
        ErrorCode.UNAUTHENTICATED,
      );
    });

    it('refuses an API token', async () => {
      expect(
        code(
          await app.gql(
            CHANGE_OWN,
            { i: { currentPassword: 'demo-pass-2570', newPassword: 'a fresh pass phrase' } },
            tokens.apiToken,
          ),
        ),
      ).toBe(ErrorCode.FORBIDDEN);
    });
  });

  describe('oidcSignIn', () => {
    it('is null when no identity provider is configured (the login page then shows no button)', async () => {
      expect((await app.gql('{ oidcSignIn { label } }')).data).toEqual({ oidcSignIn: null });
    });
  });

  describe('users', () => {
    it('pages by e-mail and filters by role, province and active', async () => {
      await invite('OFFICER', 'TH-10');
      await invite('OFFICER', 'TH-10');
      await invite('OFFICER', 'TH-10');
      const page1 = await app.gql<{
        users: { totalCount: number; nextCursor: string; items: Array<{ email: string; provinceCode: string }> };
      }>(USERS, { f: { role: 'OFFICER', provinceCode: 'TH-10', active: true }, first: 2 }, admin);
      expect(page1.data?.users.totalCount).toBe(3);
      expect(page1.data?.users.items).toHaveLength(2);
      const page2 = await app.gql<{ users: { nextCursor: string | null; items: Array<{ email: string }> } }>(
        USERS,
        { f: { role: 'OFFICER', provinceCode: 'TH-10' }, first: 2, after: page1.data!.users.nextCursor },
        admin,
      );
      expect(page2.data?.users.items).toHaveLength(1);
      expect(page2.data?.users.nextCursor).toBeNull();
      const all = [...page1.data!.users.items, ...page2.data!.users.items].map((u) => u.email);
      expect(all).toEqual([...all].sort());
      expect(problemCodes(await app.gql(USERS, { first: 1000 }, admin))).toEqual(['OUT_OF_RANGE']);
    });
  });

  describe('importUsers (CSV upload)', () => {
    async function upload(
      csv: string | Buffer,
      dryRun: boolean,
      token = admin,
    ): Promise<{
      status: number;
      body: Record<string, unknown> & { problems: Array<{ row: number; column: string; code: string }> };
    }> {
      const res = await fetch(`${app.baseUrl}/api/users/import?dryRun=${dryRun}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
        body: typeof csv === 'string' ? csv : new Uint8Array(csv),
      });
      return { status: res.status, body: (await res.json()) as never };
    }
    const located = (problems: Array<{ row: number; column: string; code: string }>) =>
      problems.map((p) => `${p.row}:${p.column}:${p.code}`);

    it('lists every problem by row and column in a dry run, and a commit of that file writes nothing', async () => {
      const csv = [
        'email,display name,province code,role',
        'ok1@agency.go.th,Officer One,TH-40,',
        'bad-email,Officer Two,TH-50,OFFICER',
        'OK1@agency.go.th,Same address,TH-40,',
        'admin@demo.local,Taken,,ADMIN',
        'x@agency.go.th,Unknown province,TH-99,',
        'y@agency.go.th,,TH-10,OFFICER',
        'z@agency.go.th,Bad role,TH-10,BOSS',
      ].join('\r\n');
      const before = await userCount();
      const dry = await upload(csv, true);
      expect(dry.status).toBe(200);
      expect(located(dry.body.problems)).toEqual([
        '3:email:BAD_EMAIL',
        '4:email:DUPLICATE_IN_FILE',
        '5:email:EMAIL_TAKEN',
        '6:province code:UNKNOWN_PROVINCE',
        '7:display name:REQUIRED',
        '8:role:UNKNOWN_ROLE',
      ]);
      const commit = await upload(csv, false);
      expect(commit.status).toBe(400);
      expect(commit.body.code).toBe(ErrorCode.BAD_USER_INPUT);
      expect(located(commit.body.problems)).toEqual(located(dry.body.problems));
      expect(await userCount()).toBe(before);
    });

    it('creates every account of a clean file with its invitation, all at once', async () => {
      const provinces = await query<{ code: string }>(
        db.url,
        `SELECT code FROM org_unit WHERE level = 'PROVINCE' ORDER BY code`,
      );
      expect(provinces).toHaveLength(77);
      const rows = provinces.map((p, i) => `officer${i}@province.go.th,Officer ${i},${p.code}`);
      const csv = `\uFEFFemail,display name,province code\n${rows.join('\n')}\n`;
      const before = await userCount();
      expect((await upload(csv, true)).body.problems).toEqual([]);
      const res = await upload(csv, false);
      expect(res.status).toBe(200);
      const invitations = res.body.invitations as Array<{
        row: number;
        email: string;
        role: string;
        setPasswordPath: string;
      }>;
      expect(invitations).toHaveLength(77);
      expect(invitations[0]).toMatchObject({ row: 2, email: 'officer0@province.go.th', role: 'OFFICER' });
      expect(await userCount()).toBe(before + 77);
      const token = new URLSearchParams(invitations[5].setPasswordPath.split('?')[1]).get('token');
      expect(code(await app.gql(SET_PASSWORD, { i: { token, newPassword: GOOD } }))).toBe('OK');
      // The same file again: every address is taken now, and nothing more is created.
      const again = await upload(csv, false);
      expect(again.status).toBe(400);
      expect(again.body.problems).toHaveLength(77);
      expect(await userCount()).toBe(before + 77);
    });

    it('refuses other roles, more than 2,000 rows, and more than 1 MB', async () => {
      expect((await upload('email,display name,province code\na@b.go.th,A,TH-10\n', true, tokens.planner)).status).toBe(
        403,
      );
      const many = `email,display name,province code\n${Array.from({ length: 2001 }, (_, i) => `m${i}@b.go.th,M,TH-10`).join('\n')}`;
      const tooMany = await upload(many, true);
      expect([tooMany.status, tooMany.body.problems.map((p) => p.code)]).toEqual([400, ['TOO_MANY_ROWS']]);
      const big = await upload(Buffer.alloc(1_100_000, 'a'), true);
      expect([big.status, big.body.problems.map((p) => p.code)]).toEqual([400, ['FILE_TOO_LARGE']]);
    });
  });

  describe('user:create (command line)', () => {
    function cli(args: string[], stdin: string): Promise<{ code: number | null; out: string; err: string }> {
      return new Promise((resolve) => {
        const child = spawn(process.execPath, [join(REPO_ROOT, 'backend/dist/cli.js'), 'user:create', ...args], {
          env: { PATH: process.env.PATH, NODE_ENV: 'test', DATABASE_URL: db.url },
          stdio: ['pipe', 'pipe', 'pipe'],
        });
        let out = '';
        let err = '';
        child.stdout.on('data', (c: Buffer) => (out += c.toString()));
        child.stderr.on('data', (c: Buffer) => (err += c.toString()));
        child.on('close', (exitCode) => resolve({ code: exitCode, out, err }));
        child.stdin.end(stdin);
      });
    }

    it('creates an administrator with a piped password, who can then sign in; audited as the command line', async () => {
      const r = await cli(
        ['--email', 'First.Admin@agency.go.th', '--role', 'ADMIN', '--name', 'First admin'],
        `${GOOD}\n`,
      );
      expect(r).toMatchObject({ code: 0 });
      expect(r.out).toContain('created ADMIN first.admin@agency.go.th');
      expect(r.out).not.toContain(GOOD);
      expect(await signIn(app, 'first.admin@agency.go.th', GOOD)).toBeTruthy();
      const [audit] = await query<{ user_id: string | null; new_value: { by: string } }>(
        db.url,
        `SELECT user_id, new_value FROM audit_event WHERE action = 'USER_CREATED' AND new_value->>'email' = 'first.admin@agency.go.th'`,
      );
      expect(audit).toMatchObject({ user_id: null, new_value: { by: 'cli' } });
    });

    it('prints a generated password once', async () => {
      const r = await cli(['--email', 'gen@agency.go.th', '--role', 'ANALYST', '--generate-password'], '');
      expect(r.code).toBe(0);
      const password = /password \(shown once, store it now\): (\S+)/.exec(r.out)![1];
      expect(await signIn(app, 'gen@agency.go.th', password)).toBeTruthy();
    });

    it('refuses a weak password, a taken e-mail and an officer without a province, creating nothing', async () => {
      const before = await userCount();
      // In parallel: each run loads the whole backend (seconds on a busy machine). The password rules themselves
      // are tested through setPassword above; these prove the command applies them and exits with 2.
      const runs = await Promise.all([
        cli(['--email', 'weak@agency.go.th', '--role', 'ADMIN'], 'password1234\n'),
        cli(['--email', 'ADMIN@demo.local', '--role', 'ADMIN'], `${GOOD}\n`),
        cli(['--email', 'officer@agency.go.th', '--role', 'OFFICER'], `${GOOD}\n`),
      ]);
      expect(runs.map((r) => r.code)).toEqual([2, 2, 2]);
      expect(runs[0].err).toContain('PASSWORD_TOO_COMMON');
      expect(runs[1].err).toContain('EMAIL_TAKEN');
      expect(runs[2].err).toContain('PROVINCE_REQUIRED');
      expect(await userCount()).toBe(before);
    });
  });
});
