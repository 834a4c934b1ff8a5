// The preview's interactions in a real VS Code (code-server, driven by headless Chromium), which
// the unit and browser tests cannot reach: Ctrl+K V opens the preview; a click selects the
// event's source in the editor; moving the cursor highlights the event; typing updates the
// preview; the panel survives a window reload with its zone; breaking the YAML keeps the last good timeline with the error banner.
// Not part of `npm test` (it needs code-server: see ../shared/tools/README.md). Usage:
//   npm run package && node test/browser/codeServerPreview.mjs "$CS" incident-timeline-0.1.0.vsix WORKSPACE OUT
// where WORKSPACE is a scratch folder holding a copy of the flagship example (the script edits it).
// Prints a JSON object of checks; every value should be truthy.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
const [codeServer, vsix, workspace, out] = process.argv.slice(2);
const require = createRequire(path.join(path.dirname(fs.realpathSync(codeServer)), '..', '..', 'package.json'));
let chromium;
try { ({ chromium } = require('playwright-core')); } catch { ({ chromium } = createRequire('/work/main/package.json')('playwright-core')); }
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function waitFor(fn, ms, every = 200) { const end = Date.now() + ms; while (Date.now() < end) { try { const v = await fn(); if (v) return v; } catch { /* not yet */ } await sleep(every); } return null; }
fs.mkdirSync(out, { recursive: true });
const tmp = fs.mkdtempSync('/tmp/preview-interact-');
const userData = path.join(tmp, 'ud'); const exts = path.join(tmp, 'ext');
fs.mkdirSync(path.join(userData, 'User'), { recursive: true }); fs.mkdirSync(path.join(tmp, 'tmp'));
fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ 'security.workspace.trust.enabled': false, 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'workbench.colorTheme': 'Default Light Modern' }));
const config = path.join(tmp, 'config.yaml'); fs.writeFileSync(config, 'auth: none\ncert: false\n');
const env = { ...process.env, XDG_DATA_HOME: path.join(tmp, 'x1'), XDG_CONFIG_HOME: path.join(tmp, 'x2'), XDG_CACHE_HOME: path.join(tmp, 'x3'), TMPDIR: path.join(tmp, 'tmp') };
const cs = ['--config', config, '--user-data-dir', userData, '--extensions-dir', exts];
console.log(spawnSync(codeServer, [...cs, '--install-extension', vsix], { encoding: 'utf8', env }).stdout.trim().split('\n').pop());
const port = 20000 + Math.floor(Math.random() * 20000);
const server = spawn(codeServer, [...cs, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', workspace], { detached: true, stdio: 'ignore', env });
const results = {};
let browser;
try {
  await waitFor(async () => (await globalThis.fetch(`http://127.0.0.1:${port}/healthz`)).ok, 30000);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
  await waitFor(async () => (await page.locator('.explorer-folders-view .monaco-list-row').count()) > 0, 60000);
  await sleep(1500);
  await page.locator('.monaco-workbench').first().click({ position: { x: 800, y: 500 } });
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget .quick-input-box input').fill('exchange-online-2019-11-19.incident.yaml');
  await waitFor(async () => (await page.locator('.quick-input-list .monaco-list-row').count()) > 0, 15000);
  await page.keyboard.press('Enter');
  await waitFor(async () => (await page.locator('.editor-instance .monaco-editor .view-lines').count()) > 0, 15000);
  await sleep(1000);
  // The keybinding: Ctrl+K V opens the preview to the side.
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+K');
  await page.keyboard.press('V');
  const previewFrame = () => waitFor(async () => {
    for (const f of page.frames()) {
      if (await f.locator('.event').count().catch(() => 0)) return f;
    }
    return null;
  }, 60000, 500);
  let frame = await previewFrame();
  results.previewByKeybinding = !!frame;
  if (!frame) throw new Error('no preview');
  await page.screenshot({ path: path.join(out, '01-preview.png') });
  // Click the second event: the editor selects its source.
  await frame.locator('.event[data-index="1"]').click();
  // Focus stays in the preview; the editor shows the (inactive) selection of lines 44-50.
  results.afterClick = await waitFor(async () => (await page.locator('.editor-instance .monaco-editor .selected-text').count()) > 0, 10000);
  await page.screenshot({ path: path.join(out, '02-after-click.png') });
  // Move the cursor into the first event (line 38): it is highlighted in the preview.
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget .quick-input-box input').fill(':38');
  await page.keyboard.press('Enter');
  results.cursorHighlight = await waitFor(async () => (await frame.locator('.event.selected').getAttribute('data-index')) === '0', 10000);
  await page.screenshot({ path: path.join(out, '03-cursor-sync.png') });
  // Switch the zone, then reload the window: the serializer brings the panel back in UTC.
  await frame.getByRole('button', { name: 'UTC', exact: true }).click();
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget .quick-input-box input').fill('>Developer: Reload Window');
  await waitFor(async () => (await page.locator('.quick-input-list .monaco-list-row').count()) > 0, 10000);
  await page.keyboard.press('Enter');
  await sleep(3000);
  frame = await previewFrame();
  results.revivedAfterReload = !!frame && (await frame.locator('.event[data-index="0"] .time').innerText()) === '01:40 UTC';
  await page.screenshot({ path: path.join(out, '04-after-reload.png') });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  // Edit: type into the first event's text; the preview follows.
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget .quick-input-box input').fill(':42');
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  await page.keyboard.type(' LIVE-EDIT');
  results.liveEdit = await waitFor(async () => (await frame.locator('.event[data-index="0"] .text').innerText()).includes('LIVE-EDIT'), 10000);
  await page.screenshot({ path: path.join(out, '05-live-edit.png') });
  // Break the YAML: the last good timeline stays with an error banner.
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('{{{ \n');
  results.staleBanner = await waitFor(async () => (await frame.locator('.banner').innerText().catch(() => '')).trim(), 10000);
  results.eventsKept = await frame.locator('.event').count();
  await page.screenshot({ path: path.join(out, '06-broken.png') });
} catch (e) { results.error = String(e); }
finally {
  await browser?.close();
  try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
  fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(JSON.stringify(results, null, 2));
