import { ApolloServer, HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { unavailableStatusPlugin } from '../status.plugin.js';

const typeDefs = 'type Query { away: Int  fine: Int  missing: Int }';
const resolvers = {
  Query: {
    away: () => {
      throw new GraphQLError('The database is not reachable just now', { extensions: { code: 'SERVICE_UNAVAILABLE' } });
    },
    fine: () => 1,
    missing: () => {
      throw new GraphQLError('No such thing', { extensions: { code: 'NOT_FOUND' } });
    },
  },
};

async function post(server: ApolloServer, query: string) {
  const headers = new HeaderMap([['content-type', 'application/json']]);
  return server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: 'POST', headers, search: '', body: { query } },
    context: async () => ({}),
  });
}

describe('unavailableStatusPlugin', () => {
  const server = new ApolloServer({ typeDefs, resolvers, plugins: [unavailableStatusPlugin] });
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  it('answers 503 with Retry-After when the database is away and nothing could be answered', async () => {
    const res = await post(server, '{ away }');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
  });

  it('keeps 200 when part of the answer is there, or the error is another', async () => {
    expect((await post(server, '{ away fine }')).status ?? 200).toBe(200);
    expect((await post(server, '{ missing }')).status ?? 200).toBe(200);
  });
});
