import { computed, ref } from 'vue';
import type { UserRole } from '@/api/auth';
import { toApiError, type ApiError } from '@/api/errors';
import {
  CreateUserMutation,
  ResetUserPasswordMutation,
  UpdateUserMutation,
  USERS_PAGE_SIZE,
  UsersQuery,
  type CreateUserInput,
  type PasswordLink,
  type UpdateUserInput,
  type UserAccount,
} from '@/api/users';
import { useApiClient } from './use-api-client';
import { useApiQuery } from './use-api-query';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ApiError };

const UNKNOWN: ApiError = { code: 'UNKNOWN', messageKey: 'errors.UNKNOWN', detail: 'no data', problems: [] };

/** The list's filters as the form holds them: '' means "any". */
export interface UserListFilters {
  role: UserRole | '';
  provinceCode: string;
  active: 'true' | 'false' | '';
  search: string;
}

/** Accounts for administrators: a filtered, paged list and the mutations that change it. */
export function useUsers() {
  const client = useApiClient();
  const filters = ref<UserListFilters>({ role: '', provinceCode: '', active: 'true', search: '' });
  /** Cursors of the pages before the current one (the first page has none). */
  const cursors = ref<Array<string | null>>([null]);
  const page = computed(() => cursors.value.length - 1);
  const list = useApiQuery({
    query: UsersQuery,
    variables: () => ({
      filter: {
        role: filters.value.role || null,
        provinceCode: filters.value.provinceCode || null,
        active: filters.value.active === '' ? null : filters.value.active === 'true',
        search: filters.value.search.trim() || null,
      },
      first: USERS_PAGE_SIZE,
      after: cursors.value.at(-1) ?? null,
    }),
    requestPolicy: 'cache-and-network',
  });
  const items = computed<UserAccount[]>(() => list.data.value?.users.items ?? []);
  const totalCount = computed(() => list.data.value?.users.totalCount ?? 0);
  const busy = ref(false);

  function applyFilters(next: UserListFilters): void {
    filters.value = { ...next };
    cursors.value = [null];
  }
  function nextPage(): void {
    const cursor = list.data.value?.users.nextCursor;
    if (cursor) cursors.value = [...cursors.value, cursor];
  }
  function previousPage(): void {
    if (cursors.value.length > 1) cursors.value = cursors.value.slice(0, -1);
  }

  async function run<T>(
    send: () => Promise<{ data?: T; error?: Parameters<typeof toApiError>[0] }>,
  ): Promise<Outcome<T>> {
    busy.value = true;
    const res = await send();
    busy.value = false;
    if (!res.data) return { ok: false, error: res.error ? toApiError(res.error) : UNKNOWN };
    list.refresh();
    return { ok: true, value: res.data };
  }

  const create = async (input: CreateUserInput): Promise<Outcome<PasswordLink>> => {
    const r = await run(() => client.mutation(CreateUserMutation, { input }).toPromise());
    return r.ok ? { ok: true, value: r.value.createUser } : r;
  };
  const update = async (input: UpdateUserInput): Promise<Outcome<UserAccount>> => {
    const r = await run(() => client.mutation(UpdateUserMutation, { input }).toPromise());
    return r.ok ? { ok: true, value: r.value.updateUser } : r;
  };
  const resetPassword = async (id: string, reason: string | null): Promise<Outcome<PasswordLink>> => {
    const r = await run(() => client.mutation(ResetUserPasswordMutation, { input: { id, reason } }).toPromise());
    return r.ok ? { ok: true, value: r.value.resetUserPassword } : r;
  };

  return {
    ...list,
    items,
    totalCount,
    filters,
    page,
    hasNext: computed(() => Boolean(list.data.value?.users.nextCursor)),
    busy,
    applyFilters,
    nextPage,
    previousPage,
    create,
    update,
    resetPassword,
  };
}
