import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  await globalThis.__TEST_PG__?.stop();
  if (globalThis.__TEST_CACHE_DIR__) rmSync(globalThis.__TEST_CACHE_DIR__, { recursive: true, force: true });
}
