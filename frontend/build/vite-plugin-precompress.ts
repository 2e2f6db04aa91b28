import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text assets worth compressing; fonts (woff2) and images are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json)$/;
/** Below this a compressed copy saves less than a request's headers. */
const MIN_BYTES = 1024;

/** Writes the Brotli (.br) and gzip (.gz) copy beside one file, when compressing pays. */
export async function precompressFile(file: string): Promise<{ raw: number; br: number; gz: number } | null> {
  const raw = await readFile(file);
  if (raw.length < MIN_BYTES) return null;
  const [br, gz] = await Promise.all([
    brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
    gzipAsync(raw, { level: 9 }),
  ]);
  await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
  return { raw: raw.length, br: br.length, gz: gz.length };
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else if (COMPRESSIBLE.test(entry.name) && (await stat(path)).size >= MIN_BYTES) out.push(path);
  }
  return out;
}

/**
 * Compresses the built dashboard once, at build time, so the server sends each
 * file Brotli- or gzip-encoded without spending CPU per request (see
 * backend/src/core/http/configure-http.ts). Provincial offices often sit on
 * slow links: the JavaScript of the overview is ~1 MB raw, ~0.3 MB compressed.
 */
export function precompressPlugin(): Plugin {
  let outDir = 'dist';
  return {
    name: 'digigov-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = await filesUnder(outDir);
      await Promise.all(files.map((f) => precompressFile(f)));
    },
  };
}
