import { Prisma, type PrismaClient } from "../../platform/db";
import type { DayCounts } from "./question-days";

/** Adds the counted asks to the day rows, one statement for every day in the batch. */
export async function writeDayCounts(prisma: PrismaClient, counts: DayCounts): Promise<void> {
  if (!counts.size) return;
  const values = [...counts].map(([day, c]) => Prisma.sql`(${day}, ${c.asked}::int, ${c.unanswered}::int)`);
  await prisma.$executeRaw`
    INSERT INTO catalog_question_day AS d (day, asked, unanswered) VALUES ${Prisma.join(values)}
    ON CONFLICT (day) DO UPDATE SET asked = d.asked + EXCLUDED.asked, unanswered = d.unanswered + EXCLUDED.unanswered`;
}
