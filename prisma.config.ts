/**
 * Prisma CLI configuration (generate, migrate dev/diff). Not used at run time:
 * the service applies the committed SQL migrations itself (src/platform/db/migrate.ts).
 *
 * Prisma's classic engines are downloaded from Prisma's host, which is unreachable in our
 * build environments, so the CLI runs the bundled WebAssembly schema engine ("js" engine)
 * against an in-memory PGlite database. `migrate dev` therefore starts from an empty
 * database every time: it replays the committed migrations, diffs against the schema and
 * writes the next migration. No shared development database is involved.
 */
import { defineConfig } from "prisma/config";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

// The datasource block must carry `url = env("DATABASE_URL")`, or `prisma generate` tries to
// download the query engine. Its value is never used by the CLI here (the adapter is).
// This is the only place besides src/platform/config that touches process.env.
process.env.DATABASE_URL ??= "postgresql://unused@localhost/unused";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    const factory = new PrismaPGlite(new PGlite());
    await patchPGliteAdapter(factory);
    // The adapter is built against an older @prisma/driver-adapter-utils; the shapes agree at run time.
    return factory as unknown as Parameters<typeof defineConfig>[0] extends { adapter?: () => Promise<infer F> } ? F : never;
  },
});

/**
 * pglite-prisma-adapter 0.6 sends each migration script through a prepared statement when the
 * schema engine replays migrations into the shadow database inside a transaction, which
 * PostgreSQL refuses for multi-statement SQL ("cannot insert multiple commands into a prepared
 * statement"); its executeScript also forgets to await. Route parameterless multi-statement SQL
 * through PGlite's simple-query `exec` instead. CLI-only: the service never runs this.
 */
async function patchPGliteAdapter(factory: PrismaPGlite): Promise<void> {
  type Queryable = {
    client: PGlite;
    performIO(q: { sql: string; args: unknown[] }): Promise<unknown>;
    executeScript(script: string): Promise<void>;
  };
  const adapter = (await factory.connect()) as unknown as Queryable;
  const adapterProto = Object.getPrototypeOf(adapter) as Queryable;
  const queryableProto = Object.getPrototypeOf(adapterProto) as Queryable;
  if ((queryableProto as { patched?: boolean }).patched) return;
  const performIO = queryableProto.performIO;
  queryableProto.performIO = async function (this: Queryable, q) {
    if (q.args.length === 0 && /;\s*\S/.test(q.sql)) {
      await this.client.exec(q.sql);
      return { fields: [], rows: [], affectedRows: 0 };
    }
    return performIO.call(this, q);
  };
  adapterProto.executeScript = async function (this: Queryable, script: string) {
    await this.client.exec(script);
  };
  (queryableProto as { patched?: boolean }).patched = true;
}
