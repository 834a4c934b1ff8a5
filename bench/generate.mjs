// Generated incident files for the benchmark: a long outage written the way people write them
// (utc/jst pairs, plain times with offsets, folded event texts, sources), deterministic so runs
// compare. `errors` spreads a few mistakes through the timeline: a wrong jst side, an event out of
// order, an unknown key, a time without an offset.

const KINDS = ['update', 'update', 'update', 'note', 'mitigated', 'report'];
const WORDS = ['mail', 'queue', 'delivery', 'latency', 'failover', 'region', 'Tokyo', 'Osaka', 'edge', 'cache',
  'rollback', 'deploy', 'anti-spam', 'config', 'customers', 'retries', 'backlog', 'throughput', 'DNS', 'storage'];

/** A small deterministic generator (mulberry32) so every run writes the same files. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n, w = 2) => String(n).padStart(w, '0');
function utcText(ms) {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}Z`;
}
function jstText(ms, withOffset = false) {
  const d = new Date(ms + 9 * 3600_000);
  const s = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return withOffset ? `${s}+09:00` : s;
}

export const START_MS = Date.UTC(2024, 2, 4, 1, 40);

/**
 * An incident with `events` timeline events. With `errors`, about `errors` events spread
 * evenly carry one mistake each.
 */
export function generateIncident(events, { errors = 0, seed = 1 } = {}) {
  const rnd = random(seed + events);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const sentence = (n) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const stepMs = 60_000;
  const endMs = START_MS + (events + 1) * stepMs;
  const lines = [
    `# Generated: ${events} events.`,
    `id: BENCH-${events}`,
    `title: Mail delivery delayed in Japan (${events} events)`,
    'status: resolved',
    'severity: major',
    'service: Exchange Online',
    'regions:',
    '  - Japan',
    '  - Australia',
    'start:',
    `  utc: ${utcText(START_MS)}`,
    `  jst: ${jstText(START_MS)}`,
    'end:',
    `  utc: ${utcText(endMs)}`,
    `  jst: ${jstText(endMs)}`,
    'impact: >-',
    '  Users received mail from external senders late or not at all.',
    'tags:',
    '  - mail flow',
    'timeline:',
  ];
  const errorEvery = errors > 0 ? Math.floor(events / errors) : 0;
  for (let i = 0; i < events; i++) {
    const at = START_MS + i * stepMs + Math.floor(rnd() * 50) * 1000;
    const error = errorEvery > 0 && i % errorEvery === Math.floor(errorEvery / 2) ? Math.floor(i / errorEvery) % 4 : -1;
    const form = i % 3;
    if (error === 1) {
      // Out of order: an hour before its neighbours.
      lines.push(`  - at: ${jstText(at - 3600_000, true)}`);
    } else if (error === 3) {
      lines.push(`  - at: ${jstText(at)}`);
    } else if (form === 0 || error === 0) {
      lines.push('  - at:', `      utc: ${utcText(at)}`, `      jst: ${jstText(error === 0 ? at + 9 * 3600_000 : at)}`);
    } else {
      lines.push(`  - at: ${form === 1 ? utcText(at) : jstText(at, true)}`);
    }
    lines.push(`    kind: ${i === 0 ? 'detected' : pick(KINDS)}`);
    if (i % 5 === 4) {
      lines.push('    event: >-', `      ${sentence(8)}`, `      ${sentence(6)}.`);
    } else {
      lines.push(`    event: ${sentence(7)} (step ${i + 1})`);
    }
    if (error === 2) lines.push('    sourse: https://status.example.com/');
    if (i % 7 === 6) lines.push(`    source: https://status.example.com/incidents/${i}`);
  }
  return lines.join('\n') + '\n';
}

/** A small incident, for the folder the CLI checks. */
export function generateSmallIncident(n) {
  return generateIncident(5, { seed: n }).replace(/^id: .*$/m, `id: SMALL-${n}`);
}
