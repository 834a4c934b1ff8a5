// Collects every translatable string (the first argument of t(…) / l10n.t(…)) from the server and
// client sources, keyed by its English text as @vscode/l10n expects. `node l10n/extract.cjs`
// rewrites bundle.l10n.json; test/features/l10n.test.ts checks both bundles against the sources.
const { readdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const SOURCE_DIRS = ['common', 'server/src', 'client/src'];
/** t('…'), l10n.t("…"), vscode.l10n.t(`…`) with a literal first argument. */
const CALL = /(?<![\w.$])(?:(?:vscode\.)?l10n\.)?t\(\s*(?:'((?:\\.|[^'\\])*)'|"((?:\\.|[^"\\])*)"|`((?:\\.|[^`\\$])*)`)/g;

function unescapeLiteral(text) {
  return text.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_, e) => {
    if (e[0] === 'u' && e.length > 1) return String.fromCodePoint(parseInt(e.replace(/[u{}]/g, ''), 16));
    if (e[0] === 'x' && e.length > 1) return String.fromCharCode(parseInt(e.slice(1), 16));
    return { n: '\n', t: '\t', r: '\r' }[e] ?? e;
  });
}

function* sourceFiles(dir) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) yield* sourceFiles(full);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) yield full;
  }
}

/** Every message in the sources, sorted, each with the files that use it. */
function collectMessages(root = ROOT) {
  const messages = new Map();
  for (const dir of SOURCE_DIRS) {
    let files;
    try {
      files = [...sourceFiles(join(root, dir))];
    } catch {
      continue;
    }
    for (const file of files) {
      for (const m of readFileSync(file, 'utf8').matchAll(CALL)) {
        const text = unescapeLiteral(m[1] ?? m[2] ?? m[3]);
        messages.set(text, [...(messages.get(text) ?? []), file.slice(root.length + 1)]);
      }
    }
  }
  return new Map([...messages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

module.exports = { collectMessages };

if (require.main === module) {
  const bundle = Object.fromEntries([...collectMessages().keys()].map((k) => [k, k]));
  writeFileSync(join(ROOT, 'l10n/bundle.l10n.json'), JSON.stringify(bundle, null, 2) + '\n');
  console.log(`${Object.keys(bundle).length} messages in l10n/bundle.l10n.json`);
}
