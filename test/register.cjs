// Lets mocha load the TypeScript tests directly: each .ts file is transpiled with esbuild
// (already our bundler) as it is required. Type checking is `npm run typecheck`'s job.
const { transformSync } = require('esbuild');
const fs = require('node:fs');
require.extensions['.ts'] = function (module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    loader: 'ts', format: 'cjs', target: 'node20', sourcemap: 'inline', sourcefile: filename,
  });
  module._compile(code, filename);
};
