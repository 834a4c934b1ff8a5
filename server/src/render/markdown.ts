/** The timeline as Markdown: a few header lines and a table JST | UTC | kind | event, for reports. */
import { escapeMarkdownCell } from './escape';
import { fullTimeText, wallText, type TimelineView } from './layout';

export function renderMarkdown(view: TimelineView): string {
  const incident = view.model.incident;
  const lines: string[] = [];
  const title = [incident?.id, incident?.title].filter((s) => s).join(': ') || 'Incident timeline';
  lines.push(`## ${escapeMarkdownCell(title)}`, '');
  const facts: [string, string | undefined][] = [
    ['Status', incident?.status],
    ['Severity', incident?.severity],
    ['Service', incident?.service],
    ['Regions', incident?.regions?.join(', ')],
    ['Start', view.window ? `${fullTimeText(view.window.startMs, 'JST')} (${fullTimeText(view.window.startMs, 'UTC')})` : undefined],
    ['End', view.window && !view.window.open ? `${fullTimeText(view.window.endMs, 'JST')} (${fullTimeText(view.window.endMs, 'UTC')})` : undefined],
    ...view.figures.map((f): [string, string] => [f.label, f.value]),
  ];
  for (const [name, value] of facts) if (value) lines.push(`- **${name}:** ${escapeMarkdownCell(value)}`);
  lines.push('', '| JST | UTC | Kind | Event |', '| --- | --- | --- | --- |');
  for (const e of view.events) {
    lines.push(`| ${wallText(e.epochMs, 'JST')} | ${wallText(e.epochMs, 'UTC')} | ${e.kind === 'other' ? '' : e.kind} | ${escapeMarkdownCell(e.text)} |`);
  }
  if (view.unreadable.length) {
    lines.push('', 'Events whose time could not be read:', '');
    for (const e of view.unreadable) {
      lines.push(`- ${escapeMarkdownCell(e.timeText || '(no time)')}: ${escapeMarkdownCell(e.text)}`);
    }
  }
  return lines.join('\n') + '\n';
}
