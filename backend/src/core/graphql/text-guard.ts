import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, visit, type DocumentNode } from 'graphql';

/**
 * PostgreSQL text cannot hold NUL, and a lone UTF-16 surrogate is not a character at all (it would be stored as
 * U+FFFD, silently changing what was sent). Both are refused where they enter: any string of the variables or of
 * the document, before a resolver runs, naming where it was found.
 */
const BAD_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Deeper than any input of the API; a deeper value is refused rather than walked. */
const MAX_INPUT_DEPTH = 12;

export type BadText = { path: string; reason: 'NUL' | 'SURROGATE' | 'TOO_DEEP' };

export function findBadText(value: unknown, path: string, depth = 0): BadText | null {
  if (typeof value === 'string') {
    const m = BAD_TEXT.exec(value);
    return m ? { path, reason: m[0] === '\u0000' ? 'NUL' : 'SURROGATE' } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (depth > MAX_INPUT_DEPTH) return { path, reason: 'TOO_DEEP' };
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const bad =
      findBadText(k, path, depth + 1) ??
      findBadText(v, Array.isArray(value) ? `${path}[${k}]` : `${path}.${k}`, depth + 1);
    if (bad) return bad;
  }
  return null;
}

function inDocument(document: DocumentNode): BadText | null {
  let found: BadText | null = null;
  visit(document, {
    StringValue(node) {
      if (!found && BAD_TEXT.test(node.value))
        found = {
          path: `query (line ${node.loc?.startToken.line ?? '?'})`,
          reason: BAD_TEXT.exec(node.value)![0] === '\u0000' ? 'NUL' : 'SURROGATE',
        };
    },
  });
  return found;
}

export function badTextError(bad: BadText): GraphQLError {
  const what =
    bad.reason === 'NUL'
      ? 'holds a NUL character (U+0000), which text cannot store'
      : bad.reason === 'SURROGATE'
        ? 'holds a lone UTF-16 surrogate, which is not a character: send valid UTF-8 text'
        : `is nested more than ${MAX_INPUT_DEPTH} levels deep`;
  return new GraphQLError(`${bad.path} ${what}`, {
    extensions: { code: 'BAD_USER_INPUT', field: bad.path, http: { status: 400 } },
  });
}

/** Refuses NUL and lone surrogates in variables and string literals before execution. */
export const textGuardPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        const bad = findBadText(request.variables ?? {}, 'variables') ?? (document ? inDocument(document) : null);
        if (bad) throw badTextError(bad);
      },
    };
  },
};
