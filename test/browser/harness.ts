/**
 * Loads the real preview page (previewHtml, the built dist/webview bundle, the production CSP)
 * in headless Chromium from a loopback server, with a stub acquireVsCodeApi that records what
 * the page posts, and the theme variables VS Code would inject.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { previewHtml } from '../../client/src/preview/previewHtml';
import type { HostMessage, PreviewState, WebviewMessage } from '../../client/src/previewMessages';
import { timelineLabels, type TimelineLabels } from '../../common/render/labels';
import { t } from '../../server/src/core';
import { useLocale } from '../../server/src/features/translations';
import { parseIncident } from '../../server/src/core/parse';
import type { TimelineModel } from '../../common/protocol';
import type { ZoneChoice } from '../../common/settings';
import { toTimelineModel } from '../../server/src/timelineModel';

export const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist/webview');

export function chromiumAvailable(): boolean {
  return fs.existsSync(CHROMIUM);
}

/**
 * Browser tests need Debian's chromium: without it a suite skips (from its `before` hook), except
 * under CI, where a missing browser is a failure rather than a silent pass.
 */
export function requireChromium(context: Mocha.Context): void {
  if (chromiumAvailable()) return;
  if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing: CI must install it (apt-get install -y chromium).`);
  console.warn(`    (skipped: ${CHROMIUM} is missing; apt-get install -y chromium to run the browser tests)`);
  context.skip();
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

export interface PageServer {
  readonly origin: string;
  close(): Promise<void>;
}

/** Serves the preview page at / and the bundle at /dist/…; nothing else. `labels` as the host's display language gives them. */
export async function startPageServer(defaultZone: ZoneChoice = 'JST', state?: PreviewState, labels?: TimelineLabels): Promise<PageServer> {
  let origin = '';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(previewHtml({ cspSource: origin, scriptUri: `${origin}/dist/main.js`, styleUri: `${origin}/dist/main.css`, defaultZone, state, labels, nonce: 'dGVzdC1ub25jZQ==' }));
      return;
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    const file = url.pathname.startsWith('/dist/') ? path.join(DIST, path.basename(url.pathname)) : '';
    if (file && fs.existsSync(file)) {
      res.writeHead(200, { 'content-type': file.endsWith('.css') ? 'text/css' : 'text/javascript' });
      res.end(fs.readFileSync(file));
      return;
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export type Theme = 'light' | 'dark' | 'high-contrast';

/** A subset of what VS Code injects: enough for every variable preview.css uses. */
const THEMES: Record<Theme, Record<string, string>> = {
  light: {
    'foreground': '#3b3b3b', 'editor-background': '#ffffff', 'descriptionForeground': '#717171', 'font-family': 'system-ui, sans-serif',
    'font-size': '13px', 'editor-font-family': 'monospace', 'focusBorder': '#005fb8', 'textLink-foreground': '#005fb8',
    'textLink-activeForeground': '#005fb8', 'button-background': '#005fb8', 'button-foreground': '#ffffff',
    'button-secondaryBackground': '#e5e5e5', 'button-secondaryForeground': '#3b3b3b', 'button-secondaryHoverBackground': '#cccccc',
    'badge-background': '#cccccc', 'badge-foreground': '#3b3b3b', 'panel-border': '#e5e5e5', 'errorForeground': '#f85149',
    'charts-red': '#e51400', 'charts-blue': '#1a85ff', 'charts-orange': '#d18616', 'charts-green': '#388a34', 'charts-purple': '#652d90',
    'charts-yellow': '#bf8803', 'charts-foreground': '#616161', 'list-activeSelectionBackground': '#e8e8e8',
    'list-activeSelectionForeground': '#000000', 'inputValidation-errorBackground': '#f2dede', 'inputValidation-errorBorder': '#be1100',
    'inputValidation-warningBackground': '#f6f5d2', 'inputValidation-warningBorder': '#bf8803', 'editorWarning-foreground': '#bf8803',
    'editorRuler-foreground': '#d3d3d3', 'list-hoverBackground': '#f2f2f2',
    'input-background': '#ffffff', 'input-foreground': '#3b3b3b', 'input-border': '#cecece', 'dropdown-background': '#ffffff', 'dropdown-border': '#cecece',
  },
  dark: {
    'foreground': '#cccccc', 'editor-background': '#1f1f1f', 'descriptionForeground': '#9d9d9d', 'font-family': 'system-ui, sans-serif',
    'font-size': '13px', 'editor-font-family': 'monospace', 'focusBorder': '#0078d4', 'textLink-foreground': '#4daafc',
    'textLink-activeForeground': '#4daafc', 'button-background': '#0078d4', 'button-foreground': '#ffffff',
    'button-secondaryBackground': '#313131', 'button-secondaryForeground': '#cccccc', 'button-secondaryHoverBackground': '#3c3c3c',
    'badge-background': '#616161', 'badge-foreground': '#f8f8f8', 'panel-border': '#2b2b2b', 'errorForeground': '#f85149',
    'charts-red': '#f14c4c', 'charts-blue': '#3794ff', 'charts-orange': '#d18616', 'charts-green': '#89d185', 'charts-purple': '#b180d7',
    'charts-yellow': '#cca700', 'charts-foreground': '#cccccc', 'list-activeSelectionBackground': '#04395e',
    'list-activeSelectionForeground': '#ffffff', 'inputValidation-errorBackground': '#5a1d1d', 'inputValidation-errorBorder': '#be1100',
    'inputValidation-warningBackground': '#352a05', 'inputValidation-warningBorder': '#b89500', 'editorWarning-foreground': '#cca700',
    'editorRuler-foreground': '#5a5a5a', 'list-hoverBackground': '#2a2d2e',
    'input-background': '#313131', 'input-foreground': '#cccccc', 'input-border': '#3c3c3c', 'dropdown-background': '#313131', 'dropdown-border': '#3c3c3c', 'dropdown-foreground': '#cccccc',
  },
  'high-contrast': {
    'foreground': '#ffffff', 'editor-background': '#000000', 'descriptionForeground': '#ffffff', 'font-family': 'system-ui, sans-serif',
    'font-size': '13px', 'editor-font-family': 'monospace', 'focusBorder': '#f38518', 'contrastBorder': '#6fc3df',
    'textLink-foreground': '#21a6ff', 'textLink-activeForeground': '#21a6ff', 'button-background': '#000000', 'button-foreground': '#ffffff',
    'button-border': '#6fc3df', 'button-secondaryBackground': '#000000', 'button-secondaryForeground': '#ffffff',
    'button-secondaryHoverBackground': '#000000', 'badge-background': '#000000', 'badge-foreground': '#ffffff', 'panel-border': '#6fc3df',
    'errorForeground': '#f48771', 'charts-red': '#f48771', 'charts-blue': '#3794ff', 'charts-orange': '#d18616', 'charts-green': '#89d185',
    'charts-purple': '#b180d7', 'charts-yellow': '#ffd700', 'charts-foreground': '#ffffff', 'list-activeSelectionBackground': '#000000',
    'list-activeSelectionForeground': '#ffffff', 'inputValidation-errorBackground': '#5a1d1d', 'inputValidation-errorBorder': '#be1100',
    'inputValidation-warningBackground': '#000000', 'inputValidation-warningBorder': '#ffd700', 'editorWarning-foreground': '#ffd700',
    'editorRuler-foreground': '#ffffff',
    'input-background': '#000000', 'input-foreground': '#ffffff', 'input-border': '#6fc3df', 'dropdown-background': '#000000', 'dropdown-border': '#6fc3df', 'dropdown-foreground': '#ffffff',
  },
};

export interface PreviewPageHandle {
  readonly page: Page;
  /** Messages the page posted to the "host", in order. */
  posted(): Promise<WebviewMessage[]>;
  /** CSP violations and console errors seen so far. */
  problems(): string[];
  send(message: HostMessage): Promise<void>;
  /** Sends a render and waits until the page has painted it. */
  render(model: TimelineModel, extra?: Partial<Extract<HostMessage, { type: 'render' }>>): Promise<void>;
}

/** `savedState` is what getState returns, as after a reload (the serializer's side is in test/preview). */
export async function openPreviewPage(browser: Browser, server: PageServer, theme: Theme = 'light', viewport = { width: 1000, height: 700 }, savedState?: PreviewState): Promise<PreviewPageHandle> {
  const page = await browser.newPage({ viewport });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.addInitScript(({ vars, themeName, saved }) => {
    const w = window as unknown as { __posted: unknown[]; __violations: string[]; __state: unknown; acquireVsCodeApi: () => unknown };
    w.__posted = [];
    w.__violations = [];
    w.__state = saved ?? undefined;
    w.acquireVsCodeApi = () => ({
      postMessage: (m: unknown) => w.__posted.push(m),
      getState: () => w.__state,
      setState: (s: unknown) => { w.__state = s; },
    });
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    // As VS Code does: theme variables on <html>, the theme kind as a class on <body>.
    document.addEventListener('DOMContentLoaded', () => {
      for (const [name, value] of Object.entries(vars)) document.documentElement.style.setProperty(`--vscode-${name}`, value);
      document.body.classList.add(`vscode-${themeName}`);
    });
  }, { vars: THEMES[theme], themeName: theme, saved: savedState ?? null });
  await page.goto(`${server.origin}/`);
  await page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'ready'));
  const handle: PreviewPageHandle = {
    page,
    posted: () => page.evaluate(() => (window as unknown as { __posted: WebviewMessage[] }).__posted),
    problems: () => problems,
    // As JSON text: playwright's own argument serialization is slow for 10,000 events. Resolves
    // once the page has handled it: messages are delivered in order, so when a marker posted
    // right after it arrives, the page's own handler has run.
    send: (message) => page.evaluate((json) => new Promise<void>((resolve) => {
      const marker = `marker-${Math.random()}`;
      const onMessage = (event: MessageEvent) => {
        if (event.data !== marker) return;
        window.removeEventListener('message', onMessage);
        resolve();
      };
      window.addEventListener('message', onMessage);
      window.postMessage(JSON.parse(json), '*');
      window.postMessage(marker, '*');
    }), JSON.stringify(message)),
    async render(model, extra) {
      const before = await page.evaluate(() => Number(document.body.dataset.rendered ?? 0));
      await handle.send({ type: 'render', model, locked: false, problems: model.problems, stale: false, extraZones: [], ...extra });
      await page.waitForFunction((n) => Number(document.body.dataset.rendered ?? 0) > n, before);
    },
  };
  return handle;
}

export async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}

export function modelOf(text: string, uri = 'file:///work/test.incident.yaml', version = 1): TimelineModel {
  return toTimelineModel(uri, version, parseIncident(text));
}

export function exampleText(): string {
  return fs.readFileSync(path.join(ROOT, 'examples/exchange-online-2019-11-19.incident.yaml'), 'utf8');
}

export const ARTIFACTS = path.join(ROOT, 'test-artifacts');

/** The page's labels in Japanese, as the host builds them under the Japanese display language (for `usePreviewPages({ labels })`). */
export function japaneseLabels(): TimelineLabels {
  useLocale('ja');
  const labels = timelineLabels(t, 'ja');
  useLocale('en');
  return labels;
}

/** What a suite of page tests shares: the browser, the page server, and pages opened and checked. */
export interface PreviewPages {
  /** The page server (its origin, for navigation checks). */
  readonly server: PageServer;
  /** A new page on the preview; it is checked and closed after the test. */
  open(theme?: Theme, viewport?: { width: number; height: number }, savedState?: PreviewState): Promise<PreviewPageHandle>;
}

/**
 * Registers a suite's hooks: Chromium and the page server start once (`labels` is called then,
 * for suites that build them in another language); after each test every page it opened must have
 * had no CSP violation, console error, page error or dialog, and is closed.
 */
export function usePreviewPages(options: { labels?: () => TimelineLabels; defaultZone?: ZoneChoice } = {}): PreviewPages {
  let browser: Browser | undefined;
  let server: PageServer | undefined;
  const opened: PreviewPageHandle[] = [];
  before(async function () {
    requireChromium(this);
    if (!fs.existsSync(path.join(ROOT, 'dist/webview/main.js'))) throw new Error('run `npm run build` first (npm test does)');
    browser = await launchChromium();
    server = await startPageServer(options.defaultZone ?? 'JST', undefined, options.labels?.());
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    for (const p of opened.splice(0)) {
      assert.deepEqual(await violations(p.page), [], 'CSP violations');
      assert.deepEqual(p.problems(), [], 'console errors, page errors or dialogs');
      await p.page.close();
    }
  });
  return {
    get server() {
      return server!;
    },
    async open(theme = 'light', viewport, savedState) {
      const p = await openPreviewPage(browser!, server!, theme, viewport, savedState);
      opened.push(p);
      return p;
    },
  };
}
