import {
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  getNamedType,
  getVariableValues,
  getNullableType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { FIELD_WEIGHTS, LIST_SIZES, SQL_CALL, UNKNOWN_LIST_SIZE, type ArgReader } from './cost-model.js';

export interface OperationMeasure {
  /** Estimated work: a field's weight, plus its list size times what is selected under it. */
  cost: number;
  /** __schema and __type fields, as written (a fragment spread twice counts twice). */
  introspectionFields: number;
  /** Mutation.login fields, as written. */
  loginFields: number;
}

const ZERO: OperationMeasure = { cost: 0, introspectionFields: 0, loginFields: 0 };

/**
 * Measures one operation of a validated document with the request's variables.
 *
 * Linear in the document: each fragment is measured once per page size above it (memoised), however often it is
 * spread, so `fragment F0 on Query { ...F1 ...F1 }` forty levels deep costs forty measurements, not 2^40. A
 * fragment's fields are typed by its own type condition, so the memo needs no parent type. Cycles are refused
 * by validation (NoFragmentCyclesRule) before this runs; a cycle met anyway counts as nothing.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> = {},
): OperationMeasure {
  const root = schema.getRootType(operation.operation);
  if (!root) return ZERO;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const variables = variablesOf(schema, operation, rawVariables);
  const mutationType = schema.getMutationType();
  const introspection = introspectionSizes(schema);
  const memo = new Map<string, OperationMeasure | null>();

  const fieldDef = (type: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined => {
    if (name === SchemaMetaFieldDef.name && type === root) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name && type === root) return TypeMetaFieldDef;
    return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
  };

  const argReader =
    (def: GraphQLField<unknown, unknown>, node: FieldNode): ArgReader =>
    (name) => {
      const argDef = def.args.find((a) => a.name === name);
      if (!argDef) return undefined;
      const argNode = node.arguments?.find((a) => a.name.value === name);
      const value = argNode ? valueFromAST(argNode.value, argDef.type, variables) : undefined;
      return value !== undefined ? value : argDef.defaultValue;
    };

  const listSize = (
    type: GraphQLNamedType,
    def: GraphQLField<unknown, unknown>,
    node: FieldNode,
    page: number | undefined,
  ): number => {
    const key = `${type.name}.${def.name}`;
    if (type.name.startsWith('__')) return introspection.get(key) ?? UNKNOWN_LIST_SIZE;
    const size = LIST_SIZES[key];
    if (size === undefined) return UNKNOWN_LIST_SIZE;
    const n = typeof size === 'number' ? size : size(argReader(def, node), page);
    return Number.isFinite(n) && n > 0 ? n : 0;
  };

  const measureSet = (set: SelectionSetNode, type: GraphQLNamedType, page: number | undefined): OperationMeasure => {
    let cost = 0;
    let introspectionFields = 0;
    let loginFields = 0;
    for (const sel of set.selections) {
      let inner: OperationMeasure;
      if (sel.kind === Kind.FIELD) {
        const name = sel.name.value;
        if (name === '__typename') continue;
        const def = fieldDef(type, name);
        if (!def) continue;
        if (def === SchemaMetaFieldDef || def === TypeMetaFieldDef) introspectionFields += 1;
        if (type === mutationType && name === 'login') loginFields += 1;
        const isList = isListType(getNullableType(def.type));
        const size = isList ? listSize(type, def, sel, page) : 1;
        // A paged field's `first` is the size of the page's items one level down.
        const childPage = def.args.some((a) => a.name === 'first')
          ? intOrUndefined(argReader(def, sel)('first'))
          : undefined;
        const child = sel.selectionSet
          ? measureSet(sel.selectionSet, getNamedType(def.type), childPage)
          : { ...ZERO, cost: isList ? 1 : 0 };
        inner = {
          cost:
            (FIELD_WEIGHTS[`${type.name}.${name}`] ?? (type === root && !name.startsWith('__') ? SQL_CALL : 1)) +
            size * child.cost,
          introspectionFields: child.introspectionFields,
          loginFields: child.loginFields,
        };
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const on = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : type;
        inner = on ? measureSet(sel.selectionSet, on, page) : ZERO;
      } else {
        inner = measureFragment(sel.name.value, page);
      }
      cost += inner.cost;
      introspectionFields += inner.introspectionFields;
      loginFields += inner.loginFields;
    }
    return { cost, introspectionFields, loginFields };
  };

  const measureFragment = (name: string, page: number | undefined): OperationMeasure => {
    const key = `${name}|${page ?? ''}`;
    const known = memo.get(key);
    if (known !== undefined) return known ?? ZERO;
    const fragment = fragments.get(name);
    const on = fragment ? schema.getType(fragment.typeCondition.name.value) : undefined;
    if (!fragment || !on) return ZERO;
    memo.set(key, null);
    const measured = measureSet(fragment.selectionSet, on, page);
    memo.set(key, measured);
    return measured;
  };

  return measureSet(operation.selectionSet, root, undefined);
}

const INTROSPECTION_SIZES = new WeakMap<GraphQLSchema, Map<string, number>>();

/**
 * Sizes of the introspection lists, from the schema itself: __Schema.types is its type count, the others are
 * averages (fields per type, arguments per field…), so that the whole schema read once costs what it is.
 */
function introspectionSizes(schema: GraphQLSchema): Map<string, number> {
  const known = INTROSPECTION_SIZES.get(schema);
  if (known) return known;
  const types = Object.values(schema.getTypeMap());
  let fields = 0;
  let args = 0;
  let inputFields = 0;
  let enumValues = 0;
  let interfaces = 0;
  let possibleTypes = 0;
  for (const t of types) {
    if (isObjectType(t) || isInterfaceType(t)) {
      const own = Object.values(t.getFields());
      fields += own.length;
      for (const f of own) args += f.args.length;
      interfaces += t.getInterfaces().length;
    }
    if (isInputObjectType(t)) inputFields += Object.keys(t.getFields()).length;
    if (isEnumType(t)) enumValues += t.getValues().length;
    if (isAbstractType(t)) possibleTypes += schema.getPossibleTypes(t).length;
  }
  const directives = schema.getDirectives();
  const per = (n: number, of: number) => Math.max(1, Math.ceil(n / Math.max(1, of)));
  const sizes = new Map<string, number>([
    ['__Schema.types', types.length],
    ['__Schema.directives', directives.length],
    ['__Type.fields', per(fields, types.length)],
    ['__Type.inputFields', per(inputFields, types.length)],
    ['__Type.enumValues', per(enumValues, types.length)],
    ['__Type.interfaces', per(interfaces, types.length)],
    ['__Type.possibleTypes', per(possibleTypes, types.length)],
    ['__Field.args', per(args, fields)],
    [
      '__Directive.args',
      per(
        directives.reduce((n, d) => n + d.args.length, 0),
        directives.length,
      ),
    ],
    [
      '__Directive.locations',
      per(
        directives.reduce((n, d) => n + d.locations.length, 0),
        directives.length,
      ),
    ],
  ]);
  INTROSPECTION_SIZES.set(schema, sizes);
  return sizes;
}

function intOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, value) : undefined;
}

/** The request's variables coerced, with the operation's defaults; as given when they do not coerce (execution will refuse them). */
function variablesOf(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  raw: Record<string, unknown>,
): Record<string, unknown> {
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], raw, { maxErrors: 1 });
  return result.coerced ?? raw;
}
