import { createLogger, NestLogger, prettyLine } from '../logger.js';
import { REDACTED, redactSensitive } from '../redact.js';

/** The harness's check that a server log holds no multi-line stack trace (test/hostile/*.spec.ts). */
const STACK_LINE = /\n\s+at /;

function collect(level: 'info' | 'debug' = 'info') {
  const lines: string[] = [];
  const log = createLogger({ level, format: 'json', destination: { write: (s: string) => void lines.push(s) } });
  return { log, lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('redactSensitive', () => {
  it('replaces passwords, tokens and secrets at any depth, in arrays too', () => {
    const input = {
      operation: 'ChangePassword',
      variables: { input: { password: 'p1', newPassword: 'p2', profile: [{ apiToken: 't1' }, { name: 'kept' }] } },
      headers: { authorization: 'Bearer t2', cookie: 'sid=t3', 'content-type': 'application/json' },
      config: { tokenSecret: 's1', access_token: 't4' },
    };
    const out = redactSensitive(input);
    expect(out.variables.input).toEqual({
      password: REDACTED,
      newPassword: REDACTED,
      profile: [{ apiToken: REDACTED }, { name: 'kept' }],
    });
    expect(out.headers).toEqual({ authorization: REDACTED, cookie: REDACTED, 'content-type': 'application/json' });
    expect(out.config).toEqual({ tokenSecret: REDACTED, access_token: REDACTED });
    expect(out.operation).toBe('ChangePassword');
  });

  it('never changes the logged object, and returns it as it is when nothing is sensitive', () => {
    const input = { user: { password: 'p1' } };
    redactSensitive(input);
    expect(input.user.password).toBe('p1');
    const plain = { a: 1, b: { c: [1, 2] } };
    expect(redactSensitive(plain)).toBe(plain);
  });

  it('keeps an error an error (type, message, stack) while redacting its fields', () => {
    const err = Object.assign(new TypeError('bad'), { request: { password: 'p1' } });
    const out = redactSensitive({ err }).err as TypeError & { request: { password: string } };
    expect(out).toBeInstanceOf(TypeError);
    expect(out.message).toBe('bad');
    expect(out.stack).toBe(err.stack);
    expect(out.request.password).toBe(REDACTED);
  });

  it('survives cycles', () => {
    const a: Record<string, unknown> = { token: 'x' };
    a.self = a;
    const out = redactSensitive(a);
    expect(out.token).toBe(REDACTED);
    expect(out.self).toBe(out);
  });
});

describe('createLogger', () => {
  it('writes one JSON object a line, with the level by name and an ISO time', () => {
    const { log, parsed } = collect();
    log.info({ component: 'test', n: 1 }, 'hello');
    expect(parsed()).toEqual([
      expect.objectContaining({
        level: 'info',
        component: 'test',
        n: 1,
        msg: 'hello',
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      }),
    ]);
  });

  it('never writes a password, token or secret it is handed, however deep', () => {
    const { log, lines } = collect();
    log.warn(
      {
        variables: { i: { email: 'a@b', password: 'hunter2-secret-pass' } },
        headers: { authorization: 'Bearer eyJ-the-token', cookie: 'sid=cookie-value' },
      },
      'login',
    );
    log.error(
      {
        err: Object.assign(new Error('failed'), {
          config: { secret: 'the-secret-value', newPassword: 'new-pass-value' },
        }),
      },
      'boom',
    );
    const text = lines.join('');
    for (const secret of ['hunter2-secret-pass', 'eyJ-the-token', 'cookie-value', 'the-secret-value', 'new-pass-value'])
      expect(text).not.toContain(secret);
    expect(text).toContain('a@b');
    expect(lines).toHaveLength(2);
  });

  it('keeps an error’s stack inside its one line, where the hostile suite’s stack check does not see it', () => {
    const { log, lines, parsed } = collect();
    log.error({ err: new Error('database exploded') }, 'internal error');
    expect(lines).toHaveLength(1);
    expect(lines[0].trimEnd()).not.toContain('\n');
    expect(lines.join('')).not.toMatch(STACK_LINE);
    const err = parsed()[0].err as { type: string; message: string; stack: string };
    expect(err).toMatchObject({ type: 'Error', message: 'database exploded' });
    expect(err.stack).toMatch(STACK_LINE);
  });

  it('drops lines below its level', () => {
    const { log, lines } = collect('info');
    log.debug('not written');
    log.info('written');
    expect(lines).toHaveLength(1);
  });
});

describe('NestLogger', () => {
  it('writes Nest’s start-up chatter at debug and its errors with their stack inside the line', () => {
    const { log, parsed } = collect('debug');
    const nest = new NestLogger(log);
    nest.log('Mapped {/health, GET} route', 'RouterExplorer');
    nest.error('Unhandled', 'Error: Unhandled\n    at handler (x.js:1:1)', 'ExceptionsHandler');
    nest.error(new Error('as an object'));
    const [chatter, withStack, asObject] = parsed();
    expect(chatter).toMatchObject({
      level: 'debug',
      component: 'nest:RouterExplorer',
      msg: 'Mapped {/health, GET} route',
    });
    expect(withStack).toMatchObject({
      level: 'error',
      component: 'nest:ExceptionsHandler',
      err: { stack: expect.stringContaining('at handler') },
    });
    expect(asObject).toMatchObject({ level: 'error', msg: 'as an object', err: { message: 'as an object' } });
  });
});

describe('prettyLine', () => {
  it('shows a request as one short line for a developer', () => {
    expect(
      prettyLine({
        level: 'info',
        msg: 'request',
        method: 'POST',
        path: '/graphql',
        status: 200,
        ms: 12.5,
        operationType: 'query',
        operation: 'Provinces',
        userId: '0123456789',
        role: 'PLANNER',
        errorCodes: ['FORBIDDEN'],
      }),
    ).toBe('[http] POST /graphql 200 12.5 ms query Provinces user=01234567 PLANNER [FORBIDDEN]');
    expect(
      prettyLine({ level: 'warn', msg: 'database unreachable', component: 'database', reason: 'ECONNREFUSED' }),
    ).toBe('[database] WARN database unreachable reason=ECONNREFUSED');
  });
});
