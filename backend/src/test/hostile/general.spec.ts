import { MAX_RSS_MB, TRIVIAL_MS, record, startHostileServer, underAttack, type HostileServer } from './harness.js';

/** Attacks on the inputs every module shares: strings, dates and numbers that reach PostgreSQL. */
describe('hostile input: general', () => {
  let server: HostileServer;
  let before: string;
  beforeAll(async () => {
    server = await startHostileServer();
    before = await server.writeFingerprint();
  });
  afterAll(async () => {
    await server?.close();
  });
  afterEach(async () => {
    expect(server.alive()).toBe(true);
    expect(server.rssMb()).toBeLessThan(MAX_RSS_MB);
  });

  it('answers a trivial query while a harmless request runs (harness check)', async () => {
    const { result, ms, trivialMs } = await underAttack(server, () => server.gql('{ provinces { code } }'));
    expect(result.status).toBe(200);
    expect(trivialMs).toBeLessThan(TRIVIAL_MS);
    record('harness check', { ms, trivialMs, rssMb: server.rssMb() });
    expect(await server.writeFingerprint()).toBe(before);
  });
});
