/**
 * Below this confidence a message goes to the dispatcher queue instead of auto-routing. The
 * confidence is calibrated, so 0.6 trades the share dispatched automatically against their
 * accuracy (the numbers: bench/README.md).
 */
export const DEFAULT_CONFIDENCE_THRESHOLD = 0.6;
