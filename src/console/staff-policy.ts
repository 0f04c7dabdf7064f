import { ADMIN_POLICY, type Role } from "../staff";

/** The admin API's own policy decides who may make a move on the console too: one table for both doors. */
const allows = (route: string, role: Role): boolean => ADMIN_POLICY[route]?.roles.includes(role) ?? false;

export const mayActOnComplaint = (role: Role, action: string): boolean => allows(`POST /api/v1/admin/complaints/:ref/${action}`, role);
export const maySuperviseComplaints = (role: Role): boolean => allows("POST /api/v1/admin/complaints/supervision/run", role);
export const mayRecordApplicationStep = (role: Role): boolean => allows("POST /api/v1/admin/applications/:number/transitions", role);
