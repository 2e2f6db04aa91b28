import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  compactQuery,
  curlSnippet,
  EXAMPLE_QUERIES,
  exportCsvUrl,
  graphqlEndpoint,
  javascriptSnippet,
  pythonSnippet,
  pythonString,
  shellQuote,
  snippet,
  templateLiteral,
  TOKEN_VARIABLE,
} from '../api-snippets';

const ORIGIN = 'https://digigov.example.go.th';
const example = EXAMPLE_QUERIES[0]!;

function hasShell(): boolean {
  try {
    execFileSync('sh', ['-c', 'true']);
    return true;
  } catch {
    return false;
  }
}

describe('graphqlEndpoint and exportCsvUrl', () => {
  it('uses the real origin, without a doubled slash', () => {
    expect(graphqlEndpoint(ORIGIN)).toBe('https://digigov.example.go.th/graphql');
    expect(graphqlEndpoint(`${ORIGIN}/`)).toBe('https://digigov.example.go.th/graphql');
  });

  it('puts the compacted query and the list path in the export URL', () => {
    const url = new URL(exportCsvUrl(ORIGIN, example.query, example.exportPath));
    expect(url.pathname).toBe('/api/export.csv');
    expect(url.searchParams.get('query')).toBe(compactQuery(example.query));
    expect(url.searchParams.get('path')).toBe('provinceIndicatorValues.values');
    expect(new URL(exportCsvUrl(ORIGIN, '{ regions { code } }')).searchParams.has('path')).toBe(false);
  });
});

describe('shellQuote', () => {
  it('quotes single quotes so that the shell gives the text back unchanged', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    if (!hasShell()) return;
    for (const text of ["it's", '{"query":"{ a(b: \\"c\\") }"}', 'dollar $HOME and `tick`', 'ไทย']) {
      expect(execFileSync('sh', ['-c', `printf %s ${shellQuote(text)}`]).toString()).toBe(text);
    }
  });
});

describe('curlSnippet', () => {
  const text = curlSnippet(ORIGIN, example);

  it('posts the query as JSON to this server with the token from the environment', () => {
    expect(text).toContain(`curl -s 'https://digigov.example.go.th/graphql'`);
    expect(text).toContain(`-H "Authorization: Bearer $${TOKEN_VARIABLE}"`);
    const body = /-d '(.*)'$/m.exec(text)?.[1];
    expect(JSON.parse(body!)).toEqual({ query: compactQuery(example.query) });
  });

  it('also downloads the list as CSV from the export endpoint', () => {
    expect(text).toContain('/api/export.csv?query=');
    expect(text).toContain(`-o '${example.fileName}'`);
  });

  it('never contains a real token', () => {
    for (const e of EXAMPLE_QUERIES) {
      for (const language of ['curl', 'python', 'javascript'] as const)
        expect(snippet(language, ORIGIN, e)).not.toMatch(/dgm_[A-Za-z0-9]/);
    }
  });
});

describe('pythonSnippet', () => {
  it('uses the standard library, the real endpoint and the token variable', () => {
    const text = pythonSnippet(ORIGIN, example);
    expect(text).toContain('import json, os, urllib.request');
    expect(text).toContain('URL = "https://digigov.example.go.th/graphql"');
    expect(text).toContain(`os.environ["${TOKEN_VARIABLE}"]`);
    expect(text).toContain(`data = gql("""${example.query}""")`);
  });

  it('falls back to a JSON string literal when triple quotes would break', () => {
    expect(pythonString('{ a }')).toBe('"""{ a }"""');
    expect(pythonString('say """hi"""')).toBe(JSON.stringify('say """hi"""'));
    expect(pythonString('ends with "x"')).toBe(JSON.stringify('ends with "x"'));
    expect(pythonString('back\\slash')).toBe(JSON.stringify('back\\slash'));
  });
});

describe('javascriptSnippet', () => {
  it('fetches the real endpoint with the token from the environment', () => {
    const text = javascriptSnippet(ORIGIN, example);
    expect(text).toContain(`await fetch("https://digigov.example.go.th/graphql"`);
    expect(text).toContain(`process.env.${TOKEN_VARIABLE}`);
    expect(text).toContain("method: 'POST'");
  });

  it('escapes what a template literal would interpret', () => {
    const literal = templateLiteral('a `b` ${c} \\d');
    expect(new Function(`return ${literal};`)()).toBe('a `b` ${c} \\d');
  });

  it('is valid JavaScript for every example', () => {
    for (const e of EXAMPLE_QUERIES) {
      const body = javascriptSnippet(ORIGIN, e).replace(/^\/\/.*$/m, '');
      // Parsed (not run) as the body of an async function, as an ES module's top-level await would be.
      expect(() => new Function(`return async () => { ${body} }`)).not.toThrow();
    }
  });
});
