import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { User } from '@/api/auth';
import type { Province } from '@/api/types';
import { invitationsCsv, type PasswordLink, type UserAccount } from '@/api/users';
import { routeAccess, routes } from '@/router';
import { useAuthStore } from '@/stores/auth';
import { appPlugins, type GraphqlAnswers } from '@/test-support/plugins';
import UsersPage from '../index.vue';
import UsersImport from '../users-import.vue';

const PROVINCES: Province[] = [
  {
    code: 'TH-10',
    nameTh: 'กรุงเทพมหานคร',
    nameEn: 'Bangkok',
    geoName: 'Bangkok',
    region: { code: 'CENTRAL', nameTh: 'ภาคกลาง', nameEn: 'Central' },
  },
  {
    code: 'TH-40',
    nameTh: 'ขอนแก่น',
    nameEn: 'Khon Kaen',
    geoName: 'Khon Kaen',
    region: { code: 'NORTHEAST', nameTh: 'ภาคตะวันออกเฉียงเหนือ', nameEn: 'Northeast' },
  },
];

function account(overrides: Partial<UserAccount> = {}): UserAccount {
  return {
    id: 'a1',
    email: 'somchai@khonkaen.go.th',
    displayName: 'Somchai',
    role: 'OFFICER',
    provinceCode: 'TH-40',
    active: true,
    isDemo: false,
    hasPassword: true,
    oidcLinked: false,
    createdAt: '2026-11-20T03:00:00Z',
    ...overrides,
  };
}

const refused = (code: string, problems: unknown[] = []) => ({
  data: null,
  errors: [{ message: 'refused', extensions: { code, problems } }],
});
const TOKEN = 'Zm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9v';

async function mountPage(answers: GraphqlAnswers = {}) {
  const { pinia, urqlPlugin, i18n, fetch } = appPlugins({
    locale: 'en',
    answers: {
      Shell: { data: { provinces: PROVINCES } },
      Users: () => ({
        data: {
          users: {
            items: [
              account(),
              account({ id: 'a2', email: 'old@agency.go.th', role: 'PLANNER', provinceCode: null, active: false }),
            ],
            totalCount: 2,
            nextCursor: null,
          },
        },
      }),
      ...answers,
    },
  });
  const wrapper = mount(UsersPage, { global: { plugins: [pinia, urqlPlugin, i18n] }, attachTo: document.body });
  useAuthStore().user = { id: 'admin', email: 'admin@demo.local', role: 'ADMIN', provinceCode: null, readOnly: false };
  await flushPromises();
  return { wrapper, fetch };
}

const sent = (fetch: ReturnType<typeof vi.fn>, operation: string) =>
  fetch.mock.calls
    .map((c) => JSON.parse(String((c[1] as RequestInit).body)))
    .filter((b) => typeof b.query === 'string' && b.query.includes(`${operation}(`));

afterEach(() => {
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

describe('users page', () => {
  it('lists the accounts with their role, province and state', async () => {
    const { wrapper } = await mountPage();
    const rows = wrapper.findAll('[data-testid="users-list"] tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.text()).toContain('Provincial officer');
    expect(rows[0]!.text()).toContain('Khon Kaen');
    expect(rows[1]!.text()).toContain('Deactivated');
  });

  it('sends the chosen filters, and starts again at the first page', async () => {
    const { wrapper, fetch } = await mountPage();
    await wrapper.get('[data-testid="filter-role"]').setValue('OFFICER');
    await wrapper.get('[data-testid="filter-province"]').setValue('TH-40');
    await wrapper.get('[data-testid="filter-active"]').setValue('');
    await wrapper.get('[data-testid="user-filters"]').trigger('submit');
    await flushPromises();
    const last = sent(fetch, 'users').at(-1);
    expect(last.variables).toMatchObject({
      filter: { role: 'OFFICER', provinceCode: 'TH-40', active: null, search: null },
      after: null,
    });
  });

  it('marks missing fields without sending, then shows the invitation link once with a copy button', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    const link: PasswordLink = {
      kind: 'INVITATION',
      token: TOKEN,
      setPasswordPath: `/set-password?token=${TOKEN}`,
      expiresAt: '2026-11-24T03:00:00Z',
      user: account({ hasPassword: false }),
    };
    const { wrapper, fetch } = await mountPage({ CreateUser: { data: { createUser: link } } });
    await wrapper.get('[data-testid="open-invite"]').trigger('click');
    await wrapper.get('[data-testid="invite-form"]').trigger('submit');
    await flushPromises();
    expect(sent(fetch, 'createUser')).toHaveLength(0);
    expect(wrapper.get('[data-testid="invite-email"]').attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('[data-testid="user-province"]').attributes('aria-invalid')).toBe('true');

    await wrapper.get('[data-testid="invite-email"]').setValue('somchai@khonkaen.go.th');
    await wrapper.get('[data-testid="user-display-name"]').setValue('Somchai');
    await wrapper.get('[data-testid="user-province"]').setValue('TH-40');
    await wrapper.get('[data-testid="invite-form"]').trigger('submit');
    await flushPromises();
    expect(sent(fetch, 'createUser')[0].variables.input).toEqual({
      email: 'somchai@khonkaen.go.th',
      displayName: 'Somchai',
      role: 'OFFICER',
      provinceCode: 'TH-40',
    });
    const notice = wrapper.get('[data-testid="link-notice"]');
    expect((notice.get('[data-testid="link-url"]').element as HTMLInputElement).value).toBe(
      `${location.origin}/set-password?token=${TOKEN}`,
    );
    expect(notice.text()).toContain('sends no e-mail');
    await notice.get('[data-testid="copy-button"]').trigger('click');
    await flushPromises();
    expect(writeText).toHaveBeenCalledWith(`${location.origin}/set-password?token=${TOKEN}`);
    await wrapper.get('[data-testid="link-done"]').trigger('click');
    expect(wrapper.find('[data-testid="link-notice"]').exists()).toBe(false);
    expect(document.body.innerHTML).not.toContain(TOKEN);
  });

  it("puts the server's problem under the field it names", async () => {
    const { wrapper } = await mountPage({
      CreateUser: refused('BAD_USER_INPUT', [
        { field: 'email', code: 'EMAIL_TAKEN', message: 'An account with this e-mail exists' },
      ]),
    });
    await wrapper.get('[data-testid="open-invite"]').trigger('click');
    await wrapper.get('[data-testid="invite-email"]').setValue('admin@demo.local');
    await wrapper.get('[data-testid="user-display-name"]').setValue('Admin');
    await wrapper.get('[data-testid="user-role"]').setValue('ANALYST');
    await wrapper.get('[data-testid="invite-form"]').trigger('submit');
    await flushPromises();
    expect(wrapper.get('#invite-email-msg').text()).toContain('E-mail already has an account');
    expect(wrapper.get('[data-testid="invite-email"]').attributes('aria-invalid')).toBe('true');
  });

  it('moves an officer to another province, and says why the last administrator cannot be demoted', async () => {
    const { wrapper, fetch } = await mountPage({
      UpdateUser: (v: Record<string, unknown>) =>
        (v.input as { role: string }).role === 'PLANNER'
          ? refused('CONFLICT', [
              {
                field: 'role',
                code: 'LAST_ADMIN',
                message: 'The last active administrator cannot be demoted or deactivated',
              },
            ])
          : { data: { updateUser: account({ provinceCode: 'TH-10' }) } },
    });
    await wrapper.findAll('[data-testid="edit-user"]')[0]!.trigger('click');
    await wrapper.get('[data-testid="user-province"]').setValue('TH-10');
    await wrapper.get('[data-testid="user-reason"]').setValue('moved');
    await wrapper.get('[data-testid="edit-form"]').trigger('submit');
    await flushPromises();
    expect(sent(fetch, 'updateUser')[0].variables.input).toMatchObject({
      id: 'a1',
      role: 'OFFICER',
      provinceCode: 'TH-10',
      active: true,
      reason: 'moved',
    });
    expect(wrapper.get('[data-testid="user-saved"]').text()).toContain('somchai@khonkaen.go.th');

    await wrapper.findAll('[data-testid="edit-user"]')[0]!.trigger('click');
    await wrapper.get('[data-testid="user-role"]').setValue('PLANNER');
    await wrapper.get('[data-testid="edit-form"]').trigger('submit');
    await flushPromises();
    expect(wrapper.get('#edit-role-msg').text()).toContain('Last administrator');
  });

  it('resets a password only after a confirmation, then shows the new link', async () => {
    const link: PasswordLink = {
      kind: 'RESET',
      token: TOKEN,
      setPasswordPath: `/set-password?token=${TOKEN}`,
      expiresAt: '2026-11-24T03:00:00Z',
      user: account({ hasPassword: false }),
    };
    const { wrapper, fetch } = await mountPage({ ResetUserPassword: { data: { resetUserPassword: link } } });
    await wrapper.findAll('[data-testid="edit-user"]')[0]!.trigger('click');
    await wrapper.get('[data-testid="reset-password"]').trigger('click');
    expect(sent(fetch, 'resetUserPassword')).toHaveLength(0);
    await wrapper.get('[data-testid="reset-yes"]').trigger('click');
    await flushPromises();
    expect(sent(fetch, 'resetUserPassword')[0].variables.input).toEqual({ id: 'a1', reason: null });
    expect(wrapper.get('[data-testid="link-notice"]').text()).toContain('New set-password link');
  });
});

describe('CSV import', () => {
  function mountImport(responses: Array<{ status: number; body: unknown }>) {
    const { pinia, i18n, urqlPlugin } = appPlugins({ locale: 'en' });
    const fetch = vi.fn(async () => {
      const r = responses.shift()!;
      return new Response(JSON.stringify(r.body), {
        status: r.status,
        headers: { 'content-type': 'application/json' },
      });
    });
    vi.stubGlobal('fetch', fetch);
    const wrapper = mount(UsersImport, { global: { plugins: [pinia, urqlPlugin, i18n] }, attachTo: document.body });
    return { wrapper, fetch };
  }
  async function choose(wrapper: ReturnType<typeof mount>, text: string) {
    const input = wrapper.get('[data-testid="import-file"]');
    Object.defineProperty(input.element, 'files', { value: [new File([text], 'officers.csv', { type: 'text/csv' })] });
    await input.trigger('change');
  }

  it('lists the problems of a dry run by row and column and offers no commit', async () => {
    const { wrapper, fetch } = mountImport([
      {
        status: 200,
        body: {
          dryRun: true,
          rowCount: 2,
          problems: [
            { row: 3, column: 'province code', code: 'UNKNOWN_PROVINCE', message: 'No province has the code TH-99' },
          ],
          accounts: [],
          invitations: [],
        },
      },
    ]);
    await choose(wrapper, 'email,display name,province code\na@b.go.th,A,TH-40\nc@d.go.th,C,TH-99\n');
    await wrapper.get('[data-testid="import-check"]').trigger('click');
    await flushPromises();
    expect(String((fetch.mock.calls[0] as unknown as [string])[0])).toContain('dryRun=true');
    const cells = wrapper.findAll('[data-testid="import-problems"] tbody td').map((c) => c.text());
    expect(cells).toEqual(['3', 'province code', 'Unknown province code: No province has the code TH-99']);
    expect(wrapper.get('[data-testid="import-commit"]').attributes('disabled')).toBeDefined();
  });

  it('commits a clean file and offers the invitations as a CSV', async () => {
    const invitations = [
      {
        row: 2,
        email: 'a@b.go.th',
        displayName: 'A',
        role: 'OFFICER',
        provinceCode: 'TH-40',
        setPasswordPath: '/set-password?token=x',
        expiresAt: '2026-11-24T03:00:00Z',
      },
    ];
    const { wrapper, fetch } = mountImport([
      { status: 200, body: { dryRun: true, rowCount: 1, problems: [], accounts: [], invitations: [] } },
      { status: 200, body: { dryRun: false, rowCount: 1, problems: [], accounts: [], invitations } },
    ]);
    await choose(wrapper, 'email,display name,province code\na@b.go.th,A,TH-40\n');
    await wrapper.get('[data-testid="import-check"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="import-ready"]').text()).toContain('1 accounts ready');
    await wrapper.get('[data-testid="import-commit"]').trigger('click');
    await flushPromises();
    expect(String((fetch.mock.calls[1] as unknown as [string])[0])).toContain('dryRun=false');
    expect(wrapper.get('[data-testid="import-created"]').text()).toContain('1 accounts created');
    expect(wrapper.emitted('imported')).toHaveLength(1);
  });
});

describe('invitationsCsv', () => {
  it('writes absolute links with a BOM, and neutralises cells a spreadsheet would run as formulas', () => {
    const csv = invitationsCsv(
      [
        {
          row: 2,
          email: 'a@b.go.th',
          displayName: '=HYPERLINK("x")',
          role: 'OFFICER',
          provinceCode: 'TH-40',
          setPasswordPath: '/set-password?token=t',
          expiresAt: '2026-11-24T03:00:00Z',
        },
      ],
      'https://monitor.go.th',
    );
    expect(csv.startsWith('\uFEFFemail,display name,role,province code,invitation link,expires at\r\n')).toBe(true);
    expect(csv).toContain('a@b.go.th,"\'=HYPERLINK(""x"")",OFFICER,TH-40,https://monitor.go.th/set-password?token=t,');
  });
});

describe('account routes and the header link', () => {
  const user = (role: User['role']): User => ({
    id: 'u',
    email: 'e',
    role,
    provinceCode: role === 'OFFICER' ? 'TH-40' : null,
    readOnly: false,
  });
  const meta = (name: string) => routes.find((r) => r.name === name)!.meta ?? {};

  it('opens the users page to administrators only, the password change to anyone signed in, and the link page to all', () => {
    expect(routeAccess(meta('admin-users'), {}, user('ADMIN'))).toBe('allow');
    for (const role of ['PLANNER', 'OFFICER', 'ANALYST'] as const)
      expect(routeAccess(meta('admin-users'), {}, user(role))).toBe('forbidden');
    expect(routeAccess(meta('admin-users'), {}, null)).toBe('sign-in');
    expect(routeAccess(meta('change-password'), {}, null)).toBe('sign-in');
    expect(routeAccess(meta('change-password'), {}, user('OFFICER'))).toBe('allow');
    expect(routeAccess(meta('set-password'), {}, null)).toBe('allow');
  });
});
