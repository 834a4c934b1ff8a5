/**
 * The preview page's HTML, as a pure function so its CSP is tested without VS Code: nothing
 * but our bundle may run (a nonce from crypto), styles and images only from the webview's own
 * resource origin, nothing from the network. The initial state travels in an escaped data-*
 * attribute, never as script.
 */
import { randomBytes } from 'node:crypto';
import { escapeHtml } from '../../../common/render/escape';
import { ENGLISH_LABELS, type TimelineLabels } from '../../../common/render/labels';
import type { ZoneChoice } from '../../../common/settings';
import type { PreviewState } from '../previewMessages';

export interface PreviewHtmlOptions {
  /** webview.cspSource */
  readonly cspSource: string;
  /** webview.asWebviewUri(dist/webview/main.js) and main.css, as strings. */
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly state?: PreviewState;
  readonly defaultZone: ZoneChoice;
  /** The page's words in the display language (default English); they travel like the state. */
  readonly labels?: TimelineLabels;
  /** Test hook; production uses a fresh one per page. */
  readonly nonce?: string;
}

export function makeNonce(): string {
  return randomBytes(16).toString('base64');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `img-src ${cspSource}`,
    `font-src ${cspSource}`,
  ].join('; ');
}

export function previewHtml(options: PreviewHtmlOptions): string {
  const nonce = options.nonce ?? makeNonce();
  const state = options.state ? escapeHtml(JSON.stringify(options.state)) : '';
  const labels = options.labels ?? ENGLISH_LABELS;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(labels.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(options.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeHtml(options.styleUri)}">
<title>Incident Timeline</title>
</head>
<body data-state="${state}" data-default-zone="${escapeHtml(options.defaultZone)}" data-labels="${escapeHtml(JSON.stringify(labels))}">
<div id="app"></div>
<script nonce="${escapeHtml(nonce)}" src="${escapeHtml(options.scriptUri)}"></script>
</body>
</html>
`;
}
