import { ref } from 'vue';
import { toApiError, type ApiError } from '@/api/errors';
import {
  FrameworkQuery,
  SetTargetsMutation,
  TargetsQuery,
  UpsertIndicatorMutation,
  UpsertRecommendationMutation,
  type FrameworkIndicator,
  type FrameworkRecommendation,
  type IndicatorInput,
  type RecommendationInput,
  type SetTargetsInput,
  type Target,
  type TargetsVariables,
} from '@/api/framework';
import { useApiClient } from './use-api-client';
import { useApiQuery } from './use-api-query';

export type SaveOutcome<T> = { ok: true; value: T } | { ok: false; error: ApiError };

const UNKNOWN: ApiError = { code: 'UNKNOWN', messageKey: 'errors.UNKNOWN', detail: 'no data', problems: [] };

/** Indicators, data elements, sources, obstacle categories and recommendation sets: what the framework pages list and choose from. */
export function useFramework() {
  return useApiQuery({ query: FrameworkQuery, variables: {}, requestPolicy: 'cache-and-network' });
}

/** One indicator's targets for one fiscal year (every province and the nation). */
export function useTargets(variables: () => TargetsVariables | null) {
  return useApiQuery({
    query: TargetsQuery,
    variables: () => variables() ?? { indicatorCode: '', fiscalYear: 0 },
    pause: () => variables() === null,
    requestPolicy: 'network-only',
  });
}

/** The three framework writes; each answers the saved record or the error with its problems. */
export function useFrameworkWrites() {
  const client = useApiClient();
  const saving = ref(false);

  async function run<D, R>(
    send: () => Promise<{ data?: D; error?: Parameters<typeof toApiError>[0] }>,
    pick: (d: D) => R,
  ): Promise<SaveOutcome<R>> {
    saving.value = true;
    try {
      const res = await send();
      if (res.data) return { ok: true, value: pick(res.data) };
      return { ok: false, error: res.error ? toApiError(res.error) : UNKNOWN };
    } finally {
      saving.value = false;
    }
  }

  const upsertIndicator = (input: IndicatorInput): Promise<SaveOutcome<FrameworkIndicator>> =>
    run(
      () => client.mutation(UpsertIndicatorMutation, { input }).toPromise(),
      (d) => d.upsertIndicator,
    );
  const setTargets = (input: SetTargetsInput): Promise<SaveOutcome<Target[]>> =>
    run(
      () => client.mutation(SetTargetsMutation, { input }).toPromise(),
      (d) => d.setTargets,
    );
  const upsertRecommendation = (input: RecommendationInput): Promise<SaveOutcome<FrameworkRecommendation>> =>
    run(
      () => client.mutation(UpsertRecommendationMutation, { input }).toPromise(),
      (d) => d.upsertRecommendation,
    );

  return { saving, upsertIndicator, setTargets, upsertRecommendation };
}
