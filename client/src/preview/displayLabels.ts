/**
 * The timeline's labels in VS Code's display language, for the preview page and the exports:
 * vscode.l10n reads the same l10n/bundle.l10n.<lang>.json the server and the CLI use.
 */
import * as vscode from 'vscode';
import { labelLanguage, timelineLabels, type TimelineLabels } from '../../../common/render/labels';

export function displayLabels(): TimelineLabels {
  // A display language we ship no bundle for gets English words, so the page says lang="en".
  const language = vscode.l10n.bundle ? labelLanguage(vscode.env.language) : 'en';
  return timelineLabels((message, ...args) => vscode.l10n.t(message, ...args), language);
}
