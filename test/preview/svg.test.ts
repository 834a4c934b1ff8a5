/**
 * The SVG export in the reading design (issue 12): the window in words, day headings, each
 * event's whole text wrapped to the width, space proportional to time within bursts, quiet gaps
 * compressed with their length, the overview strip when the page runs long and the place where
 * component lanes go. Positions are exact; Chromium's own measure of the text is in
 * test/browser/exports.test.ts.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseIncident } from '../../server/src/core/parse';
import { toTimelineModel } from '../../server/src/timelineModel';
import { buildTimelineView, renderExport, renderSvg, textWidth, wrapText, type LaneArea } from '../../common/render/index';

const ROOT = path.join(__dirname, '../..');
const EXAMPLE = fs.readFileSync(path.join(ROOT, 'examples/exchange-online-2019-11-19.incident.yaml'), 'utf8');
const viewOf = (text: string) => buildTimelineView(toTimelineModel('file:///x.incident.yaml', 1, parseIncident(text)));
const T0 = Date.parse('2024-03-01T00:00Z');

/** An incident with events `minutes` after T0 (UTC), each with its text. */
function incident(minutes: readonly number[], text: (i: number) => string = (i) => `event ${i}`, kind = 'update'): string {
  const at = (m: number) => new Date(T0 + m * 60_000).toISOString().replace(':00.000Z', 'Z');
  return `id: S\ntitle: S\nstatus: resolved\nstart: ${at(0)}\nend: ${at(Math.max(...minutes))}\ntimeline:\n${
    minutes.map((m, i) => `  - at: ${at(m)}\n    kind: ${kind}\n    event: ${JSON.stringify(text(i))}`).join('\n')}\n`;
}

/** The body's items in order: day headings, gaps, and events with their marker's top and their text lines. */
function bodyItems(svg: string): string[] {
  const body = svg.slice(svg.indexOf('<line class="rail"'));
  return [...body.matchAll(/<text class="fg" x="34" y="([\d.]+)" font-weight="600">([^<]*)<\/text>|<g class="gap">.*?>… ([^<]*) …<\/text><\/g>|<g class="event" data-index="(\d+)">.*?translate\([\d.]+ ([\d.]+)\).*?<\/g>/g)]
    .map((m) => (m[2] !== undefined ? `day ${m[2]} @${m[1]}` : m[3] !== undefined ? `gap ${m[3]}` : `event ${m[4]} @${m[5]}`));
}

/** Each event's text lines (the tspans of its text block). */
function eventLines(svg: string): Map<number, string[]> {
  return new Map([...svg.matchAll(/<g class="event" data-index="(\d+)">(.*?)<\/g>/g)].map((m) => {
    const block = /<text class="fg" x="34" y="[\d.]+">(.*?)<\/text>$/.exec(m[2]);
    return [Number(m[1]), [...(block?.[1] ?? '').matchAll(/<tspan [^>]*>([^<]*)<\/tspan>/g)].map((t) => t[1])];
  }));
}

const heightOf = (svg: string) => Number(/^<svg [^>]*height="(\d+)"/.exec(svg)?.[1]);

describe('renderSvg: the reading layout as a picture', () => {
  it('the flagship: title, the window in words, the facts, a legend of the kinds present, then the day, both events whole and the gap between', () => {
    const svg = renderExport(toTimelineModel('file:///x', 1, parseIncident(EXAMPLE)), 'svg', 'UTC');
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" class="it-svg" width="800" height="289" viewBox="0 0 800 289" role="img" aria-label="Timeline of EX196121: 2 events">'), svg.slice(0, 200));
    const content = svg.slice(svg.indexOf('</style>') + 8);
    assert.equal(content, [
      '<rect class="bg" width="800" height="289"/>',
      '<text class="fg" x="16" y="28" font-size="18" font-weight="600"><tspan x="16" y="28">EX196121 — Problems receiving mail</tspan></text>',
      '<text class="fg" x="16" y="52" font-weight="600"><tspan x="16" y="52">2019-11-19 01:40–11:50 UTC, 10h 10m</tspan></text>',
      '<text class="muted" x="16" y="71" font-size="12"><tspan x="16" y="71">resolved · Exchange Online · Duration 10h 10m · Time to detect 0s · Time to resolve 10h 10m</tspan></text>',
      '<path class="kind-detected" transform="translate(16 82)" d="M6 0.5 L11.5 11 L0.5 11 Z"/><text class="fg" x="32" y="92">detected</text>',
      '<path class="kind-resolved" transform="translate(103.8 82)" d="M1 1 H11 V11 H1 Z"/><text class="fg" x="119.8" y="92">resolved</text>',
      '<line class="rail" x1="22" x2="22" y1="104" y2="277"/>',
      '<text class="fg" x="34" y="129" font-weight="600">2019-11-19</text>',
      '<g class="event" data-index="0"><title>2019-11-19 01:40 UTC, +0s, detected: Start of impact: mail from external users and internal mail with attachments is delayed or not received in Australia, Japan and India.</title>'
      + '<path class="kind-detected" transform="translate(16 145)" d="M6 0.5 L11.5 11 L0.5 11 Z"/>'
      + '<text class="fg" x="34" y="155" font-weight="600">01:40 UTC</text><text class="muted" x="119.0" y="155">+0s</text><text class="muted" x="155.0" y="155">detected</text>'
      + '<text class="fg" x="34" y="174"><tspan x="34" y="174">Start of impact: mail from external users and internal mail with attachments is delayed or not received in</tspan>'
      + '<tspan x="34" y="193">Australia, Japan and India.</tspan></text></g>',
      '<g class="gap"><rect class="bg" x="17" y="208" width="10" height="16"/><line class="gap-edge" x1="17" x2="27" y1="208.5" y2="208.5"/>'
      + '<line class="gap-edge" x1="17" x2="27" y1="223.5" y2="223.5"/><text class="muted" x="34" y="221" font-style="italic">… 10h 10m …</text></g>',
      '<g class="event" data-index="1"><title>2019-11-19 11:50 UTC, +10h 10m, resolved: The configuration change is rolled back and service is restored; queued mail is delivered normally.</title>'
      + '<path class="kind-resolved" transform="translate(16 238)" d="M1 1 H11 V11 H1 Z"/>'
      + '<text class="fg" x="34" y="248" font-weight="600">11:50 UTC</text><text class="muted" x="119.0" y="248">+10h 10m</text><text class="muted" x="198.2" y="248">resolved</text>'
      + '<text class="fg" x="34" y="267"><tspan x="34" y="267">The configuration change is rolled back and service is restored; queued mail is delivered normally.</tspan></text></g>',
      '</svg>\n',
    ].join(''));
  });

  it('in Both, the window in each zone and both clocks on each event', () => {
    const svg = renderSvg(viewOf(EXAMPLE), { zone: 'both' });
    assert.ok(svg.includes('<tspan x="16" y="52">2019-11-19 10:40–20:50 JST, 10h 10m</tspan></text><text class="muted" x="16" y="71"><tspan x="16" y="71">2019-11-19 01:40–11:50 UTC</tspan>'), svg);
    assert.ok(svg.includes('>10:40 JST · 01:40 UTC</text>'));
    assert.deepEqual(bodyItems(svg).filter((item) => item.startsWith('day')), ['day 2019-11-19 @148'], 'days follow JST, the first zone');
  });

  it('space within a burst is proportional to time: 0.6 px a minute between one event\'s end and the next one\'s start', () => {
    // Each event takes 48 px (padding, the time line, one line of text).
    const svg = renderSvg(viewOf(incident([0, 1, 11, 41])), { zone: 'UTC' });
    assert.deepEqual(bodyItems(svg), ['day 2024-03-01 @129', 'event 0 @145', 'event 1 @193.6', 'event 2 @247.6', 'event 3 @313.6']);
  });

  it('a quiet gap is compressed into one line with its length, a new day gets its heading, and the picture ends with its content', () => {
    const svg = renderSvg(viewOf(incident([0, 10, 380, 1500, 1505])), { zone: 'UTC' });
    assert.deepEqual(bodyItems(svg), [
      'day 2024-03-01 @129', 'event 0 @145', 'event 1 @199',
      'gap 6h 10m', 'event 2 @273',
      'gap 18h 40m', 'day 2024-03-02 @363', 'event 3 @379', 'event 4 @430',
    ]);
    // The last event starts 9 px above its marker and takes 48 px; then a 12 px margin.
    assert.equal(heightOf(svg), 430 - 9 + 48 + 12);
  });

  it('each event\'s whole text, wrapped to the width, however long (no cut at 300 characters in an export)', () => {
    const long = `${'The database failover completed and replication lag is back under one second; '.repeat(8)}end.`;
    for (const width of [360, 800]) {
      const svg = renderSvg(viewOf(incident([0, 5], (i) => (i ? long : 'short'))), { zone: 'both', width });
      const lines = eventLines(svg).get(1)!;
      assert.equal(lines.join(' '), long.trim());
      assert.ok(lines.length > (width === 360 ? 12 : 5), `${lines.length} lines at ${width}`);
      for (const line of lines) assert.ok(textWidth(line, { size: 13 }) <= width - 34 - 16, `${width}: ${line}`);
      assert.ok(svg.startsWith(`<svg xmlns="http://www.w3.org/2000/svg" class="it-svg" width="${width}"`));
    }
  });

  it('Japanese text wraps between characters, never before closing punctuation, and keeps its spaces', () => {
    const text = '全国で au の音声通話およびデータ通信が利用しづらい状況が発生。コアネットワークのルーター交換作業中に不具合が発生しました。';
    const svg = renderSvg(viewOf(incident([0], () => text)), { zone: 'JST', width: 360 });
    const lines = eventLines(svg).get(0)!;
    assert.deepEqual(lines, ['全国で au の音声通話およびデータ通信が利用しづ', 'らい状況が発生。コアネットワークのルーター交換', '作業中に不具合が発生しました。']);
  });

  it('the legend lists only the kinds present', () => {
    const svg = renderSvg(viewOf(incident([0, 5])), { zone: 'UTC' });
    const legend = svg.slice(0, svg.indexOf('<line class="rail"'));
    assert.deepEqual([...legend.matchAll(/<path class="kind-(\w+)"/g)].map((m) => m[1]), ['update']);
  });

  it('lists the events whose time could not be read, each with its text', () => {
    const text = `${incident([0])}  - at: 2024-03-01 25:00\n    event: lost time\n  - event: no time at all\n`;
    const svg = renderSvg(viewOf(text), { zone: 'UTC' });
    assert.ok(svg.includes('>Events whose time could not be read (2)</text><text class="fg" x="16" y="'), svg);
    assert.ok(svg.includes('>2024-03-01 25:00: lost time</tspan>') && svg.includes('>(no time): no time at all</tspan>'));
  });

  it('no overview strip when the page is short; one with the density of the events when it runs long', () => {
    assert.ok(!renderSvg(viewOf(EXAMPLE), { zone: 'JST' }).includes('class="overview"'));
    const minutes = Array.from({ length: 200 }, (_, i) => i * 3);
    const svg = renderSvg(viewOf(incident(minutes)), { zone: 'UTC' });
    const strip = /<g class="overview">(.*?)<\/g>/.exec(svg)?.[1] ?? '';
    // The window (0 to 597 min) in a domain padded by 4% each side, over the strip's 734 px.
    assert.ok(strip.startsWith('<rect class="band" x="43.2" y="82" width="679.6" height="24"><title>Incident window</title></rect>'), strip.slice(0, 200));
    const bars = [...strip.matchAll(/<rect class="density" x="(\d+)"/g)].map((m) => Number(m[1]));
    assert.ok(bars.length > 150 && bars[0] >= 43 && bars[bars.length - 1] <= 43.2 + 679.6, `${bars.length} bars from ${bars[0]} to ${bars[bars.length - 1]}`);
    assert.ok(strip.includes('>UTC</text>') && />\d\d:00<\/text>/.test(strip), 'hour ticks in the zone');
  });

  it('component lanes go under the strip, on its time scale, and push the rest down by their height', () => {
    const text = incident([0, 30, 60]);
    const areas: LaneArea[] = [];
    const plain = renderSvg(viewOf(text), { zone: 'UTC' });
    const svg = renderSvg(viewOf(text), {
      zone: 'UTC',
      componentLanes: (area) => {
        areas.push(area);
        const x = area.scale.x(T0);
        return { svg: `<rect class="lane" x="${x.toFixed(1)}" y="${area.y}" width="${(area.scale.x(T0 + 3_600_000) - x).toFixed(1)}" height="40"/>`, height: 40 };
      },
    });
    assert.equal(areas.length, 1);
    const { left, width, y } = areas[0];
    assert.deepEqual({ left, width, y }, { left: 16, width: 734, y: 126 });
    // The lane spans the window exactly as the strip's band does.
    const band = /<rect class="band" x="([\d.]+)" y="\d+" width="([\d.]+)"/.exec(svg)!;
    assert.ok(svg.includes(`<rect class="lane" x="${band[1]}" y="126" width="${band[2]}" height="40"/>`), svg.slice(0, 3000));
    // Strip (4 + 24 + 20 + 8) and lanes (40) above the legend: everything below moves 96 px.
    assert.equal(heightOf(svg) - heightOf(plain), 96);
    assert.equal(bodyItems(svg)[0], `day 2024-03-01 @${129 + 96}`);
  });
});

describe('renderSvg: updates as the preview shows them', () => {
  const UPDATES = [
    'id: U', 'title: U', 'status: resolved', 'components: [API]', 'start: 2024-03-01T00:00Z', 'end: 2024-03-01T01:00Z', 'timeline:',
    '  - at: 2024-03-01T00:00Z', '    status: investigating', '    next_update: 2024-03-01T00:30Z', '    components: {API: major-outage}', '    event: Errors on the API.',
    '  - at: 2024-03-01T00:40Z', '    posted: 2024-03-01T00:45Z', '    status: resolved', '    components: {API: operational}', '    event: Fixed.', '',
  ].join('\n');

  it("puts each update's status beside its time and its notes under its text, and the update figures in the header", () => {
    const svg = renderExport(toTimelineModel('file:///u', 1, parseIncident(UPDATES)), 'svg', 'UTC');
    const events = [...svg.matchAll(/<g class="event" data-index="\d+"><title>[^<]*<\/title>(.*?)<\/g>/g)].map((m) => m[1].replace(/<path [^>]*\/>/, ''));
    assert.deepEqual(events, [
      '<text class="fg" x="34" y="268" font-weight="600">00:00 UTC</text><text class="muted" x="119.0" y="268">+0s</text>'
      + '<text class="fg" x="155.0" y="268" font-weight="600">Investigating</text>'
      + '<text class="fg" x="34" y="287"><tspan x="34" y="287">Errors on the API.</tspan></text>'
      + '<text class="muted" x="34" y="304" font-size="12"><tspan x="34" y="304">next update by 03-01 00:30 UTC · API: major outage</tspan></text>',
      '<text class="fg" x="34" y="357" font-weight="600">00:40 UTC</text><text class="muted" x="119.0" y="357">+40m</text>'
      + '<text class="fg" x="169.2" y="357" font-weight="600">Resolved</text>'
      + '<text class="fg" x="34" y="376"><tspan x="34" y="376">Fixed.</tspan></text>'
      + '<text class="muted" x="34" y="393" font-size="12"><tspan x="34" y="393">posted 03-01 00:45 UTC · 15m late · API: operational</tspan></text>',
    ]);
    assert.match(svg, />resolved · Duration 1h · Longest gap between updates 45m · Next-update promises kept 0 of 1 · API not operational 45m</);
  });
});

describe('text width and wrapping', () => {
  it('measures Latin by DejaVu Sans advance widths, bold wider, CJK a whole em', () => {
    assert.equal(textWidth('Wi', { size: 100 }), 99 + 28);
    assert.equal(textWidth('Wi', { size: 100, bold: true }), 110 + 34);
    assert.equal(textWidth('日本語', { size: 13 }), 39);
  });

  it('breaks at spaces, keeps line breaks, cuts a word longer than the line, drops blank lines at the ends', () => {
    const font = { size: 10 };
    assert.deepEqual(wrapText('aaa bbb ccc', textWidth('aaa bbb', font), font), ['aaa bbb', 'ccc']);
    assert.deepEqual(wrapText('one\n\ntwo  three\n', 1000, font), ['one', '', 'two three']);
    assert.deepEqual(wrapText('abcdefgh', textWidth('abc', font) + 1, font), ['abc', 'def', 'gh']);
    assert.deepEqual(wrapText('', 100, font), ['']);
  });
});
