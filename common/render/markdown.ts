/** The timeline as Markdown: a few header lines and a table JST | UTC | kind | event, for reports. */
import { escapeMarkdownCell } from './escape';
import { ENGLISH_LABELS, type TimelineLabels } from './labels';
import { figureText, fullTimeText, wallText, type TimelineView } from './layout';

export function renderMarkdown(view: TimelineView, labels: TimelineLabels = ENGLISH_LABELS): string {
  const incident = view.model.incident;
  const lines: string[] = [];
  const title = [incident?.id, incident?.title].filter((s) => s).join(': ') || labels.incidentTimeline;
  lines.push(`## ${escapeMarkdownCell(title)}`, '');
  const facts: [string, string | undefined][] = [
    [labels.status, incident?.status],
    [labels.severity, incident?.severity],
    [labels.service, incident?.service],
    [labels.regions, incident?.regions?.join(', ')],
    [labels.start, view.window ? `${fullTimeText(view.window.startMs, 'JST')} (${fullTimeText(view.window.startMs, 'UTC')})` : undefined],
    [labels.end, view.window && !view.window.open ? `${fullTimeText(view.window.endMs, 'JST')} (${fullTimeText(view.window.endMs, 'UTC')})` : undefined],
    ...view.figures.map((f): [string, string] => [labels.figures[f.key], figureText(f, labels)]),
  ];
  for (const [name, value] of facts) if (value) lines.push(`- **${escapeMarkdownCell(name)}:** ${escapeMarkdownCell(value)}`);
  lines.push('', `| JST | UTC | ${escapeMarkdownCell(labels.kind)} | ${escapeMarkdownCell(labels.event)} |`, '| --- | --- | --- | --- |');
  for (const e of view.events) {
    lines.push(`| ${wallText(e.epochMs, 'JST')} | ${wallText(e.epochMs, 'UTC')} | ${e.kind === 'other' ? '' : escapeMarkdownCell(labels.kinds[e.kind])} | ${escapeMarkdownCell(e.text)} |`);
  }
  if (view.unreadable.length) {
    lines.push('', `${escapeMarkdownCell(labels.unreadable)}:`, '');
    for (const e of view.unreadable) {
      lines.push(`- ${escapeMarkdownCell(e.timeText || `(${labels.noTime})`)}: ${escapeMarkdownCell(e.text)}`);
    }
  }
  return lines.join('\n') + '\n';
}
