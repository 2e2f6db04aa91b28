import { computed, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type { ApiError, ApiProblem } from '@/api/errors';
import { placeProblems } from './field-problems';
import { issuesByField, type FormIssue } from './indicator-form';

/**
 * What to show beside each field of a framework form: the form's own checks
 * (once the user has tried to save) and the server's problems of the last
 * refused save, placed by field; problems of fields the form does not show
 * come back as `general`.
 */
export function useFrameworkFieldMessages(
  issues: Ref<readonly FormIssue[]>,
  shown: Ref<boolean>,
  serverError: Ref<ApiError | null>,
  fields: readonly string[],
) {
  const { t, te } = useI18n();
  const byField = computed(() => (shown.value ? issuesByField(issues.value) : new Map<string, FormIssue[]>()));
  const placed = computed(() => placeProblems(serverError.value?.problems ?? [], fields));

  function issueText(issue: FormIssue): string {
    return issue.code === 'TEXT_TOO_LONG'
      ? t('framework.issues.TEXT_TOO_LONG', { max: issue.max })
      : t(`framework.issues.${issue.code}`);
  }

  const messages = (field: string): string[] => (byField.value.get(field) ?? []).map(issueText);
  const problems = (field: string): ApiProblem[] => placed.value.byField.get(field) ?? [];
  const invalid = (field: string): 'true' | undefined =>
    messages(field).length > 0 || problems(field).length > 0 ? 'true' : undefined;
  const problemLabel = (code: string | null | undefined): string | null =>
    code && te(`framework.problems.${code}`) ? t(`framework.problems.${code}`) : null;

  return { messages, problems, invalid, problemLabel, general: computed(() => placed.value.general) };
}
