import {
  defaultFieldResolver,
  getNullableType,
  isListType,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import { LimitError, RESULT_TOO_LARGE } from './limits.js';

/**
 * Refuses any list field that resolves to more than `max` items, whatever the estimate said: the cost model
 * prices lists by their usual size, this bounds the unusual one (a data set larger than the national one) before
 * its items are resolved and serialised. Wraps the resolvers of list fields only, in place.
 */
export function capListResults(schema: GraphQLSchema, max: number): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isListType(getNullableType(field.type))) continue;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      const where = `${type.name}.${field.name}`;
      const check = (value: unknown) => {
        if (Array.isArray(value) && value.length > max) {
          throw new LimitError(
            `${where} would return ${value.length.toLocaleString('en')} items; the limit is ${max.toLocaleString('en')}: narrow the request`,
            'maxListItems',
            RESULT_TOO_LARGE,
          );
        }
        return value;
      };
      field.resolve = (source, args, context, info) => {
        const result = resolve(source, args, context, info);
        return result instanceof Promise ? result.then(check) : check(result);
      };
    }
  }
  return schema;
}
