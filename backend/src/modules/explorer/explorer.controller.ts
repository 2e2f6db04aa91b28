import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** The folder of an installed package (its "exports" hide the UMD files from require.resolve). */
function packageFile(name: string, file: string): string {
  const entry = require.resolve(name);
  const marker = `node_modules/${name}/`;
  return join(entry.slice(0, entry.lastIndexOf(marker) + marker.length), file);
}

/** Files of the explorer, served from the installed packages: nothing is fetched from the internet. */
const ASSETS: Record<string, { file: string; type: string }> = {
  'react.js': { file: packageFile('react', 'umd/react.production.min.js'), type: 'text/javascript' },
  'react-dom.js': { file: packageFile('react-dom', 'umd/react-dom.production.min.js'), type: 'text/javascript' },
  'graphiql.js': { file: packageFile('graphiql', 'graphiql.min.js'), type: 'text/javascript' },
  'graphiql.css': { file: packageFile('graphiql', 'graphiql.min.css'), type: 'text/css' },
  // Thai names in results: GraphiQL's fonts have no Thai glyphs, and a government PC may have no Thai font either.
  'noto-sans-thai-400.woff2': {
    file: packageFile('@fontsource/noto-sans-thai', 'files/noto-sans-thai-thai-400-normal.woff2'),
    type: 'font/woff2',
  },
};

const EXAMPLE = `# DigiGov Monitor API. Paste an API token in the headers tab:
# { "Authorization": "Bearer dgm_…" } (without one you read published, approved figures only).
{
  provinces(filter: { regionCode: "NORTHEAST" }) { code nameTh nameEn }
  publishedDataset(code: "DGA_OBSTACLE_SURVEY_2567") {
    titleEn values { measureCode count percentage obstacleCategory { code labelTh } }
  }
}
`;

/** The explorer's start-up code, served as a file: the Content-Security-Policy allows no inline script. */
const START = `const stored = localStorage.getItem('digigov.accessToken');
const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
ReactDOM.createRoot(document.getElementById('explorer')).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultQuery: ${JSON.stringify(EXAMPLE)},
    defaultHeaders: stored ? JSON.stringify({ Authorization: 'Bearer ' + stored }, null, 2) : '',
    shouldPersistHeaders: false,
  }),
);
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>DigiGov Monitor · GraphQL explorer</title>
<link rel="stylesheet" href="/explorer/assets/graphiql.css">
<style>
@font-face {
  font-family: 'Noto Sans Thai';
  font-weight: 100 900;
  font-display: swap;
  src: url(/explorer/assets/noto-sans-thai-400.woff2) format('woff2');
  unicode-range: U+0E01-0E5B, U+200C-200D, U+25CC;
}
html, body, #explorer { height: 100%; margin: 0; }
/* Thai falls back to Noto Sans Thai in both GraphiQL's text and code fonts. */
body .graphiql-container, body .CodeMirror-info, body .CodeMirror-lint-tooltip, body .graphiql-dialog, body .graphiql-tooltip, body [data-radix-popper-content-wrapper] {
  --font-family: 'Roboto', system-ui, sans-serif, 'Noto Sans Thai';
  --font-family-mono: 'Fira Code', monospace, 'Noto Sans Thai';
}
</style>
</head>
<body>
<div id="explorer" data-testid="graphql-explorer"></div>
<script src="/explorer/assets/react.js"></script>
<script src="/explorer/assets/react-dom.js"></script>
<script src="/explorer/assets/graphiql.js"></script>
<script src="/explorer/assets/start.js"></script>
</body>
</html>`;

/** GraphiQL bundled with the app: Apollo's sandbox loads from the internet, which government intranets block. */
@Controller('explorer')
export class ExplorerController {
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-cache')
  page(): string {
    return PAGE;
  }

  @Get('assets/start.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('Cache-Control', 'no-cache')
  start(): string {
    return START;
  }

  @Get('assets/:name')
  asset(@Param('name') name: string, @Res() res: Response): void {
    const asset = ASSETS[name];
    if (!asset) {
      res.status(404).end();
      return;
    }
    res.setHeader('Content-Type', asset.type.startsWith('font/') ? asset.type : `${asset.type}; charset=utf-8`);
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.sendFile(asset.file);
  }
}
