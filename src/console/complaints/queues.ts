import type { Role } from "../../staff";

/** The console's complaint queues (tabs), each a view of the admin API's list. */
export const QUEUES = ["dispatch", "sign", "handling", "overdue", "all"] as const;
export type Queue = (typeof QUEUES)[number];

/** Which queues each role works from, its usual one first (handlers: their department's tickets only). */
const QUEUES_OF: Partial<Record<Role, readonly Queue[]>> = {
  administrator: QUEUES,
  dispatcher: ["dispatch", "handling", "overdue", "all"],
  handler: ["sign", "handling", "overdue", "all"],
  supervisor: ["overdue", "dispatch", "handling", "all"],
};

export const queuesOf = (role: Role): readonly Queue[] => QUEUES_OF[role] ?? ["all"];

/** 办理中: a department holds the ticket and works on it (signed, extended or reopened included). */
export const HANDLING = new Set(["signed", "in_progress", "extension_requested", "extension_approved", "reopened"]);
