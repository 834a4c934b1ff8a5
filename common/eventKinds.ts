/** What the format lets an incident, an update and an event say about their state. */
export const STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type Status = (typeof STATUSES)[number];

export const SEVERITIES = ['critical', 'major', 'minor', 'info'] as const;
export type IncidentSeverity = (typeof SEVERITIES)[number];

/** The kinds of timeline event; the renderer gives each a shape and a colour (render/kinds.ts). */
export const EVENT_KINDS = ['detected', 'update', 'mitigated', 'resolved', 'cause', 'report', 'note'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** A component's state in an update, as status pages publish them (Atlassian Statuspage's five). */
export const COMPONENT_STATES = ['operational', 'degraded', 'partial-outage', 'major-outage', 'maintenance'] as const;
export type ComponentState = (typeof COMPONENT_STATES)[number];
