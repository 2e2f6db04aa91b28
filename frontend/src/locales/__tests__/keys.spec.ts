import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';

const SRC = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '__tests__' || name === 'test-support' ? [] : sources(path);
    return /\.(vue|ts)$/.test(name) ? [path] : [];
  });
}

function lookup(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);
}

/** Message keys written out in the code: t('a.b'), and prefixes of built ones: t(`a.b.${x}`). */
function usedKeys(): { exact: Map<string, string>; prefixes: Map<string, string> } {
  const exact = new Map<string, string>();
  const prefixes = new Map<string, string>();
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    const where = relative(SRC, file);
    for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)) exact.set(m[1]!, where);
    for (const m of text.matchAll(/keypath="([a-zA-Z][\w.]*)"/g)) exact.set(m[1]!, where);
    for (const m of text.matchAll(/\bte?\(\s*`([a-zA-Z][\w.]*)\.\$\{/g)) prefixes.set(m[1]!, where);
  }
  return { exact, prefixes };
}

describe('message keys', () => {
  const { exact, prefixes } = usedKeys();

  it('finds the keys the code uses', () => {
    expect(exact.size).toBeGreaterThan(100);
    expect(prefixes.size).toBeGreaterThan(5);
  });

  for (const locale of ['th', 'en'] as const) {
    it(`has every key the code uses in ${locale}`, () => {
      const missing = [...exact].filter(([key]) => typeof lookup(messages[locale], key) !== 'string').map(([key, file]) => `${key} (${file})`);
      const missingGroups = [...prefixes].filter(([key]) => typeof lookup(messages[locale], key) !== 'object').map(([key, file]) => `${key}.* (${file})`);
      expect([...missing, ...missingGroups]).toEqual([]);
    });
  }

  it('names every API error code and report status in both languages', () => {
    for (const locale of ['th', 'en'] as const) {
      for (const code of ['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'NETWORK', 'UNKNOWN']) {
        expect(typeof lookup(messages[locale], `errors.${code}`), `${locale} errors.${code}`).toBe('string');
      }
      for (const status of ['NONE', 'DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED']) {
        expect(typeof lookup(messages[locale], `report.status.${status}`)).toBe('string');
      }
    }
  });
});
