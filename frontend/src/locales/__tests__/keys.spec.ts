import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_ERROR_CODES } from '@/api/errors';
import { INDEX_METHOD_CODES, PRIORITY_RULE_CODES, SMALL_SAMPLE_RULE_CODES } from '@/api/analytics-types';
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
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined),
      tree,
    );
}

/** Every message of a tree, by its dotted key. */
function leaves(tree: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (tree && typeof tree === 'object') {
    for (const [k, v] of Object.entries(tree)) {
      for (const [key, value] of v && typeof v === 'object'
        ? leaves(v, `${prefix}${k}.`)
        : new Map([[`${prefix}${k}`, v]]))
        out.set(key, value);
    }
  }
  return out;
}

const THAI = /[\u0E00-\u0E7F]/;

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
      const missing = [...exact]
        .filter(([key]) => typeof lookup(messages[locale], key) !== 'string')
        .map(([key, file]) => `${key} (${file})`);
      const missingGroups = [...prefixes]
        .filter(([key]) => typeof lookup(messages[locale], key) !== 'object')
        .map(([key, file]) => `${key}.* (${file})`);
      expect([...missing, ...missingGroups]).toEqual([]);
    });
  }

  it('has every English key in Thai, and no Thai key English lacks', () => {
    const th = leaves(messages.th);
    const en = leaves(messages.en);
    expect(en.size).toBeGreaterThan(500);
    expect([...en.keys()].filter((k) => !th.has(k))).toEqual([]);
    expect([...th.keys()].filter((k) => !en.has(k))).toEqual([]);
  });

  it('words, in Thai and in English, every code the API sends beside an English-only text', () => {
    const keys = [
      ...INDEX_METHOD_CODES.map((c) => `analytics.methods.index.${c}`),
      ...SMALL_SAMPLE_RULE_CODES.map((c) => `analytics.methods.smallSample.${c}`),
      ...PRIORITY_RULE_CODES.map((c) => `analytics.methods.priority.${c}`),
      'analytics.published.population.DGA_OBSTACLE_SURVEY_2567',
      'analytics.published.publisher.DGA_2567_LOCAL_DIGITAL',
    ];
    for (const key of keys) {
      expect(lookup(messages.th, key), key).toMatch(THAI);
      expect(lookup(messages.en, key), key).toMatch(/^[^\u0E00-\u0E7F]{20}/);
    }
    // The goalpost rationales (by indicator code) are Thai in Thai, and say the same numbers in both languages.
    const goalposts = [...leaves(messages.th).entries()].filter(([k]) => k.startsWith('analytics.methods.goalposts.'));
    expect(goalposts.length).toBeGreaterThanOrEqual(11);
    const numbers = (text: string) => (text.match(/\d+(\.\d+)?/g) ?? []).sort();
    for (const [key, thai] of goalposts) {
      expect(thai, key).toMatch(THAI);
      const english = lookup(messages.en, key) as string;
      // "one in fifty" and "five" are written as figures in Thai.
      expect(numbers(thai as string), key).toEqual(
        numbers(english.replace('one in fifty', '1 in 50').replace('five', '5').replace('One', '1')),
      );
    }
  });

  it('names every API error code and report status in both languages', () => {
    for (const locale of ['th', 'en'] as const) {
      for (const code of API_ERROR_CODES) {
        expect(typeof lookup(messages[locale], `errors.${code}`), `${locale} errors.${code}`).toBe('string');
      }
      for (const status of ['NONE', 'DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED']) {
        expect(typeof lookup(messages[locale], `report.status.${status}`)).toBe('string');
      }
    }
  });
});
