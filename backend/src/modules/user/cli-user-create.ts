import { parseArgs } from 'node:util';
import type { Role } from '../../core/auth/actor.js';
import { systemClock } from '../../core/clock.js';
import type { AppConfig } from '../../core/config/app-config.js';
import { createDataSource } from '../../core/database/data-source.js';
import { openDatabase, prepareDatabase } from '../../core/database/database-setup.js';
import { BadInputError, type Problem } from '../../core/errors/domain-error.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { UserRole } from './app-user.entity.js';
import { checkAccountFields } from './account-rules.js';
import { generatePassword, MAX_PASSWORD_LENGTH, passwordProblems } from './password-policy.js';
import { UserRepository } from './user.repository.js';
import { UserService } from './user.service.js';

export const USER_CREATE_USAGE = `user:create --email <address> --role ADMIN|PLANNER|OFFICER|ANALYST [--province TH-xx] [--name "Full name"] [--generate-password]
                     the password is read from the terminal (not shown), from stdin when piped, or generated and printed once`;

export class CliUsageError extends Error {}

/** Reads a line from the terminal without echoing it (raw mode: the characters never reach the screen). */
function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stdout.write(prompt);
    let text = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (err: Error | null) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      process.stdout.write('\n');
      if (err) reject(err);
      else resolve(text);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return done(null);
        if (ch === '\u0003') return done(new CliUsageError('cancelled'));
        if (ch === '\u007f' || ch === '\b') text = text.slice(0, -1);
        else if (text.length <= MAX_PASSWORD_LENGTH) text += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** The first line of what is piped to stdin (a password manager, a secret store, `echo … |`). */
async function readPiped(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of process.stdin as AsyncIterable<Buffer>) {
    chunks.push(c);
    size += c.length;
    if (size > 64 * 1024) break;
  }
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
}

async function readPassword(generate: boolean): Promise<{ password: string; generated: boolean }> {
  if (generate) return { password: generatePassword(), generated: true };
  if (!process.stdin.isTTY) return { password: await readPiped(), generated: false };
  const first = await readHidden('Password (at least 12 characters, not shown): ');
  const again = await readHidden('Repeat the password: ');
  if (first !== again) throw new CliUsageError('the two passwords differ: nothing was created');
  return { password: first, generated: false };
}

function parseUserCreateArgs(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      province: { type: 'string' },
      name: { type: 'string' },
      'generate-password': { type: 'boolean', default: false },
    },
    strict: true,
  });
}

function refusal(problems: Problem[]): CliUsageError {
  return new CliUsageError(
    `${problems.length} problem(s): nothing was created\n${problems.map((p) => `  ${p.field ?? ''}: ${p.message} [${p.code ?? ''}]`).join('\n')}`,
  );
}

/**
 * `user:create`: an account with a password, typically the first administrator of a new installation. The rules that
 * need no database (fields, password) are checked before it is opened; the service checks them again with the rest.
 */
export async function userCreate(argv: string[], config: AppConfig): Promise<void> {
  if (argv.includes('--help')) throw new CliUsageError(`usage: ${USER_CREATE_USAGE}`);
  let parsed: ReturnType<typeof parseUserCreateArgs>;
  try {
    parsed = parseUserCreateArgs(argv);
  } catch (err) {
    throw new CliUsageError(`${err instanceof Error ? err.message : String(err)}\n  ${USER_CREATE_USAGE}`);
  }
  const { values } = parsed;
  if (!values.email || !values.role) throw new CliUsageError(`--email and --role are required\n  ${USER_CREATE_USAGE}`);
  const role = values.role.trim().toUpperCase() as Role;
  const { password, generated } = await readPassword(values['generate-password'] ?? false);
  const input = {
    email: values.email,
    displayName: values.name ?? values.email.split('@')[0],
    role: role as UserRole,
    provinceCode: values.province ?? null,
  };
  const problems: Problem[] = [];
  const fields = checkAccountFields(input, (field) => ({ field }), problems);
  problems.push(...passwordProblems(password, fields.email, 'password'));
  if (problems.length > 0) throw refusal(problems);

  const db = await openDatabase(config);
  try {
    // The schema and the provinces first (on a new installation this may run before the server's first start), through
    // the server's own set-up and its lock, so that a server starting meanwhile does not race it. Never the demo data.
    await prepareDatabase(db.url, { demo: false });
    await create(db.url, input, password, generated);
  } finally {
    await db.stop();
  }
}

async function create(
  databaseUrl: string,
  input: Parameters<UserService['createWithPassword']>[0],
  password: string,
  generated: boolean,
): Promise<void> {
  const ds = createDataSource(databaseUrl);
  await ds.initialize();
  try {
    const service = new UserService(ds, new UserRepository(ds), new AuditRepository(ds), systemClock);
    const user = await service.createWithPassword(input, password);
    console.log(`created ${user.role}${user.provinceCode ? ` (${user.provinceCode})` : ''} ${user.email}`);
    if (generated) console.log(`password (shown once, store it now): ${password}`);
  } catch (err) {
    if (err instanceof BadInputError) throw refusal(err.problems);
    throw err;
  } finally {
    await ds.destroy();
  }
}
