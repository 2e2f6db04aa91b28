import { computed, ref } from 'vue';
import type { ApiError } from '@/api/errors';
import { MIN_PASSWORD_LENGTH } from '@/api/users';

/**
 * A new password typed twice: the form's own checks (length, the two the
 * same) before anything is sent, and the server's problems after. The server
 * alone decides what is acceptable (common passwords, the e-mail…).
 */
export function usePasswordForm() {
  const password = ref('');
  const confirm = ref('');
  const tried = ref(false);
  const error = ref<ApiError | null>(null);
  const tooShort = computed(() => password.value.length < MIN_PASSWORD_LENGTH);
  const mismatch = computed(() => confirm.value !== password.value);
  const localOk = computed(() => !tooShort.value && !mismatch.value);
  const problemsOf = (field: string) => error.value?.problems.filter((p) => p.field === field) ?? [];
  return { password, confirm, tried, error, tooShort, mismatch, localOk, problemsOf };
}
