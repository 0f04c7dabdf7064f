import cliProgress from "cli-progress";

/**
 * A progress bar for a long command-line job (guides:import, applications:import, complaints:train, eval:qa),
 * drawn on stderr only when stderr is a terminal: in CI logs, pipes and cron mails it writes
 * nothing, so stdout and stderr keep only the job's own lines.
 */
export interface ProgressBar {
  update(done: number, phase?: string): void;
  stop(): void;
}

export function progressBar(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  if (!stream.isTTY || total <= 0) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {value}/{total} {phase}`, stream, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { phase: "" });
  return {
    update: (done, phase) => bar.update(done, phase === undefined ? {} : { phase }),
    stop: () => bar.stop(),
  };
}
