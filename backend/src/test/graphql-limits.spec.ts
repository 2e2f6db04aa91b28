import ExcelJS from 'exceljs';
import {
  Kind,
  Lexer,
  Source,
  TokenKind,
  buildClientSchema,
  getIntrospectionQuery,
  getNullableType,
  isListType,
  isObjectType,
  print,
  specifiedRules,
  validate,
  type GraphQLSchema,
  type IntrospectionQuery,
  type TypeNode,
} from 'graphql';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { LIST_SIZES } from '../core/graphql/cost-model.js';
import { LIMITS, armorValidationRules } from '../core/graphql/limits.js';
import { measureOperation } from '../core/graphql/operation-cost.js';
import { API_FILES, frontendDocuments } from '../core/graphql/__tests__/frontend-documents.js';
import { REPO_ROOT } from '../core/paths.js';
import { code } from './reporting-helpers.js';
import { createTestDatabase, query } from './test-db.js';
import { signIn, startTestApp, type TestApp } from './test-app.js';

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

const LOGIN = (email: string) => `login(input: { email: "${email}", password: "wrong-password" }) { token }`;

async function post(
  url: string,
  body: unknown,
  token?: string,
): Promise<{ status: number; body: Record<string, unknown>; text: string; headers: Headers }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // A file, not JSON.
  }
  return { status: res.status, body: parsed, text, headers: res.headers };
}

function firstCode(body: Record<string, unknown>): unknown {
  const errors = body.errors as Array<{ extensions?: { code?: string } }> | undefined;
  return errors?.[0]?.extensions?.code ?? body.code;
}

/** Everything written to stderr or console.error while fn runs. */
async function capturingErrors<T>(fn: () => Promise<T>): Promise<{ result: T; written: string }> {
  const chunks: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  const consoleError = console.error;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  console.error = (...args: unknown[]) => chunks.push(args.map(String).join(' '));
  try {
    return { result: await fn(), written: chunks.join('') };
  } finally {
    process.stderr.write = write;
    console.error = consoleError;
  }
}

describe('GraphQL limits', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: TestApp;
  let planner: string;
  let schema: GraphQLSchema;
  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db.url);
    planner = await signIn(app, 'planner@demo.local');
    const introspection = await app.gql<IntrospectionQuery>(getIntrospectionQuery(), {}, planner);
    expect(introspection.errors).toBeUndefined();
    schema = buildClientSchema(introspection.data!);
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  describe("the dashboard's own documents", () => {
    it('reads every file of frontend/src/api that holds a document', () => {
      const dir = join(REPO_ROOT, 'frontend', 'src', 'api');
      const withDocuments = readdirSync(dir)
        .filter((f) => f.endsWith('.ts') && /\bgql[`<]/.test(readFileSync(join(dir, f), 'utf8')))
        .map((f) => f.replace(/\.ts$/, ''))
        .sort();
      expect(withDocuments).toEqual([...API_FILES].sort());
    });

    it('all pass every limit, with the largest pages the API allows', async () => {
      const rules = [...specifiedRules, ...armorValidationRules({ blockFieldSuggestion: false }).validationRules];
      const documents = await frontendDocuments();
      expect(documents.length).toBeGreaterThan(20);
      const costs: Array<[string, number]> = [];
      for (const { name, document } of documents) {
        const lexer = new Lexer(new Source(print(document)));
        let tokens = 0;
        while (lexer.advance().kind !== TokenKind.EOF) tokens++;
        expect([name, tokens <= LIMITS.maxTokens]).toEqual([name, true]);
        expect([name, validate(schema, document, rules).map((e) => e.message)]).toEqual([name, []]);
        for (const op of document.definitions) {
          if (op.kind !== Kind.OPERATION_DEFINITION) continue;
          // Every Int variable at 500: the largest page (reports' first, frameworkHistory's limit) the API takes.
          const variables = Object.fromEntries(
            (op.variableDefinitions ?? [])
              .filter((v) => namedType(v.type) === 'Int')
              .map((v) => [v.variable.name.value, 500]),
          );
          const m = measureOperation(schema, document, op, variables);
          costs.push([name, m.cost]);
          expect([name, m.cost <= LIMITS.maxCost, m.introspectionFields, m.loginFields <= 1]).toEqual([
            name,
            true,
            0,
            true,
          ]);
        }
      }
      // The heaviest dashboard document leaves room under the limit.
      const heaviest = Math.max(...costs.map(([, c]) => c));
      expect(heaviest).toBeLessThan(LIMITS.maxCost / 2);
    });
  });

  it('knows the size of every list field of the schema, and of no other', () => {
    const lists: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields()))
        if (isListType(getNullableType(field.type))) lists.push(`${type.name}.${field.name}`);
    }
    expect(Object.keys(LIST_SIZES).sort()).toEqual(lists.sort());
  });

  describe('refusals, coded and naming the limit', () => {
    it('refuses a 40-level fragment bomb in milliseconds', async () => {
      let text = 'query{...F0}';
      for (let i = 0; i < 40; i++) text += ` fragment F${i} on Query{...F${i + 1} ...F${i + 1}}`;
      text += ' fragment F40 on Query{__typename}';
      const t0 = performance.now();
      const res = await app.gql(text);
      expect(performance.now() - t0).toBeLessThan(1_000);
      expect(code(res)).toBe('QUERY_TOO_COMPLEX');
    });

    it('refuses more aliases than the limit, and a flood of introspection by the parser limit', async () => {
      const aliases = `{ ${Array.from({ length: LIMITS.maxAliases + 1 }, (_, i) => `r${i}: regions { code }`).join(' ')} }`;
      const res = await app.gql(aliases);
      expect(code(res)).toBe('QUERY_TOO_COMPLEX');
      expect(res.errors![0].extensions).toMatchObject({ limit: 'maxAliases' });
      const flood = `{ ${Array.from({ length: 1000 }, (_, i) => `s${i}: __schema { types { fields { name } } }`).join(' ')} }`;
      const t0 = performance.now();
      expect(code(await app.gql(flood))).toBe('GRAPHQL_PARSE_FAILED');
      expect(performance.now() - t0).toBeLessThan(1_000);
    });

    it('reads the schema once per operation, not twice', async () => {
      const twice = await app.gql(
        '{ a: __schema { queryType { name } } b: __schema { queryType { name } } }',
        {},
        planner,
      );
      expect(code(twice)).toBe('QUERY_TOO_COMPLEX');
      expect(twice.errors![0].extensions).toMatchObject({ limit: 'maxIntrospectionFields' });
    });

    it('checks one password per request: two login fields are refused before either runs', async () => {
      const t0 = performance.now();
      const res = await app.gql(`mutation { a: ${LOGIN('planner@demo.local')} b: ${LOGIN('planner@demo.local')} }`);
      expect(code(res)).toBe('QUERY_TOO_COMPLEX');
      expect(res.errors![0].extensions).toMatchObject({ limit: 'maxLoginFields' });
      expect(performance.now() - t0).toBeLessThan(500);
      const spread = await app.gql(
        `mutation { ...L ...M } fragment L on Mutation { ${LOGIN('a@b.c')} } fragment M on Mutation { other: ${LOGIN('a@b.c')} }`,
      );
      expect(code(spread)).toBe('QUERY_TOO_COMPLEX');
      expect(code(await app.gql(`mutation { ${LOGIN('planner@demo.local')} }`))).toBe('UNAUTHENTICATED');
    });

    it("prices a page of reports by its first and a report by its values, from the request's variables", async () => {
      const page = 'query($n: Int!) { reports(first: $n) { items { id values { value } } } }';
      const big = await app.gql(page, { n: 500 }, planner);
      expect(code(big)).toBe('QUERY_TOO_COMPLEX');
      expect(big.errors![0].extensions).toMatchObject({ limit: 'maxCost' });
      expect(code(await app.gql(page, { n: 2 }, planner))).toBe('OK');
      expect(code(await app.gql('{ reports(first: 500) { items { id status } } }', {}, planner))).toBe('OK');
    });

    it('refuses a cyclic query once it multiplies statements, and answers a shallow one', async () => {
      expect(
        code(await app.gql('{ regions { provinces { region { provinces { region { provinces { code } } } } } } }')),
      ).toBe('QUERY_TOO_COMPLEX');
      expect(code(await app.gql('{ regions { provinces { region { provinces { code } } } } }'))).toBe('OK');
    });
  });

  describe('introspection', () => {
    it('is open to anonymous callers outside production (GRAPHQL_INTROSPECTION=public)', async () => {
      expect(code(await app.gql('{ __schema { queryType { name } } }'))).toBe('OK');
    });

    it('asks for a token when GRAPHQL_INTROSPECTION=signed-in (the production default)', async () => {
      const closed = await startTestApp(db.url, { GRAPHQL_INTROSPECTION: 'signed-in' });
      try {
        expect(code(await closed.gql('{ __schema { queryType { name } } }'))).toBe('UNAUTHENTICATED');
        expect(code(await closed.gql('{ __type(name: "Query") { name } }'))).toBe('UNAUTHENTICATED');
        expect(code(await closed.gql('{ __typename regions { code } }'))).toBe('OK');
        const token = await signIn(closed, 'analyst@demo.local');
        expect(code(await closed.gql(getIntrospectionQuery(), {}, token))).toBe('OK');
        // Field suggestions would spell the schema out: they are masked.
        const typo = await closed.gql('{ regionz { code } }');
        expect(code(typo)).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(typo.errors![0].message).not.toMatch(/regions/);
      } finally {
        await closed.close();
      }
    });
  });

  describe('the HTTP edge of /graphql', () => {
    const url = () => `${app.baseUrl}/graphql`;
    const cases: Array<[string, () => Promise<Response>, number, string]> = [
      ['a plain GET', () => fetch(url()), 400, 'BAD_REQUEST'],
      [
        'a GET with a query but no preflight header',
        () => fetch(`${url()}?query=${encodeURIComponent('{ regions { code } }')}`),
        400,
        'BAD_REQUEST',
      ],
      [
        'a text/plain POST',
        () =>
          fetch(url(), {
            method: 'POST',
            headers: { 'content-type': 'text/plain' },
            body: '{"query":"{ regions { code } }"}',
          }),
        400,
        'BAD_REQUEST',
      ],
      [
        'a batched array',
        () =>
          fetch(url(), {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '[{"query":"{ regions { code } }"},{"query":"{ regions { code } }"}]',
          }),
        400,
        'BAD_REQUEST',
      ],
      [
        'an empty body',
        () => fetch(url(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '' }),
        400,
        'BAD_REQUEST',
      ],
      [
        'an empty object',
        () => fetch(url(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
        400,
        'BAD_REQUEST',
      ],
      [
        'variables as a string',
        () =>
          fetch(url(), {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{"query":"{ regions { code } }","variables":"{}"}',
          }),
        400,
        'BAD_REQUEST',
      ],
      [
        'broken JSON',
        () => fetch(url(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":' }),
        400,
        'BAD_REQUEST',
      ],
      [
        'multipart',
        () => {
          const form = new FormData();
          form.set('operations', '{"query":"{ regions { code } }"}');
          return fetch(url(), { method: 'POST', body: form });
        },
        400,
        'BAD_REQUEST',
      ],
      [
        'PUT',
        () =>
          fetch(url(), {
            method: 'PUT',
            headers: { 'content-type': 'application/json' },
            body: '{"query":"{ regions { code } }"}',
          }),
        405,
        'BAD_REQUEST',
      ],
      [
        'a body over the limit',
        () =>
          fetch(url(), {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: '{ regions { code } }', pad: 'x'.repeat(LIMITS.maxBodyBytes) }),
          }),
        413,
        'PAYLOAD_TOO_LARGE',
      ],
    ];
    it.each(cases)('answers %s with a coded 4xx and logs nothing', async (_name, send, status, expected) => {
      const { result, written } = await capturingErrors(async () => {
        const res = await send();
        return { status: res.status, body: (await res.json()) as Record<string, unknown> };
      });
      expect(result.status).toBe(status);
      expect(firstCode(result.body)).toBe(expected);
      expect(written).toBe('');
    });

    it('explains the preflight rule to a browser that opens /graphql', async () => {
      const res = await fetch(url());
      const body = (await res.json()) as { errors: Array<{ message: string }> };
      expect(body.errors[0].message).toMatch(/apollo-require-preflight/);
    });

    it('answers a GET that sends the preflight header', async () => {
      const res = await fetch(`${url()}?query=${encodeURIComponent('{ regions { code } }')}`, {
        headers: { 'apollo-require-preflight': 'true' },
      });
      expect(res.status).toBe(200);
    });
  });

  describe('the export endpoint: the same path as /graphql', () => {
    const exportUrl = (format = 'csv') => `${app.baseUrl}/api/export.${format}`;

    it('refuses a cyclic query by the same cost limit, before running it', async () => {
      const t0 = performance.now();
      const res = await post(exportUrl(), {
        query: '{ regions { provinces { region { provinces { region { provinces { region { code } } } } } } } }',
      });
      expect(performance.now() - t0).toBeLessThan(1_000);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('QUERY_TOO_COMPLEX');
    });

    it('runs queries only: no mutation gets through, however it is written', async () => {
      const analyst = await signIn(app, 'analyst@demo.local');
      const before = await query<{ n: number }>(db.url, 'SELECT count(*)::int AS n FROM api_token');
      const create = 'mutation { createApiToken(input: { name: "smuggled" }) { token } }';
      const attempts: Array<[Record<string, unknown>, string]> = [
        [{ query: create }, 'BAD_USER_INPUT'],
        [{ query: `#x\n${create}` }, 'BAD_USER_INPUT'],
        [{ query: `{ regions { code } } ,${create}` }, 'GRAPHQL_VALIDATION_FAILED'],
        [
          { query: `query A { regions { code } } mutation B ${create.slice('mutation '.length)}`, operationName: 'B' },
          'BAD_USER_INPUT',
        ],
      ];
      for (const [body, expected] of attempts) {
        const res = await post(exportUrl(), body, analyst);
        expect([body.query, res.status, res.body.code]).toEqual([body.query, 400, expected]);
      }
      const get = await fetch(`${exportUrl()}?query=${encodeURIComponent(create)}`, {
        headers: { authorization: `Bearer ${analyst}` },
      });
      expect(get.status).toBe(400);
      expect(await query<{ n: number }>(db.url, 'SELECT count(*)::int AS n FROM api_token')).toEqual(before);
    });

    it('refuses variables that are not an object, coded', async () => {
      const res = await post(exportUrl(), { query: `{ regions { code } }`, variables: 'not an object' });
      expect([res.status, res.body.code]).toEqual([400, 'BAD_USER_INPUT']);
    });

    it('streams the CSV with its formula guard and the XLSX row by row', async () => {
      const csv = await post(exportUrl(), { query: '{ regions { code nameEn provinceCount } }', path: 'regions' });
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
      expect(
        csv.text
          .replace(/^\uFEFF/, '')
          .split('\r\n')
          .slice(0, 2),
      ).toEqual(['code,nameEn,provinceCount', 'NORTH,North,9']);
      const xlsx = await fetch(exportUrl('xlsx'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ regions { code provinceCount } }' }),
      });
      expect(xlsx.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
      const sheet = wb.getWorksheet('export')!;
      expect(sheet.getRow(1).values).toEqual([undefined, 'code', 'provinceCount']);
      expect(sheet.getRow(2).values).toEqual([undefined, 'NORTH', 9]);
      expect(sheet.rowCount).toBe(7);
    });
  });

  describe('statement timeout', () => {
    it('stops a statement that runs too long and answers TIMEOUT, on /graphql and on the export', async () => {
      const slow = await startTestApp(db.url, { API_STATEMENT_TIMEOUT_MS: '300' });
      // Another session holds the table the query reads: the statement waits until statement_timeout stops it.
      const blocker = new pg.Client({ connectionString: db.url });
      await blocker.connect();
      try {
        await blocker.query('BEGIN');
        await blocker.query('LOCK TABLE org_unit IN ACCESS EXCLUSIVE MODE');
        const t0 = performance.now();
        const res = await slow.gql('{ regions { code } }');
        expect(code(res)).toBe('TIMEOUT');
        expect(performance.now() - t0).toBeLessThan(3_000);
        const exported = await post(`${slow.baseUrl}/api/export.csv`, { query: '{ regions { code } }' });
        expect([exported.status, exported.body.code]).toEqual([503, 'TIMEOUT']);
      } finally {
        await blocker.query('ROLLBACK');
        await blocker.end();
        await slow.close();
      }
    });
  });
});
