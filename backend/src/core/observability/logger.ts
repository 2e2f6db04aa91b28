import type { LoggerService } from '@nestjs/common';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel, ObservabilityConfig } from '../config/app-config.js';
import { currentRequest } from './request-record.js';
import { redactSensitive } from './redact.js';

export type { Logger } from 'pino';

export interface LoggerOptions {
  level: LogLevel;
  format: ObservabilityConfig['logFormat'];
  /** Where lines go: stdout unless given (tests pass a collecting stream). */
  destination?: DestinationStream;
}

/**
 * One JSON object a line (pino): what log collectors read. Errors are serialised with their stack inside the
 * line (newlines escaped), so one failure is one line. Lines written while a request is served carry its
 * request id (mixin), and nothing under a password, token or secret key reaches the line (redact.ts).
 */
export function createLogger(options: LoggerOptions): Logger {
  const json = options.destination ?? pino.destination({ dest: 1, sync: true });
  return pino(
    {
      level: options.level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (obj) => redactSensitive(obj),
      },
      // The request's id on every line written while serving it, unless the line names its own.
      mixin: (obj: object) => {
        const request = currentRequest();
        return request && !('requestId' in obj) ? { requestId: request.id } : {};
      },
      serializers: { err: pino.stdSerializers.err },
    },
    options.format === 'pretty' ? prettyDestination(options.destination) : json,
  );
}

let current: Logger | null = null;

/**
 * The process's logger, for code outside Nest's injection (start-up, error formatting, database helpers). main.ts
 * sets it from the configuration; an app built by tests sets it when its module starts.
 */
export function logger(): Logger {
  return (current ??= createLogger({ level: 'info', format: 'json' }));
}

export function useProcessLogger(next: Logger): void {
  current = next;
}

/** Short lines for a developer's terminal (LOG_FORMAT=pretty, the default of development). */
function prettyDestination(target?: DestinationStream): DestinationStream {
  const write = target ? (s: string) => target.write(s) : (s: string) => void process.stdout.write(s);
  return { write: (line: string) => write(prettyLine(JSON.parse(line) as Record<string, unknown>) + '\n') };
}

const HIDDEN = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'component', 'err', 'requestId']);

export function prettyLine(o: Record<string, unknown>): string {
  const level = String(o.level ?? 'info');
  const mark = level === 'info' || level === 'debug' || level === 'trace' ? '' : `${level.toUpperCase()} `;
  if (o.msg === 'request' || o.msg === 'request failed' || o.msg === 'request aborted') {
    const op = o.operation ? ` ${o.operationType ?? ''} ${o.operation}`.replace(/\s+/g, ' ') : '';
    const who = o.userId ? ` user=${String(o.userId).slice(0, 8)} ${o.role}` : '';
    const codes = Array.isArray(o.errorCodes) && o.errorCodes.length ? ` [${o.errorCodes.join(',')}]` : '';
    return `[http] ${mark}${o.method} ${o.path} ${o.status} ${o.ms} ms${op}${who}${codes}${o.msg === 'request aborted' ? ' (aborted)' : ''}`;
  }
  const extra = Object.entries(o)
    .filter(([k]) => !HIDDEN.has(k))
    .map(([k, v]) => ` ${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('');
  const err = o.err as { message?: string; stack?: string } | undefined;
  // A developer's terminal shows the stack as lines; JSON logs keep it inside the line.
  const why = err ? `: ${err.stack ?? err.message}`.replace(/\n/g, '\n    ') : '';
  return `[${o.component ?? 'digigov'}] ${mark}${o.msg ?? ''}${extra}${why}`;
}

/**
 * Nest's own messages through the same logger. Nest's `log` level is its start-up chatter (modules initialised,
 * routes mapped): debug here, so that an info log holds the application's own lines.
 */
export class NestLogger implements LoggerService {
  constructor(private readonly pino: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  /** Nest calls (message, context) or, for errors, (message, stack, context). */
  private write(level: Exclude<LogLevel, 'silent'>, message: unknown, params: unknown[]): void {
    const context = params.length > 0 && typeof params.at(-1) === 'string' ? (params.at(-1) as string) : undefined;
    const stack = params.length > 1 && typeof params[0] === 'string' ? params[0] : undefined;
    const fields: Record<string, unknown> = { component: context ? `nest:${context}` : 'nest' };
    if (message instanceof Error) {
      this.pino[level]({ ...fields, err: message }, message.message);
    } else if (stack) {
      this.pino[level]({ ...fields, err: { message: String(message), stack } }, String(message));
    } else if (typeof message === 'object' && message !== null) {
      this.pino[level]({ ...fields, detail: message }, context ?? 'nest');
    } else {
      this.pino[level](fields, String(message));
    }
  }
}
