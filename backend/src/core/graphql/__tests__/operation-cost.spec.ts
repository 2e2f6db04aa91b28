import { buildSchema, getOperationAST, parse, specifiedRules, validate } from 'graphql';
import { SQL_CALL } from '../cost-model.js';
import { LIMITS, armorValidationRules } from '../limits.js';
import { measureOperation } from '../operation-cost.js';

// A slice of the real schema's shapes: a paged connection, a report's values, a cycle (region ↔ province).
const schema = buildSchema(`
  type Query {
    regions: [Region!]!
    reports(first: Int! = 100, after: String): ReportPage!
    frameworkHistory(limit: Int! = 100, offset: Int! = 0): [AuditEvent!]!
    compositeIndex(quarterCode: String): CompositeIndex!
  }
  type Mutation { login(input: LoginInput!): AuthPayload! }
  input LoginInput { email: String!, password: String! }
  type AuthPayload { token: String! }
  type Region { code: String!, provinces: [Province!]! }
  type Province { code: String!, region: Region! }
  type ReportPage { items: [Report!]!, totalCount: Int! }
  type Report { id: Int!, values(orgUnitCode: String): [DataValue!]! }
  type DataValue { value: Float }
  type AuditEvent { id: Int! }
  type CompositeIndex { provinces: [ProvinceIndex!]! }
  type ProvinceIndex { index: Float }
`);

function measure(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  return measureOperation(schema, document, getOperationAST(document)!, variables);
}

/** `query{...F0} fragment F0 on Query{...F1 ...F1} … fragment Fn on Query{regions{code}}`: 2^n expansions. */
function fragmentBomb(levels: number): string {
  let text = 'query{...F0}';
  for (let i = 0; i < levels; i++) text += ` fragment F${i} on Query{...F${i + 1} ...F${i + 1}}`;
  return `${text} fragment F${levels} on Query{regions{code}}`;
}

describe('measureOperation', () => {
  describe('fragments', () => {
    it('measures a 40-level fragment bomb in milliseconds and prices every expansion', () => {
      const t0 = performance.now();
      const m = measure(fragmentBomb(40));
      const ms = performance.now() - t0;
      expect(ms).toBeLessThan(500);
      // 2^40 copies of regions{code}: far over the limit, though measured once per fragment.
      expect(m.cost).toBeGreaterThan(2 ** 40);
      expect(m.cost).toBeGreaterThan(LIMITS.maxCost);
    });

    it('takes time in proportion to the document, not to its expansion', () => {
      const time = (levels: number) => {
        const doc = parse(fragmentBomb(levels));
        const op = getOperationAST(doc)!;
        const t0 = performance.now();
        for (let i = 0; i < 20; i++) measureOperation(schema, doc, op, {});
        return performance.now() - t0;
      };
      // Expanded, 30 levels would be 2^30 walks per measure (minutes); linear, 20 measures take milliseconds. The
      // bound is loose on purpose: this machine is shared, and only an exponential walk comes anywhere near it.
      expect(time(30)).toBeLessThan(Math.max(1_000, time(10) * 30));
    });

    it('counts a fragment spread twice twice', () => {
      expect(measure('{ ...R ...R } fragment R on Query { regions { code } }').cost).toBe(
        2 * measure('{ regions { code } }').cost,
      );
    });
  });

  describe('lists', () => {
    it("multiplies a page's items by the page's first, from a literal or the request's variables", () => {
      const small = measure('{ reports(first: 10) { items { id } } }').cost;
      const big = measure('{ reports(first: 500) { items { id } } }').cost;
      expect(big - small).toBe(490);
      expect(measure('query($n: Int!) { reports(first: $n) { items { id } } }', { n: 500 }).cost).toBe(big);
      // Through a fragment on the page type too.
      expect(measure('{ reports(first: 500) { ...P } } fragment P on ReportPage { items { id } }').cost).toBe(big);
    });

    it("uses the operation's default for a variable the request leaves out", () => {
      expect(measure('query($n: Int! = 500) { reports(first: $n) { items { id } } }').cost).toBe(
        measure('{ reports(first: 500) { items { id } } }').cost,
      );
    });

    it('prices a report by the thousands of values it holds, not by a flat factor', () => {
      const m = measure('query { reports(first: 500) { items { values { value } } } }');
      expect(m.cost).toBeGreaterThan(500 * 4_000);
      expect(m.cost).toBeGreaterThan(LIMITS.maxCost);
      expect(measure('{ reports(first: 1) { items { values(orgUnitCode: "TH-40") { value } } } }').cost).toBeLessThan(
        1_000,
      );
    });

    it('does not let a negative page size lower the cost of the rest', () => {
      const alone = measure('{ regions { provinces { region { provinces { code } } } } }').cost;
      expect(
        measure('{ reports(first: -1000000) { items { id } } regions { provinces { region { provinces { code } } } } }')
          .cost,
      ).toBeGreaterThanOrEqual(alone);
    });

    it('prices a statement per parent: a cyclic query grows with every level', () => {
      const four = measure('{ regions { provinces { region { provinces { code } } } } }').cost;
      const six = measure('{ regions { provinces { region { provinces { region { provinces { code } } } } } } }').cost;
      expect(four).toBeLessThan(LIMITS.maxCost);
      expect(six).toBeGreaterThan(LIMITS.maxCost);
      expect(measure('{ regions { code } }').cost).toBe(SQL_CALL + 6);
    });
  });

  describe('introspection and login', () => {
    it('counts __schema and __type fields, not __typename', () => {
      expect(
        measure('{ __typename a: __schema { queryType { name } } b: __type(name: "Query") { name } }')
          .introspectionFields,
      ).toBe(2);
      expect(measure('{ __typename regions { __typename } }').introspectionFields).toBe(0);
    });

    it('prices reading the whole schema once as about its size', () => {
      const m = measure('{ __schema { types { name fields { name args { name } type { name ofType { name } } } } } }');
      expect(m.cost).toBeGreaterThan(10);
      expect(m.cost).toBeLessThan(LIMITS.maxCost / 10);
    });

    it('counts login fields, aliased or spread from fragments', () => {
      expect(
        measure(
          'mutation { a: login(input: { email: "x", password: "y" }) { token } ...L ...L } fragment L on Mutation { login(input: { email: "x", password: "y" }) { token } }',
        ).loginFields,
      ).toBe(3);
    });
  });
});

describe('armorValidationRules', () => {
  const rules = armorValidationRules({ blockFieldSuggestion: false }).validationRules;
  const check = (query: string) => validate(schema, parse(query), [...specifiedRules, ...rules]);

  it('refuses a fragment bomb by its depth in milliseconds, naming the limit', () => {
    const t0 = performance.now();
    const errors = check(fragmentBomb(40));
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(errors.map((e) => e.extensions.code)).toContain('QUERY_TOO_COMPLEX');
    expect(errors[0].message).toContain(String(LIMITS.maxDepth));
  });

  it('refuses more aliases than the limit', () => {
    const query = `{ ${Array.from({ length: LIMITS.maxAliases + 1 }, (_, i) => `a${i}: regions { code }`).join(' ')} }`;
    expect(check(query).map((e) => e.extensions.code)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('refuses a field repeated past the limit and stops validation before comparing the copies', () => {
    const copies = `{ ${'regions { provinces { code } } '.repeat(150)} }`;
    const t0 = performance.now();
    const errors = check(copies);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(errors[0].message).toContain('150');
    // Through inline fragments and inside a fragment defined before the operation too.
    expect(
      check(`fragment A on Query { ${'... on Query { regions { code } } '.repeat(11)} } { ...A }`)[0].extensions.code,
    ).toBe('QUERY_TOO_COMPLEX');
    expect(check(`{ ${'regions { code } '.repeat(LIMITS.maxRepeatedField)} }`)).toEqual([]);
  });

  it('refuses a query deeper than the limit and accepts one at it', () => {
    const nest = (levels: number) =>
      `{ regions ${'{ provinces { region '.repeat(levels)}{ code }${' } }'.repeat(levels)} }`;
    expect(check(nest(4))).toEqual([]);
    expect(check(nest(5)).map((e) => e.extensions.code)).toEqual(['QUERY_TOO_COMPLEX']);
  });
});
