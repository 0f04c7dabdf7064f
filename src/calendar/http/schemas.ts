import { z } from "zod";

export { yearArrangementSchema } from "../arrangements";

export const yearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
