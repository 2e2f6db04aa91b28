import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext } from 'graphql';

/**
 * Every limit a GraphQL request meets, in one place (LIMITS.md explains them). The figures leave the dashboard's
 * own documents far inside them (frontend-documents.spec.ts runs each through these rules).
 */
export const LIMITS = {
  /** Parser: lexical tokens in a document; stops a huge document before any tree is built. */
  maxTokens: 1_000,
  /** Nesting of fields, fragments included; the deepest dashboard query is 6. */
  maxDepth: 10,
  /** Aliased fields in an operation; aliases are how one field is asked for a thousand times. */
  maxAliases: 30,
  /** Directives (@include, @skip) in an operation. */
  maxDirectives: 20,
  /** Estimated work of an operation (cost-model.ts); about one unit per field resolved. */
  maxCost: 150_000,
  /** __schema / __type fields in an operation: a schema is read once, not a thousand times. */
  maxIntrospectionFields: 1,
  /** login fields in an operation (batching is off, so also per request): one password check each. */
  maxLoginFields: 1,
  /** Items a list field may return at execution (a safety net behind the estimates). */
  maxListItems: 50_000,
  /** JSON body of /graphql (and of the other JSON endpoints), in bytes. */
  maxBodyBytes: 100 * 1024,
} as const;

/** extensions.code of a refusal by a limit (the message names the limit and the figure). */
export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';
/** extensions.code of a list longer than LIMITS.maxListItems. */
export const RESULT_TOO_LARGE = 'RESULT_TOO_LARGE';

export type LimitName = keyof typeof LIMITS;

/**
 * A request refused by a limit, before anything runs. Apollo re-codes validation-rule errors as
 * GRAPHQL_VALIDATION_FAILED; format-error.ts recognises this class and restores the code.
 */
export class LimitError extends GraphQLError {
  constructor(
    message: string,
    readonly limit: LimitName | 'introspection' | 'queriesOnly',
    readonly code: string = QUERY_TOO_COMPLEX,
    status = 400,
  ) {
    super(message, { extensions: { code, http: { status } } });
    this.name = 'LimitError';
  }
}

/** Armor's refusal, re-issued as a LimitError ("Syntax Error: Query depth limit of 10 exceeded, found 14."). */
function reject(limit: LimitName) {
  return (ctx: ValidationContext | null, error: GraphQLError) => {
    ctx?.reportError(new LimitError(error.message.replace(/^Syntax Error: /, ''), limit));
  };
}

/**
 * Depth (introspection aside: its standard query nests ofType nine deep; operation-cost.ts bounds it), aliases
 * and directives from graphql-armor: validation rules that walk each fragment once (memoised), so
 * a fragment bomb costs them no more than its text. Armor's cost rule is off (ours knows list sizes and
 * variables: operation-cost.ts), and so is its token plugin: graphql-js's own parser option maxTokens counts the
 * same tokens without a second parse, and its refusal is an ordinary GRAPHQL_PARSE_FAILED instead of an error
 * thrown from a plugin hook (which Apollo turns into a 500).
 */
export function armorValidationRules(options: { blockFieldSuggestion: boolean }) {
  const common = { exposeLimits: true, propagateOnRejection: false } as const;
  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth, ignoreIntrospection: true, ...common, onReject: [reject('maxDepth')] },
    maxAliases: { n: LIMITS.maxAliases, ...common, onReject: [reject('maxAliases')] },
    maxDirectives: { n: LIMITS.maxDirectives, ...common, onReject: [reject('maxDirectives')] },
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: options.blockFieldSuggestion },
  });
  return armor.protect();
}
