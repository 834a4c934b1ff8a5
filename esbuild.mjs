// One script, one context per entry: the client (extension host), the server, the CLI and the
// webview page. `--production` minifies; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions[]} */
const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client/extension.js', platform: 'node', format: 'cjs', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server/server.js', platform: 'node', format: 'cjs' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['client/src/webview/main.ts'], outfile: 'dist/webview/main.js', platform: 'browser', format: 'iife' },
].filter((entry) => existsSync(entry.entryPoints[0]));

// In --watch, print what the tasks.json problem matcher reads: "[watch] build started/finished"
// (the first round ends only when every context has built once, so F5 starts after all bundles
// exist) and each message as two lines, "✘ [ERROR] text" then "    file:line:column:".
let initialBuilds = entries.length;
let building = 0;
/** @type {import('esbuild').Plugin} */
const watchMarkers = {
  name: 'watch-markers',
  setup(build) {
    build.onStart(() => {
      if (initialBuilds === 0 && building++ === 0) console.log('[watch] build started');
    });
    build.onEnd((result) => {
      for (const [mark, kind, messages] of [['✘', 'ERROR', result.errors], ['▲', 'WARNING', result.warnings]]) {
        for (const { text, location } of messages) {
          console.error(`${mark} [${kind}] ${text}`);
          if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
        }
      }
      if (initialBuilds > 0) {
        if (--initialBuilds === 0) console.log('[watch] build finished');
      } else if (--building === 0) {
        console.log('[watch] build finished');
      }
    });
  },
};

const common = {
  plugins: watch ? [watchMarkers] : [],
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  target: 'es2022',
  // In --watch the plugin above prints messages in the matcher's format instead.
  logLevel: watch ? 'silent' : 'warning',
  // Translation bundles and schemas are imported as JSON.
  loader: { '.json': 'json' },
};

const contexts = await Promise.all(entries.map((entry) => esbuild.context({ ...common, ...entry })));
if (watch) {
  console.log('[watch] build started');
  await Promise.all(contexts.map((ctx) => ctx.watch()));
} else {
  await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  await Promise.all(contexts.map((ctx) => ctx.dispose()));
}
