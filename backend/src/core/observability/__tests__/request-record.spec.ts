import {
  acceptedRequestId,
  loggablePath,
  noteErrorCodes,
  routeClassOf,
  type RequestRecord,
} from '../request-record.js';

describe('acceptedRequestId', () => {
  it('keeps a sane caller-given id and refuses anything else', () => {
    expect(acceptedRequestId('abc-123_x.y')).toBe('abc-123_x.y');
    expect(acceptedRequestId('a'.repeat(64))).toBe('a'.repeat(64));
    for (const bad of ['a'.repeat(65), '', 'has space', 'line\nbreak', '{"json":1}', 'ไทย', undefined])
      expect(acceptedRequestId(bad)).toBeNull();
    expect(acceptedRequestId(['a', 'b'])).toBeNull();
  });
});

describe('loggablePath', () => {
  it('removes the query parameters that can carry a credential and keeps the others', () => {
    expect(loggablePath('/api/export.csv?token=abc&query=%7B+x+%7D')).toBe('/api/export.csv?query=%7B+x+%7D');
    expect(loggablePath('/x?access_token=abc')).toBe('/x');
    expect(loggablePath('/x?ACCESS_TOKEN=abc&a=1&Token=2')).toBe('/x?a=1');
    expect(loggablePath('/graphql')).toBe('/graphql');
  });

  it('bounds the length of what it logs', () => {
    expect(loggablePath(`/${'a'.repeat(5000)}`)).toHaveLength(512);
  });
});

describe('routeClassOf', () => {
  it('names a handful of route classes, whatever the path', () => {
    expect(routeClassOf('/graphql', 'POST')).toBe('graphql');
    expect(routeClassOf('/api/imports?quarterCode=Q', 'POST')).toBe('import');
    expect(routeClassOf('/api/export.csv?query=x', 'GET')).toBe('export');
    expect(routeClassOf('/api/reports/TH-40/FY2570Q1/template.xlsx', 'GET')).toBe('api');
    expect(routeClassOf('/health/ready', 'GET')).toBe('health');
    expect(routeClassOf('/metrics', 'GET')).toBe('metrics');
    expect(routeClassOf('/explorer/assets/x.js', 'GET')).toBe('explorer');
    expect(routeClassOf('/any/thing/at/all', 'GET')).toBe('static');
  });
});

describe('noteErrorCodes', () => {
  it('reads the codes of GraphQL errors and of the file endpoints’ answers, and nothing odd', () => {
    const record = { errorCodes: new Set<string>() } as RequestRecord;
    noteErrorCodes(record, {
      errors: [{ extensions: { code: 'FORBIDDEN' } }, { extensions: { code: 'not a code' } }, null],
    });
    noteErrorCodes(record, { code: 'BAD_USER_INPUT', message: 'x' });
    noteErrorCodes(record, 'text');
    expect([...record.errorCodes]).toEqual(['FORBIDDEN', 'BAD_USER_INPUT']);
  });
});
