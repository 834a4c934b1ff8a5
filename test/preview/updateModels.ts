/**
 * An incident with updates and two components (posted later than `at`, a promised next update,
 * every kind of state change), shared by the renderer's update and export tests.
 */
export const LANES = `title: Lanes
status: resolved
components: [API, Web]
start: 2024-05-01T10:00Z
end: 2024-05-01T12:00Z
timeline:
  - at: 2024-05-01T10:00Z
    kind: detected
    event: Errors begin.
  - at: 2024-05-01T10:05Z
    posted: 2024-05-01T10:20Z
    status: investigating
    next_update: 2024-05-01T10:50Z
    components: {API: major-outage}
    event: API is down.
  - at: 2024-05-01T11:00Z
    status: identified
    components: {API: partial-outage, Web: degraded}
    event: Partly back.
  - at: 2024-05-01T11:30Z
    status: resolved
    components: {API: operational}
    event: API recovered.
`;
