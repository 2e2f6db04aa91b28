import type { Client } from '@urql/core';
import { inject, type Ref } from 'vue';

/** Where @urql/vue's plugin provides the client (its default key). */
const URQL_CLIENT_KEY = '$urql';

/**
 * The app's one GraphQL client (api/client.ts), for composables and stores
 * that send operations imperatively (mutations, reloads). Must be called in
 * a setup function, a store's setup, or app.runWithContext.
 */
export function useApiClient(): Client {
  const client = inject<Ref<Client> | undefined>(URQL_CLIENT_KEY, undefined);
  if (!client) throw new Error('No GraphQL client: install @urql/vue with createApiClient() first');
  return client.value;
}
