/**
 * The incident's header: id, title, the window in words ("2019-11-19 10:40–20:50 JST, 10h 10m",
 * the other zone beside it in Both), status, severity, facts, sources and duration figures.
 */
import { visibleText } from '../../../common/render/escape';
import type { TimelineLabels } from '../../../common/render/labels';
import { figureText, type Clock, type TimelineView } from '../../../common/render/layout';
import { windowTexts } from '../../../common/render/reading';
import { updateFigures } from '../../../common/render/updateFigures';
import { h } from './dom';

/** Panels at most this wide or this tall (px) start with the facts folded. */
const NARROW_PANEL = 480;
const SHORT_PANEL = 600;

/**
 * The reader's own fold or unfold of the facts, which the page keeps in its saved state: every
 * keystroke re-renders the header, and a reload brings the panel back.
 */
export interface FactsFold {
  /** Undefined until the reader folds or unfolds them. */
  readonly chosen: boolean | undefined;
  choose(open: boolean): void;
}

export function renderHeader(container: HTMLElement, view: TimelineView, labels: TimelineLabels, clocks: readonly Clock[], openLink: (url: string) => void, fold: FactsFold): void {
  container.replaceChildren();
  const incident = view.model.incident;
  if (!incident) {
    container.appendChild(h('p', { className: 'empty', text: labels.notAnIncident }));
    return;
  }
  const title = h('h1');
  if (incident.id) title.appendChild(h('span', { className: 'id', text: incident.id }));
  title.appendChild(document.createTextNode(incident.title ?? labels.untitledIncident));
  container.appendChild(title);

  const windows = windowTexts(view, clocks, labels);
  if (windows) {
    const duration = view.figures.find((f) => f.key === 'duration');
    const primary = h('span', { className: 'primary', text: windows[0] });
    // The duration wraps as one piece ("5d 2h 57m", never "5d 2h" then "57m").
    if (duration?.value !== undefined) primary.append(', ', h('span', { className: 'duration', text: figureText(duration, labels) }));
    const line = h('p', { className: 'window', attrs: { title: labels.incidentWindow } }, primary);
    for (const other of windows.slice(1)) line.append(h('span', { className: 'other', text: other }));
    container.appendChild(line);
  }

  const chips = h('div', { className: 'chips' });
  if (incident.status) chips.appendChild(h('span', { className: `chip status-${incident.status}`, text: incident.status, attrs: { title: labels.status } }));
  if (incident.severity) chips.appendChild(h('span', { className: `chip severity-${incident.severity}`, text: incident.severity, attrs: { title: labels.severity } }));
  for (const tag of incident.tags ?? []) chips.appendChild(h('span', { className: 'chip tag', text: tag }));
  if (chips.childElementCount) container.appendChild(chips);

  const updates = updateFigures(view, labels);
  if (view.figures.length || updates.length) {
    const figures = h('div', { className: 'figures' });
    for (const f of view.figures) {
      figures.appendChild(h('div', { className: 'figure' }, h('span', { className: 'label', text: labels.figures[f.key] }), h('span', { className: f.value === undefined ? 'value withheld' : f.approx ? 'value approx' : 'value', text: figureText(f, labels) })));
    }
    // The figures of the status page's updates, beside the durations.
    for (const f of updates) {
      figures.appendChild(h('div', { className: `figure ${f.key}` }, h('span', { className: 'label', text: f.label }), h('span', { className: 'value', text: f.value })));
    }
    container.appendChild(figures);
  }

  const dl = h('dl');
  const fact = (name: string, value: string | undefined) => {
    if (!value) return;
    dl.append(h('dt', { text: name }), h('dd', { text: value }));
  };
  fact(labels.service, incident.service);
  fact(labels.regions, incident.regions?.join(', '));
  fact(labels.impact, incident.impact);
  fact(labels.cause, incident.cause);
  if (incident.sources?.length) {
    const list = h('ul', { className: 'sources' });
    for (const source of incident.sources) {
      // The link opens through the host (openExternal), never inside the webview.
      // The title is visible already (buildTimelineView); the url stays as written for opening.
      const shownUrl = visibleText(source.url);
      const link = h('a', { text: source.title ?? shownUrl, attrs: { href: '#', title: shownUrl } });
      link.addEventListener('click', (event) => {
        event.preventDefault();
        openLink(source.url);
      });
      list.appendChild(h('li', {}, link));
    }
    dl.append(h('dt', { text: labels.sources }), h('dd', {}, list));
  }
  if (!dl.childElementCount) return;
  // The facts fold away in a narrow or short panel, so the timeline keeps the height.
  const summary = h('summary', { text: labels.incidentDetails });
  const details = h('details', { className: 'facts' }, summary, dl);
  const page = container.ownerDocument.documentElement;
  details.open = fold.chosen ?? (page.clientWidth > NARROW_PANEL && page.clientHeight > SHORT_PANEL);
  // The click comes before the toggle: the fold chosen is the opposite of the current one.
  summary.addEventListener('click', () => fold.choose(!details.open));
  container.appendChild(details);
}
