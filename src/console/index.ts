/** Public surface of the staff console (pages under /admin). Import only from here. */
export { consoleCapability } from "./capability";
export type { ConsoleOptions } from "./ports";
