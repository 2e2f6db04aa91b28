import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

/** Deepest nesting a query may have: the API's deepest sensible query is about 6 levels. */
export const MAX_DEPTH = 10;
/**
 * Upper bound of the work a query may ask for: each field costs 1, times the sizes of the lists above it
 * (`first` when given, else LIST_FACTOR). Stops one request from asking for every value of every unit.
 */
export const MAX_COST = 50_000;
export const LIST_FACTOR = 20;

function limitError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

function fieldDef(parent: GraphQLOutputType, name: string): GraphQLField<unknown, unknown> | undefined {
  const t = getNamedType(parent);
  return isObjectType(t) || isInterfaceType(t) ? (t as GraphQLObjectType).getFields()[name] : undefined;
}

function listSize(node: FieldNode, variables: Record<string, unknown>): number {
  const first = node.arguments?.find((a) => a.name.value === 'first');
  if (first?.value.kind === Kind.INT) return Number(first.value.value);
  if (first?.value.kind === Kind.VARIABLE && typeof variables[first.value.name.value] === 'number') return variables[first.value.name.value] as number;
  return LIST_FACTOR;
}

/** Depth and cost of a selection set, walking fragments (each fragment at most once per path). */
function measure(
  set: SelectionSetNode,
  type: GraphQLOutputType,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  seen: Set<string>,
): { depth: number; cost: number } {
  let depth = 0;
  let cost = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      if (sel.name.value.startsWith('__')) continue;
      const def = fieldDef(type, sel.name.value);
      if (!def) continue;
      const factor = isListType(getNullableType(def.type)) ? listSize(sel, variables) : 1;
      const child = sel.selectionSet ? measure(sel.selectionSet, def.type, fragments, variables, seen) : { depth: 0, cost: 0 };
      depth = Math.max(depth, 1 + child.depth);
      cost += 1 + factor * child.cost;
    } else {
      const inner = sel.kind === Kind.INLINE_FRAGMENT ? sel.selectionSet : fragments[sel.name.value]?.selectionSet;
      if (!inner || (sel.kind === Kind.FRAGMENT_SPREAD && seen.has(sel.name.value))) continue;
      const next = sel.kind === Kind.FRAGMENT_SPREAD ? new Set([...seen, sel.name.value]) : seen;
      const child = measure(inner, type, fragments, variables, next);
      depth = Math.max(depth, child.depth);
      cost += child.cost;
    }
  }
  return { depth, cost };
}

/** A validation rule refusing queries deeper than MAX_DEPTH or costlier than MAX_COST, before any resolver runs. */
export function queryLimits(variables: () => Record<string, unknown> = () => ({})) {
  return (context: ValidationContext): ASTVisitor => ({
    Document(doc) {
      const fragments = Object.fromEntries(
        doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
      );
      for (const def of doc.definitions) {
        if (def.kind !== Kind.OPERATION_DEFINITION) continue;
        const root = context.getSchema().getRootType(def.operation);
        if (!root) continue;
        const { depth, cost } = measure(def.selectionSet, root, fragments, variables(), new Set());
        if (depth > MAX_DEPTH) context.reportError(limitError(`The query is ${depth} levels deep; the limit is ${MAX_DEPTH}`));
        if (cost > MAX_COST) context.reportError(limitError(`The query would cost about ${cost} field resolutions; the limit is ${MAX_COST}: ask for fewer fields or pages`));
      }
      return false;
    },
  });
}
