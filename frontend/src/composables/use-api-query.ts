import { useQuery, type AnyVariables, type RequestPolicy, type TypedDocumentNode } from '@urql/vue';
import { computed, type ComputedRef, type Ref } from 'vue';
import { toApiError, type ApiError } from '@/api/errors';

export interface ApiQueryState<Data> {
  data: Ref<Data | undefined>;
  loading: ComputedRef<boolean>;
  error: ComputedRef<ApiError | null>;
  /** Re-fetches from the network, bypassing the cache. */
  refresh: () => void;
}

export interface ApiQueryArgs<Data, Variables extends AnyVariables> {
  /** A getter when the document itself depends on state (aliased queries built per scope). */
  query: TypedDocumentNode<Data, Variables> | (() => TypedDocumentNode<Data, Variables>);
  variables?: Variables | (() => Variables);
  pause?: () => boolean;
  /** cache-first by default; pages showing data others change use cache-and-network. */
  requestPolicy?: RequestPolicy | (() => RequestPolicy);
}

/** urql's useQuery reduced to the { data, loading, error, refresh } shape of the app. */
export function useApiQuery<Data, Variables extends AnyVariables>(
  args: ApiQueryArgs<Data, Variables>,
): ApiQueryState<Data> {
  // urql types `variables` as required or optional depending on the concrete
  // Variables type, which a generic wrapper cannot express; the callers' types are checked above.
  const result = useQuery<Data, Variables>({
    query: args.query,
    variables: args.variables,
    pause: args.pause,
    requestPolicy: args.requestPolicy,
  } as Parameters<typeof useQuery<Data, Variables>>[0]);
  return {
    data: result.data,
    loading: computed(() => result.fetching.value),
    error: computed(() => (result.error.value ? toApiError(result.error.value) : null)),
    refresh: () => {
      void result.executeQuery({ requestPolicy: 'network-only' });
    },
  };
}
