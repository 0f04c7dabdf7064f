import type { Prisma, PrismaClient } from "../platform/db";

/** Either the client or the client inside an interactive transaction. */
export type DbClient = PrismaClient | Prisma.TransactionClient;
export type Json = Prisma.InputJsonValue;
