import {
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  type GraphQLFieldResolver,
} from 'graphql';

/** A small executable schema: Query.regions and Query.slow, lists of { code }, with the given resolvers. */
export function makeSchema(
  resolvers: Record<'regions' | 'slow', GraphQLFieldResolver<unknown, unknown>>,
): GraphQLSchema {
  const Region = new GraphQLObjectType({
    name: 'Region',
    fields: { code: { type: new GraphQLNonNull(GraphQLString) } },
  });
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        regions: { type: new GraphQLNonNull(new GraphQLList(Region)), resolve: resolvers.regions },
        slow: { type: new GraphQLList(Region), resolve: resolvers.slow },
      },
    }),
  });
}
