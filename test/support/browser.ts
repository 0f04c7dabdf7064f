import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";

/** Debian's Chromium (apt-get install chromium), or CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Whether page tests can run here. In CI (CI=true) a missing browser is a failure, not a skip:
 * .ci/run installs it.
 */
export const hasChromium = fs.existsSync(chromiumPath) || process.env.CI === "true";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** Where screenshots are kept as test artifacts (git-ignored). */
export function artifactPath(name: string): string {
  const dir = path.resolve(import.meta.dirname, "../../test-artifacts");
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
