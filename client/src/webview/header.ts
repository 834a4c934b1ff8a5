/** The incident's header: id, title, status, severity, facts, sources and duration figures. */
import { visibleText } from '../../../common/render/escape';
import type { TimelineLabels } from '../../../common/render/labels';
import { figureText, type TimelineView } from '../../../common/render/layout';
import { h } from './dom';

export function renderHeader(container: HTMLElement, view: TimelineView, labels: TimelineLabels, openLink: (url: string) => void): void {
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

  const chips = h('div', { className: 'chips' });
  if (incident.status) chips.appendChild(h('span', { className: `chip status-${incident.status}`, text: incident.status, attrs: { title: labels.status } }));
  if (incident.severity) chips.appendChild(h('span', { className: `chip severity-${incident.severity}`, text: incident.severity, attrs: { title: labels.severity } }));
  for (const tag of incident.tags ?? []) chips.appendChild(h('span', { className: 'chip tag', text: tag }));
  if (chips.childElementCount) container.appendChild(chips);

  if (view.figures.length) {
    const figures = h('div', { className: 'figures' });
    for (const f of view.figures) {
      figures.appendChild(h('div', { className: 'figure' }, h('span', { className: 'label', text: labels.figures[f.key] }), h('span', { className: f.value === undefined ? 'value withheld' : 'value', text: figureText(f, labels) })));
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
  if (dl.childElementCount) container.appendChild(dl);
}
