import { parseArgs } from 'node:util';
import type { Role } from '../../core/auth/actor.js';
import { systemClock } from '../../core/clock.js';
import { createDataSource } from '../../core/database/data-source.js';
import { BadInputError } from '../../core/errors/domain-error.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { UserRole } from './app-user.entity.js';
import { generatePassword, MAX_PASSWORD_LENGTH } from './password-policy.js';
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

/** `user:create`: an account with a password, typically the first administrator of a new installation. */
export async function userCreate(argv: string[], databaseUrl: string): Promise<void> {
  const { values } = parseArgs({
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
  if (!values.email || !values.role) throw new CliUsageError(`--email and --role are required\n  ${USER_CREATE_USAGE}`);
  const role = values.role.trim().toUpperCase() as Role;
  const { password, generated } = await readPassword(values['generate-password'] ?? false);

  const ds = createDataSource(databaseUrl);
  await ds.initialize();
  try {
    const service = new UserService(ds, new UserRepository(ds), new AuditRepository(ds), systemClock);
    const user = await service.createWithPassword(
      { email: values.email, displayName: values.name ?? values.email.split('@')[0], role: role as UserRole, provinceCode: values.province ?? null },
      password,
    );
    console.log(`created ${user.role}${user.provinceCode ? ` (${user.provinceCode})` : ''} ${user.email}`);
    if (generated) console.log(`password (shown once, store it now): ${password}`);
  } catch (err) {
    if (err instanceof BadInputError) {
      throw new CliUsageError(`${err.message}\n${err.problems.map((p) => `  ${p.field ?? ''}: ${p.message} [${p.code ?? ''}]`).join('\n')}`);
    }
    throw err;
  } finally {
    await ds.destroy();
  }
}
