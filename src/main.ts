import { ConfigError, loadConfig } from "./platform/config";
import { startService } from "./server";

/** Process entry point: parse config (exit 1 listing every problem), start, stop on signals. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  let service;
  try {
    service = await startService(config);
  } catch (e) {
    // A capability's own configuration (the complaint policy file) is checked at start.
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  const shutdown = (signal: string) => {
    service.ctx.logger.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 25_000);
    force.unref();
    service.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        service.ctx.logger.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
}

main().catch((err: unknown) => {
  process.stderr.write(`Failed to start: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
});
