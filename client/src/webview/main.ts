/**
 * The preview page. It receives models from the host (typed HostMessage), draws them with the
 * shared renderer's view, and posts WebviewMessages back: reveal an event, open a link, show
 * problems, state changes. Its state (zone, mode, zoom, scroll, selection) is kept with
 * setState so the panel comes back the same after a reload.
 */
import type { HostMessage, PreviewState, WebviewMessage } from '../previewMessages';
import { MAX_ZOOM, parsePreviewState } from '../previewMessages';
import type { TimelineModel } from '../../../common/protocol';
import { applyTimelineChanges } from '../../../common/timelineChanges';
import { KIND_NAMES, KIND_STYLES } from '../../../common/render/kinds';
import { countText, fillIn, parseTimelineLabels, type TimelineLabels } from '../../../common/render/labels';
import { clockName, clockOf, displayClocks, type Clock, type ZoneChoice } from '../../../common/render/clocks';
import { buildTimelineView, eventLabel, type TimelineView } from '../../../common/render/layout';
import { fallbackMode, isZoneChoice, ZONE_MODES } from '../../../common/settings';
import { ComponentLanesPanel } from './componentLanes';
import { h, shapeSvg } from './dom';
import { renderHeader, type FactsFold } from './header';
import { OverviewStrip } from './overview';
import { ReadingLayer, type EventFilter } from './readingLayer';
import './preview.css';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: PreviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const post = (message: WebviewMessage) => vscode.postMessage(message);

/** The page's words, as the host put them in data-labels (English when absent or broken). */
function hostLabels(): TimelineLabels {
  try {
    return parseTimelineLabels(JSON.parse(document.body.dataset.labels ?? 'null'));
  } catch {
    return parseTimelineLabels(undefined);
  }
}

const labels = hostLabels();

/** The zone setting as the host put it in data-default-zone. */
function hostDefaultZone(): ZoneChoice {
  const zone = document.body.dataset.defaultZone;
  return isZoneChoice(zone) ? zone : 'JST';
}

function initialState(): PreviewState {
  const saved = parsePreviewState(vscode.getState());
  if (saved) return saved;
  let fromHost: unknown;
  try {
    fromHost = JSON.parse(document.body.dataset.state ?? 'null');
  } catch {
    fromHost = undefined;
  }
  const parsed = parsePreviewState(fromHost);
  return parsed ?? {
    uri: '', locked: false, zone: hostDefaultZone(), zoneChosen: false,
    mode: 'timeline', zoom: 1, scrollLeft: 0, scrollTop: 0,
  };
}

/** The filter a saved state describes: the kinds hidden, the search text as matched (lower-case). */
function filterOf(state: PreviewState): EventFilter {
  return { hiddenKinds: new Set(state.hiddenKinds ?? []), query: (state.query ?? '').trim().toLowerCase() };
}

class PreviewPage {
  private state: PreviewState = initialState();
  /** The setting's zone; its mode (fallbackMode) is what 'file' shows for a file without a zone of its own. */
  private defaultZone: ZoneChoice = hostDefaultZone();
  private view: TimelineView | undefined;
  /** The model last rendered: what a 'patch' applies to. */
  private model: TimelineModel | undefined;
  /** Index (file order) -> position in time order. */
  private positions = new Map<number, number>();
  private selectedPosition = -1;
  private framePending = false;
  private restoredScroll = false;
  private suppressScrollSave = false;
  /** The model shown is the last good one, not the newest text's. */
  private stale = false;
  /** Kinds the reader hid in the legend, and the search text (lower-case), as saved. */
  private filter: EventFilter = filterOf(this.state);

  private readonly header = h('header', { className: 'incident' });
  private readonly banner = h('div', { className: 'banner', attrs: { role: 'status' } });
  private readonly unreadable = h('section', { className: 'unreadable' });
  private readonly toolbar = h('div', { className: 'toolbar', attrs: { role: 'toolbar', 'aria-label': labels.timelineView } });
  private readonly viewport = h('div', { className: 'viewport', attrs: { tabindex: '0', role: 'listbox', 'aria-label': labels.eventsInTimeOrder } });
  private readonly live = h('div', { className: 'sr-only', attrs: { 'aria-live': 'polite' } });
  private readonly count = h('span', { className: 'count', attrs: { role: 'status' } });
  private readonly search = h('input', { className: 'search', attrs: { type: 'search', placeholder: labels.searchEvents, 'aria-label': labels.searchEvents } });
  private readonly daySelect = h('select', { className: 'days', attrs: { 'aria-label': labels.jumpToDay, title: labels.jumpToDay } });
  private readonly zoneButtons = new Map<ZoneChoice, HTMLButtonElement>();
  private readonly modeButton = h('button', { text: labels.list, attrs: { 'aria-pressed': 'false', title: labels.listTitle } });
  private readonly legend = h('div', { className: 'legend', attrs: { 'aria-label': labels.legend } });
  private readonly overview = new OverviewStrip((epochMs) => {
    const position = this.reading.nearestShown(epochMs);
    if (position !== undefined) this.select(position, false, true);
  });
  /** A click on a component's band selects the event whose update set it. */
  private readonly lanes = new ComponentLanesPanel(labels, (index) => {
    const position = this.positions.get(index);
    if (position !== undefined) this.select(position, true, true);
  }, (index) => this.hover(index, 'lanes'));
  /** The event under the pointer, in the reading layout or on a band (file index), or null. */
  private hovered: number | null = null;
  private readonly reading = new ReadingLayer(this.viewport, labels, { select: (pos, reveal) => this.select(pos, reveal) });

  constructor(root: HTMLElement) {
    this.buildToolbar();
    this.modeButton.setAttribute('aria-pressed', String(this.state.mode === 'list'));
    this.banner.hidden = true;
    this.unreadable.hidden = true;
    root.append(this.header, this.banner, this.unreadable, this.toolbar, this.overview.element, this.lanes.element, this.viewport, this.live);
    this.viewport.addEventListener('scroll', () => this.schedulePaint(true), { passive: true });
    this.viewport.addEventListener('keydown', (e) => this.onKey(e));
    this.viewport.addEventListener('wheel', (e) => this.onWheel(e), { passive: false });
    new ResizeObserver(() => this.relayout()).observe(this.viewport);
    this.trackHover();
    window.addEventListener('message', (event: MessageEvent<HostMessage>) => this.onMessage(event.data));
    this.header.appendChild(h('p', { className: 'empty', text: labels.loading }));
    post({ type: 'ready' });
  }

  private buildToolbar(): void {
    const zones = h('div', { className: 'group', attrs: { role: 'group', 'aria-label': labels.timeZone } }, h('span', { className: 'group-label', text: labels.zone }));
    // The file's own zone, named by its abbreviation, joins the group only while a file with one is shown.
    for (const zone of ['file', ...ZONE_MODES] as const) {
      const button = h('button', { text: zone === 'both' ? labels.bothZones : zone, attrs: { 'aria-pressed': String(zone === this.state.zone), 'data-zone': zone } });
      button.addEventListener('click', () => this.setZone(zone, true));
      this.zoneButtons.set(zone, button);
      if (zone !== 'file') zones.appendChild(button);
    }
    const zoomOut = h('button', { text: '−', attrs: { title: labels.zoomOutTitle, 'aria-label': labels.zoomOut } });
    const zoomIn = h('button', { text: '+', attrs: { title: labels.zoomInTitle, 'aria-label': labels.zoomIn } });
    const fit = h('button', { text: labels.fitAll, attrs: { title: labels.fitAllTitle } });
    zoomOut.addEventListener('click', () => this.zoomBy(1 / 1.5));
    zoomIn.addEventListener('click', () => this.zoomBy(1.5));
    fit.addEventListener('click', () => this.setZoom(1));
    this.modeButton.addEventListener('click', () => this.setMode(this.state.mode === 'list' ? 'timeline' : 'list'));
    const view = h('div', { className: 'group', attrs: { role: 'group', 'aria-label': labels.zoomAndMode } }, zoomOut, zoomIn, fit, this.modeButton);
    this.search.addEventListener('input', () => this.setFilter({ query: this.search.value }));
    this.daySelect.addEventListener('change', () => {
      this.reading.revealDay(this.daySelect.value);
      this.paintNow();
    });
    // Second row: finding your way (search, days, how many shown, the kinds as filters).
    const find = h('div', { className: 'find' }, this.search, this.daySelect, this.count, this.legend);
    this.toolbar.append(zones, view, find);
  }

  /** The reader changed the filters: kept in the saved state, then drawn. */
  private setFilter(patch: Pick<PreviewState, 'hiddenKinds' | 'query'>): void {
    this.update(patch);
    this.filter = filterOf(this.state);
    this.applyFilter();
  }

  private applyFilter(): void {
    if (!this.view) return;
    this.relayoutKeepingPlace();
    this.renderCount();
  }

  private renderCount(): void {
    if (!this.view) return;
    const all = this.view.events.length;
    const shown = this.reading.shownCount;
    this.count.textContent = shown === all ? countText(all, labels.oneEvent, labels.events) : fillIn(labels.shownOfEvents, shown, all);
  }

  /** The day list follows the layout's day headings (in the chosen zone); hidden with one day. */
  private renderDays(): void {
    const days = this.reading.days;
    const current = this.daySelect.value;
    this.daySelect.replaceChildren(...days.map((day) => h('option', { text: day, attrs: { value: day } })));
    if (days.includes(current)) this.daySelect.value = current;
    this.daySelect.hidden = days.length < 2;
  }

  /** The legend names the kinds this incident uses, in the catalogue's order; each one toggles its events. */
  private renderLegend(view: TimelineView): void {
    const present = new Set(view.events.map((e) => e.kind));
    this.legend.replaceChildren(...KIND_NAMES.filter((kind) => present.has(kind)).map((kind) => {
      // The name is also the button's label: in a narrow panel only the shapes are drawn.
      const button = h('button', {
        className: 'kind-filter',
        attrs: { 'aria-pressed': String(!this.filter.hiddenKinds.has(kind)), 'aria-label': labels.kinds[kind], title: `${labels.kinds[kind]}: ${labels.kindFilterTitle}` },
      }, shapeSvg(kind, KIND_STYLES[kind].path), h('span', { className: 'name', text: labels.kinds[kind] }));
      button.addEventListener('click', () => {
        const hidden = new Set(this.state.hiddenKinds);
        if (hidden.has(kind)) hidden.delete(kind);
        else hidden.add(kind);
        button.setAttribute('aria-pressed', String(!hidden.has(kind)));
        this.setFilter({ hiddenKinds: KIND_NAMES.filter((k) => hidden.has(k)) });
      });
      return button;
    }));
  }

  /**
   * The kinds' names go when they do not all fit beside the search (the shapes stay, named by
   * their title and aria-label), rather than the last kinds being cut off at the panel's edge.
   */
  private fitLegend(): void {
    this.legend.classList.remove('shapes-only');
    if (this.legend.scrollWidth > this.legend.clientWidth + 1) this.legend.classList.add('shapes-only');
  }

  private onMessage(message: HostMessage): void {
    switch (message.type) {
      case 'render':
        this.render(message.model.uri, message);
        break;
      case 'patch':
        this.patch(message);
        break;
      case 'highlight':
        if (message.index === null) break;
        this.selectIndex(message.index);
        break;
      case 'defaultZone':
        this.defaultZone = message.zone;
        if (!this.state.zoneChosen) this.setZone(message.zone, false);
        break;
      case 'problems':
        if (this.view) this.renderBanner(message.problems, this.stale);
        break;
      case 'locked':
        this.update({ locked: message.locked });
        break;
    }
  }

  private render(uri: string, message: Extract<HostMessage, { type: 'render' }>): void {
    // A standard performance mark, so tests and profiles can read how long a render took.
    performance.mark('incident-render-start');
    this.renderModel(uri, message);
    performance.measure('incident-render', 'incident-render-start');
  }

  /** Changes to the model on screen: the same page as a render of the whole changed model. */
  private patch(message: Extract<HostMessage, { type: 'patch' }>): void {
    const { changes } = message;
    const held = this.model;
    if (!held || held.uri !== changes.uri || held.version !== changes.baseVersion) {
      post({ type: 'resync' });
      return;
    }
    const model = applyTimelineChanges(held, changes);
    this.render(model.uri, { type: 'render', model, locked: message.locked, problems: message.problems, stale: false, extraZones: message.extraZones });
  }

  private renderModel(uri: string, message: Extract<HostMessage, { type: 'render' }>): void {
    const sameDocument = uri === this.state.uri;
    this.model = message.model;
    const view = buildTimelineView(message.model, message.extraZones);
    this.view = view;
    this.positions = new Map(view.events.map((e, pos) => [e.index, pos]));
    const selectedIndex = this.state.selected;
    this.selectedPosition = selectedIndex !== undefined ? this.positions.get(selectedIndex) ?? -1 : -1;
    // Another document starts fitted, at its top, unfiltered.
    this.update(sameDocument ? { locked: message.locked } : { uri, locked: message.locked, zoom: 1, scrollLeft: 0, scrollTop: 0, selected: undefined, hiddenKinds: undefined, query: undefined });
    this.filter = filterOf(this.state);
    if (!sameDocument) this.selectedPosition = -1;
    this.renderZoneButtons();
    renderHeader(this.header, view, labels, this.clocks(), (url) => post({ type: 'openLink', url }), this.factsFold());
    this.stale = message.stale;
    this.renderBanner(message.problems, message.stale);
    this.renderUnreadable(view);
    this.search.value = this.state.query ?? '';
    this.renderLegend(view);
    this.setLayerView();
    this.renderCount();
    if (!sameDocument) {
      // Another document: start at its beginning, fitted.
      this.suppressScrollSave = true;
      this.viewport.scrollLeft = 0;
      this.viewport.scrollTop = 0;
    }
    this.relayout();
  }

  /** The header's facts fold as the reader last chose it (kept in the saved state). */
  private factsFold(): FactsFold {
    return { chosen: this.state.detailsOpen, choose: (open) => this.update({ detailsOpen: open }) };
  }

  private renderBanner(problems: { errors: number; warnings: number }, stale: boolean): void {
    const parts: string[] = [];
    if (problems.errors) parts.push(countText(problems.errors, labels.oneError, labels.errors));
    if (problems.warnings) parts.push(countText(problems.warnings, labels.oneWarning, labels.warnings));
    if (!parts.length && !stale) {
      this.banner.hidden = true;
      return;
    }
    const children: Node[] = [];
    if (stale) children.push(h('span', { text: labels.staleModel }));
    if (parts.length) {
      const counted = parts.length === 2 ? fillIn(labels.errorsAndWarnings, parts[0], parts[1]) : parts[0];
      children.push(h('span', { text: fillIn(labels.problemsInFile, counted) }));
      const button = h('button', { text: labels.showProblems });
      button.addEventListener('click', () => post({ type: 'showProblems' }));
      children.push(button);
    }
    this.banner.className = `banner${problems.errors ? ' errors' : ''}`;
    this.banner.replaceChildren(...children);
    this.banner.hidden = false;
  }

  private renderUnreadable(view: TimelineView): void {
    if (!view.unreadable.length) {
      this.unreadable.hidden = true;
      this.unreadable.replaceChildren();
      return;
    }
    const list = h('ul');
    for (const e of view.unreadable) {
      const link = h('a', { attrs: { href: '#', title: labels.showInEditor } }, h('code', { text: e.timeText || labels.noTime }));
      link.addEventListener('click', (event) => {
        event.preventDefault();
        post({ type: 'reveal', index: e.index });
      });
      list.appendChild(h('li', {}, link, document.createTextNode(` ${e.text}`)));
    }
    this.unreadable.replaceChildren(h('h2', { text: fillIn(labels.unreadableCount, view.unreadable.length) }), list);
    this.unreadable.hidden = false;
  }

  /** Heights depend on the width: a new width re-measures (the layer keeps the rest). */
  private relayout(): void {
    if (!this.view) return;
    this.fitLegend();
    const vp = this.viewport;
    if (vp.firstChild !== this.reading.canvas) vp.replaceChildren(this.reading.canvas);
    this.reading.resize();
    if (!this.restoredScroll) {
      // First render after a reload: put the scroll back where it was.
      this.restoredScroll = true;
      this.suppressScrollSave = true;
      vp.scrollTop = this.state.scrollTop;
    }
    this.layerSelect();
    this.paintNow();
  }

  private setLayerView(): void {
    if (!this.view) return;
    this.reading.setView(this.view, this.clocks(), this.state.mode, this.state.mode === 'list' ? 1 : this.state.zoom, this.filter);
    this.overview.setView(this.view, (position) => this.reading.isShown(position));
    this.lanes.setView(this.view, this.clocks(), this.state.selected);
    this.renderDays();
  }

  private schedulePaint(saveScroll: boolean): void {
    if (saveScroll && !this.suppressScrollSave) {
      this.state = { ...this.state, scrollLeft: this.viewport.scrollLeft, scrollTop: this.viewport.scrollTop };
    }
    this.suppressScrollSave = false;
    if (this.framePending) return;
    this.framePending = true;
    requestAnimationFrame(() => {
      this.framePending = false;
      this.paintNow();
      vscode.setState(this.state);
    });
  }

  private paintNow(): void {
    this.reading.paint();
    // Hiding or showing the strip resizes the viewport, which paints again: measured with the
    // strip's room counted in, the answer stays the same.
    const vp = this.viewport;
    this.overview.setNeeded(vp.scrollHeight > vp.clientHeight + this.overview.height);
    const times = this.reading.visibleTimes();
    this.overview.draw(times?.fromMs, times?.toMs);
    document.body.dataset.rendered = String((Number(document.body.dataset.rendered) || 0) + 1);
  }

  /** The file's own zone as a clock ('JST', 'UTC' or an IANA name); undefined without one. */
  private fileZoneClock(): Clock | undefined {
    const zone = this.view?.model.incident?.zone;
    return zone ? clockOf(zone) : undefined;
  }

  /** The file's own zone when it is neither JST nor UTC (those have their buttons). */
  private fileClock(): Clock | undefined {
    const clock = this.fileZoneClock();
    return clock === 'JST' || clock === 'UTC' ? undefined : clock;
  }

  /** The choice in effect: 'file' reads as JST or UTC for a file in those zones, and as the setting's zone for one without a zone. */
  private effectiveZone(): ZoneChoice {
    if (this.state.zone !== 'file' || this.fileClock()) return this.state.zone;
    const clock = this.fileZoneClock();
    return clock === 'JST' || clock === 'UTC' ? clock : fallbackMode(this.defaultZone);
  }

  private clocks(): Clock[] {
    return displayClocks(this.effectiveZone(), this.view?.model.incident?.zone);
  }

  /** The file-zone button shows the file's zone by name ("PT"), its IANA name in the tooltip; the pressed one is the choice in effect. */
  private renderZoneButtons(): void {
    const fileButton = this.zoneButtons.get('file')!;
    const clock = this.fileClock();
    if (clock && this.view) {
      fileButton.textContent = clockName(clock, this.view.window?.startMs ?? this.view.domain.startMs);
      fileButton.title = clock;
      if (!fileButton.isConnected) this.zoneButtons.get('JST')!.before(fileButton);
    } else {
      fileButton.remove();
    }
    const effective = this.effectiveZone();
    for (const [z, button] of this.zoneButtons) button.setAttribute('aria-pressed', String(z === effective));
  }

  private update(patch: Partial<PreviewState>, notifyHost = false): void {
    this.state = { ...this.state, ...patch };
    vscode.setState(this.state);
    if (notifyHost) post({ type: 'state', state: this.state });
  }

  private setZone(zone: ZoneChoice, chosen: boolean): void {
    this.update({ zone, zoneChosen: this.state.zoneChosen || chosen }, true);
    this.renderZoneButtons();
    if (!this.view) return;
    renderHeader(this.header, this.view, labels, this.clocks(), (url) => post({ type: 'openLink', url }), this.factsFold());
    this.relayoutKeepingPlace();
  }

  private setMode(mode: PreviewState['mode']): void {
    this.update({ mode }, true);
    this.modeButton.setAttribute('aria-pressed', String(mode === 'list'));
    this.relayoutKeepingPlace();
  }

  private zoomBy(factor: number): void {
    this.setZoom(this.state.zoom * factor);
  }

  private setZoom(zoom: number): void {
    this.update({ zoom: Math.min(MAX_ZOOM, Math.max(1, zoom)) }, true);
    if (this.view) this.relayoutKeepingPlace();
  }

  /**
   * New items (zone, mode or zoom changed): the selected event stays in view; without one, the
   * event at the top of the viewport stays at the top.
   */
  private relayoutKeepingPlace(): void {
    const vp = this.viewport;
    const anchor = this.selectedPosition >= 0 ? -1 : this.reading.positionAt(vp.scrollTop);
    const offset = anchor >= 0 ? (this.reading.boundsOf(anchor)?.top ?? 0) - vp.scrollTop : 0;
    this.setLayerView();
    this.relayout();
    if (this.selectedPosition >= 0) this.reading.reveal(this.selectedPosition, true);
    else if (anchor >= 0) {
      const bounds = this.reading.boundsOf(anchor);
      if (bounds) vp.scrollTop = Math.max(0, bounds.top - offset);
    }
    this.paintNow();
  }

  private onWheel(event: WheelEvent): void {
    if (!(event.ctrlKey || event.metaKey) || this.state.mode !== 'timeline') return;
    event.preventDefault();
    this.zoomBy(Math.pow(1.2, -event.deltaY / 100));
  }

  /** Hovering an event marks its bands in the lanes, and hovering a band marks its event. */
  private trackHover(): void {
    this.viewport.addEventListener('mouseover', (e) => {
      const item = (e.target as Element).closest<HTMLElement>('.event');
      this.hover(item ? Number(item.dataset.index) : null, 'reading');
    });
    this.viewport.addEventListener('mouseleave', () => this.hover(null, 'reading'));
  }

  /**
   * The event under the pointer changed: the host is told once per change (it marks the source
   * lines), its bands are marked, and, when the pointer is on a band, so is the event.
   */
  private hover(index: number | null, from: 'reading' | 'lanes'): void {
    if (index === this.hovered) return;
    this.hovered = index;
    post({ type: 'hover', index });
    this.lanes.setHovered(index);
    for (const item of this.viewport.querySelectorAll('.item.event.hovered')) item.classList.remove('hovered');
    if (from === 'lanes' && index !== null) this.viewport.querySelector(`.item.event[data-index="${index}"]`)?.classList.add('hovered');
  }

  private onKey(event: KeyboardEvent): void {
    const view = this.view;
    if (!view || !view.events.length) return;
    const current = this.selectedPosition;
    let next: number | undefined;
    // Steps go through the events the filters show.
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        next = this.reading.step(current, 1);
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        next = this.reading.step(current, -1);
        break;
      case 'Home':
        next = this.reading.firstShown;
        break;
      case 'End':
        next = this.reading.lastShown;
        break;
      case 'Enter':
      case ' ':
        if (current >= 0) post({ type: 'reveal', index: view.events[current].index });
        event.preventDefault();
        return;
      case '+':
      case '=':
        this.zoomBy(1.5);
        event.preventDefault();
        return;
      case '-':
        this.zoomBy(1 / 1.5);
        event.preventDefault();
        return;
      case '0':
        this.setZoom(1);
        event.preventDefault();
        return;
      default:
        return;
    }
    event.preventDefault();
    if (next !== undefined) this.select(next, false);
  }

  /** Selects by position in time order; `reveal` asks the host to show its source. */
  /** `center`: scroll it to a third of the height even when it is already in view (a jump). */
  private select(position: number, reveal: boolean, center = false): void {
    const view = this.view;
    if (!view || position < 0 || position >= view.events.length) return;
    this.selectedPosition = position;
    const event = view.events[position];
    this.update({ selected: event.index });
    this.layerSelect();
    this.revealSelected(center);
    this.viewport.focus({ preventScroll: true });
    this.live.textContent = eventLabel(event, this.clocks(), labels);
    if (reveal) post({ type: 'reveal', index: event.index });
  }

  /** The host says the cursor is in this event: highlight and bring it into view, post nothing back. */
  private selectIndex(index: number): void {
    const position = this.positions.get(index);
    if (position === undefined || !this.view) return;
    this.selectedPosition = position;
    this.update({ selected: index });
    this.layerSelect();
    this.revealSelected();
  }

  private layerSelect(): void {
    this.reading.setSelected(this.selectedPosition);
    this.lanes.setSelected(this.view?.events[this.selectedPosition]?.index);
    const index = this.view?.events[this.selectedPosition]?.index;
    if (index !== undefined) this.viewport.setAttribute('aria-activedescendant', `event-${index}`);
    else this.viewport.removeAttribute('aria-activedescendant');
  }

  private revealSelected(center = false): void {
    if (this.selectedPosition < 0) return;
    this.reading.reveal(this.selectedPosition, center);
    this.paintNow();
  }
}

const root = document.getElementById('app');
if (root) new PreviewPage(root);
