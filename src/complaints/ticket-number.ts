import { shanghaiDayOf } from "../calendar";

/** QH + Shanghai date + 6-digit sequence, e.g. QH20261125000042: readable over the phone. */
export const formatTicketNo = (at: Date, seq: number) => `QH${shanghaiDayOf(at).replaceAll("-", "")}${String(seq % 1_000_000).padStart(6, "0")}`;
