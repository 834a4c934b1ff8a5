/**
 * How each event kind looks: a distinct shape AND colour, so kinds stay apart for colour-blind
 * readers and in print. The webview colours shapes with --vscode-charts-* variables; exports,
 * which have no theme, use the fallback colours. Their names are words, in labels.ts.
 */
import { EVENT_KINDS, type EventKind } from '../eventKinds';

/** An event's kind, or 'other' when it has none (or one the format does not know). */
export type KindName = EventKind | 'other';
export const KIND_NAMES: readonly KindName[] = [...EVENT_KINDS, 'other'];

export interface KindStyle {
  /** SVG path in a 12×12 box centred on (6, 6). */
  readonly path: string;
  /** Hollow shapes are stroked, not filled. */
  readonly hollow: boolean;
  /** The webview's theme colour. */
  readonly themeColor: string;
  /** Colours for exports: on a light page and on a dark page. */
  readonly light: string;
  readonly dark: string;
}

export const KIND_STYLES: Readonly<Record<KindName, KindStyle>> = {
  detected: { path: 'M6 0.5 L11.5 11 L0.5 11 Z', hollow: false, themeColor: '--vscode-charts-red', light: '#c72e2e', dark: '#f48771' },
  update: { path: 'M6 1 A5 5 0 1 1 5.99 1 Z', hollow: false, themeColor: '--vscode-charts-blue', light: '#1a73c9', dark: '#75beff' },
  mitigated: { path: 'M6 0 L12 6 L6 12 L0 6 Z', hollow: false, themeColor: '--vscode-charts-orange', light: '#b85c00', dark: '#f3a64a' },
  resolved: { path: 'M1 1 H11 V11 H1 Z', hollow: false, themeColor: '--vscode-charts-green', light: '#2e7d32', dark: '#89d185' },
  cause: { path: 'M4.5 0.5 H7.5 V4.5 H11.5 V7.5 H7.5 V11.5 H4.5 V7.5 H0.5 V4.5 H4.5 Z', hollow: false, themeColor: '--vscode-charts-purple', light: '#7b3fb8', dark: '#c586e8' },
  report: { path: 'M0.5 1 L11.5 1 L6 11.5 Z', hollow: false, themeColor: '--vscode-charts-yellow', light: '#8a6d00', dark: '#e2c541' },
  note: { path: 'M6 1.5 A4.5 4.5 0 1 1 5.99 1.5 Z', hollow: true, themeColor: '--vscode-descriptionForeground', light: '#5f6368', dark: '#b0b0b0' },
  other: { path: 'M3 3 H9 V9 H3 Z', hollow: true, themeColor: '--vscode-foreground', light: '#444444', dark: '#cccccc' },
};

export function kindName(kind: string | undefined): KindName {
  return kind !== undefined && (EVENT_KINDS as readonly string[]).includes(kind) ? (kind as EventKind) : 'other';
}
