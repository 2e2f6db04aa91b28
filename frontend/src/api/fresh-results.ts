import { createRequest, type AnyVariables, type RequestPolicy, type TypedDocumentNode } from '@urql/core';

/**
 * Operations started by a prefetch (api/overview-prefetch.ts), by urql's
 * request key. A page that asks for one of them within a few seconds takes
 * the prefetched answer (cache-first) instead of showing it and asking the
 * server again at once (cache-and-network), which would draw every chart twice.
 */
const startedAt = new Map<number, number>();

/** How long a prefetched answer counts as fresh. */
export const PREFETCH_FRESH_MS = 10_000;

export function markPrefetched<D, V extends AnyVariables>(
  query: TypedDocumentNode<D, V>,
  variables: V,
  now = Date.now(),
): void {
  startedAt.set(createRequest(query, variables).key, now);
}

/** cache-first for a just-prefetched operation, otherwise `fallback`. */
export function freshPolicy<D, V extends AnyVariables>(
  query: TypedDocumentNode<D, V>,
  variables: V,
  fallback: RequestPolicy,
  now = Date.now(),
): RequestPolicy {
  const at = startedAt.get(createRequest(query, variables).key);
  return at !== undefined && now - at < PREFETCH_FRESH_MS ? 'cache-first' : fallback;
}
