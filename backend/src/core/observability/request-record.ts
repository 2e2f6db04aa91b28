import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage } from 'node:http';

/** What the request's log line and metrics say about it, filled in as the request is served. */
export interface RequestRecord {
  id: string;
  startedAt: number;
  method: string;
  /** The path and query, with token-bearing parameters removed. */
  path: string;
  route: RouteClass;
  userId?: string;
  role?: string;
  operationName?: string | null;
  operationType?: string;
  errorCodes: Set<string>;
  /** Refused because the server is shutting down: expected, so not an error line. */
  refusedWhileDraining?: boolean;
}

export type RouteClass = 'graphql' | 'import' | 'export' | 'api' | 'health' | 'metrics' | 'explorer' | 'static';

const records = new WeakMap<IncomingMessage, RequestRecord>();
const storage = new AsyncLocalStorage<RequestRecord>();

export function recordOf(req: IncomingMessage | undefined): RequestRecord | undefined {
  return req ? records.get(req) : undefined;
}

/** Serves `next` with the record as the current request: log lines written meanwhile carry its id. */
export function withRecord(req: IncomingMessage, record: RequestRecord, next: () => void): void {
  records.set(req, record);
  storage.run(record, next);
}

export function currentRequest(): RequestRecord | undefined {
  return storage.getStore();
}

/** Who is calling, for the request's log line: set where a request's credentials are resolved. */
export function noteActor(req: IncomingMessage | undefined, actor: { userId: string; role: string } | null): void {
  const record = recordOf(req);
  if (record && actor) {
    record.userId = actor.userId;
    record.role = actor.role;
  }
}

const CODE = /^[A-Z][A-Z0-9_]{0,47}$/;

/** Error codes of an answer: `{ code }` (file endpoints) or GraphQL's `{ errors: [{ extensions: { code } }] }`. */
export function noteErrorCodes(record: RequestRecord, body: unknown): void {
  if (body === null || typeof body !== 'object') return;
  const { code, errors } = body as { code?: unknown; errors?: unknown };
  if (typeof code === 'string' && CODE.test(code)) record.errorCodes.add(code);
  if (!Array.isArray(errors)) return;
  for (const e of errors.slice(0, 20)) {
    const c = (e as { extensions?: { code?: unknown } } | null)?.extensions?.code;
    if (typeof c === 'string' && CODE.test(c)) record.errorCodes.add(c);
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** A caller's X-Request-Id is kept when it is a sane token, so that its id follows the request through proxies. */
export function acceptedRequestId(header: string | string[] | undefined): string | null {
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : null;
}

/** Query parameters that may carry a credential: never logged. */
const SECRET_PARAMS = /^(token|access_token|api_key|apikey|key|password|secret|code)$/i;
const MAX_PATH = 512;

export function loggablePath(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url.slice(0, MAX_PATH);
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(url.slice(q + 1));
  } catch {
    return url.slice(0, q).slice(0, MAX_PATH);
  }
  for (const name of [...params.keys()]) if (SECRET_PARAMS.test(name)) params.delete(name);
  const query = params.toString();
  return (url.slice(0, q) + (query ? `?${query}` : '')).slice(0, MAX_PATH);
}

export function routeClassOf(path: string, method: string): RouteClass {
  if (path === '/graphql' || path.startsWith('/graphql/') || path.startsWith('/graphql?')) return 'graphql';
  if (path.startsWith('/api/')) {
    if (path.startsWith('/api/imports') && method === 'POST') return 'import';
    if (path.startsWith('/api/export')) return 'export';
    return 'api';
  }
  if (path === '/health' || path.startsWith('/health/') || path.startsWith('/health?')) return 'health';
  if (path === '/metrics' || path.startsWith('/metrics?')) return 'metrics';
  if (path.startsWith('/explorer')) return 'explorer';
  return 'static';
}
