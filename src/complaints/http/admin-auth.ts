/** The staff API guard is shared by every capability (src/http/staff-auth.ts). */
export { requireStaff, staffActor as actorOf } from "../../http/staff-auth";
