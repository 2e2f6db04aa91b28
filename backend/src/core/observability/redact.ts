/**
 * Keys whose values never reach a log line, at any depth of a logged object: passwords (password, newPassword…),
 * tokens (token, apiToken, access_token…), secrets (secret, tokenSecret…), and the headers that carry them.
 * pino's own `redact` takes fixed paths (one `*` per level), so a password nested anywhere in a variables object
 * or an error's fields would slip past it: the log object is walked instead. Log objects are small and flat in
 * the usual case, and nothing is copied unless something is redacted.
 */
export const SENSITIVE_KEY = /passw|token|secret|authorization|cookie|api[-_]?key/i;
export const REDACTED = '[Redacted]';
const MAX_DEPTH = 8;

function hasSensitive(value: unknown, depth: number, seen: Set<object>): boolean {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH || ArrayBuffer.isView(value) || seen.has(value))
    return false;
  seen.add(value);
  if (Array.isArray(value)) return value.some((v) => hasSensitive(v, depth + 1, seen));
  for (const key of Object.getOwnPropertyNames(value)) {
    if (SENSITIVE_KEY.test(key)) return true;
    if (hasSensitive(readOwn(value, key), depth + 1, seen)) return true;
  }
  return false;
}

function readOwn(value: object, key: string): unknown {
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

function copy(value: unknown, depth: number, seen: Map<object, unknown>): unknown {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH || ArrayBuffer.isView(value)) return value;
  const done = seen.get(value);
  if (done) return done;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const v of value) out.push(copy(v, depth + 1, seen));
    return out;
  }
  // Errors (and other class instances) keep their prototype: pino's error serializer reads their type and stack.
  const out = Object.create(Object.getPrototypeOf(value)) as Record<string, unknown>;
  seen.set(value, out);
  for (const key of Object.getOwnPropertyNames(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    const v = SENSITIVE_KEY.test(key) ? REDACTED : copy(readOwn(value, key), depth + 1, seen);
    Object.defineProperty(out, key, {
      value: v,
      enumerable: descriptor?.enumerable ?? true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** The object itself when it holds nothing sensitive, else a copy with those values replaced. Never mutates. */
export function redactSensitive<T>(value: T): T {
  if (!hasSensitive(value, 0, new Set())) return value;
  return copy(value, 0, new Map()) as T;
}
