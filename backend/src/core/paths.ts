import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// backend/src/core (ts-jest) and backend/dist/core (built) are both three levels below the repository root.
const here = dirname(fileURLToPath(import.meta.url));

export const REPO_ROOT = resolve(here, '..', '..', '..');
export const MIGRATIONS_DIR = resolve(REPO_ROOT, 'migrations');
export const SEED_DIR = resolve(REPO_ROOT, 'seed');
export const FRONTEND_DIST_DIR = resolve(REPO_ROOT, 'frontend', 'dist');
