import { Kind, type DocumentNode } from 'graphql';

/** The files of frontend/src/api that hold GraphQL documents (gql`…`). */
export const API_FILES = ['analytics', 'api-tokens', 'approvals', 'auth', 'framework', 'report', 'shell', 'users'];

/**
 * The dashboard's own GraphQL documents, as the browser sends them. The path is computed so that the backend's
 * type check does not compile the frontend (its own config does); jest transforms the files on import.
 */
export async function frontendDocuments(): Promise<Array<{ name: string; document: DocumentNode }>> {
  const found: Array<{ name: string; document: DocumentNode }> = [];
  for (const file of API_FILES) {
    const path = `../../../../../frontend/src/api/${file}.ts`;
    const exports = (await import(path)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (value && typeof value === 'object' && (value as DocumentNode).kind === Kind.DOCUMENT)
        found.push({ name: `${file}.${name}`, document: value as DocumentNode });
    }
  }
  return found;
}
