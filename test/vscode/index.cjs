// The entry VS Code loads (--extensionTestsPath) inside the extension host: it can only require
// JavaScript, so it installs the same TypeScript loader as the mocha tiers and hands over.
require('../register.cjs');
module.exports = require('./suite/index.ts');
