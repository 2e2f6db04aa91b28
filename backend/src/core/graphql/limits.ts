import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type DocumentNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { validationAbortedError } from 'graphql/validation/validationAbortedError.js';

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
  /**
   * The same response name in one selection (inline fragments included): `{ provinces {…} provinces {…} … }`
   * makes graphql-js compare every pair (OverlappingFieldsCanBeMerged), 0.7 s of CPU for 250 copies.
   */
  maxRepeatedField: 10,
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
/** The largest count of one response name among the fields of a selection set, inline fragments flattened in. */
function mostRepeated(set: SelectionSetNode): { name: string; count: number } {
  const counts = new Map<string, number>();
  const collect = (s: SelectionSetNode) => {
    for (const sel of s.selections) {
      if (sel.kind === Kind.FIELD) {
        const name = sel.alias?.value ?? sel.name.value;
        counts.set(name, (counts.get(name) ?? 0) + 1);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) collect(sel.selectionSet);
    }
  };
  collect(set);
  let most = { name: '', count: 0 };
  for (const [name, count] of counts) if (count > most.count) most = { name, count };
  return most;
}

/**
 * Refuses a field repeated more than LIMITS.maxRepeatedField times in one selection, and stops validation there:
 * it runs on the Document, before any other rule visits a selection set, so graphql-js never starts comparing
 * the copies pair by pair. Linear: each selection set is counted once (an inline fragment's with its parent's).
 */
export function repeatedFieldsRule(context: ValidationContext): ASTVisitor {
  return {
    Document(document: DocumentNode) {
      const scopes: SelectionSetNode[] = [];
      const walk = (set: SelectionSetNode, isScope: boolean) => {
        if (isScope) scopes.push(set);
        for (const sel of set.selections) {
          if (sel.kind === Kind.FIELD && sel.selectionSet) walk(sel.selectionSet, true);
          else if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.selectionSet, false);
        }
      };
      for (const d of document.definitions) {
        if (d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION) walk(d.selectionSet, true);
      }
      for (const set of scopes) {
        const { name, count } = mostRepeated(set);
        if (count > LIMITS.maxRepeatedField) {
          context.reportError(
            new LimitError(
              `"${name}" is asked for ${count} times in one selection; the limit is ${LIMITS.maxRepeatedField}: ask for it once`,
              'maxRepeatedField',
            ),
          );
          // graphql-js's own way to stop a validation whose work would grow out of bounds (the other rules' errors
          // would follow from the same copies).
          if (validationAbortedError) throw validationAbortedError;
          return false;
        }
      }
      return undefined;
    },
  };
}

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
  const protection = armor.protect();
  return { ...protection, validationRules: [repeatedFieldsRule, ...protection.validationRules] };
}
