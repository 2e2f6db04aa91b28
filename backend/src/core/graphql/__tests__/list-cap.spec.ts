import { graphql } from 'graphql';
import { makeSchema } from './schema-fixture.js';
import { capListResults } from '../list-cap.js';

describe('capListResults', () => {
  const schema = capListResults(
    makeSchema({
      regions: () => Array.from({ length: 6 }, (_, i) => ({ code: `R${i}` })),
      slow: async () => Array.from({ length: 4 }, (_, i) => ({ code: `S${i}` })),
    }),
    5,
  );

  it('refuses a list longer than the cap with RESULT_TOO_LARGE, sync or async', async () => {
    const sync = await graphql({ schema, source: '{ regions { code } }' });
    expect(sync.errors?.[0].extensions.code).toBe('RESULT_TOO_LARGE');
    expect(sync.errors?.[0].message).toContain('Query.regions');
  });

  it('passes lists within the cap untouched', async () => {
    const ok = await graphql({ schema, source: '{ slow { code } }' });
    expect(ok.errors).toBeUndefined();
    expect(ok.data).toEqual({ slow: [{ code: 'S0' }, { code: 'S1' }, { code: 'S2' }, { code: 'S3' }] });
  });
});
