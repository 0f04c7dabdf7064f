/** Public surface of application tracking (办件进度). Import only from here. */
export { applicationsCapability, applicationsDeps, NOTIFY_SWEEP_JOB, type ApplicationsCapabilityOptions } from "./capability";
export { applicationProgressCommand } from "./chat-command";
export type { ApplicationsDeps } from "./deps";
export type { ApplicantNotice, CatalogReader, ItemInfo, ItemsPort, Notifier } from "./ports";
export { itemsFromCatalog } from "./items-from-catalog";
export { createApplication, type CreateApplicationOptions } from "./create-application";
export { recordApplicationEvent, type RecordEventOptions, type RecordEventResult } from "./record-application-event";
export { presentApplication, type ApplicationView } from "./presenters";
export { runSupervision, SUPERVISE_JOB } from "./run-supervision";
export { notifyApplicant, NOTIFY_JOB } from "./notify-applicant";
export { lookupProgress } from "./lookup-progress";
export { importApplicationsCsv, type ImportReport } from "./import-applications-csv";
export { signIntegrationBody } from "./http/integration-auth";
export { generateApplicationNumber, normalizeApplicationNumber } from "./application-number";
// For the staff console (src/console): the operations the admin API calls.
export { getApplication } from "./get-application";
export { listApplications, type ListApplicationsOptions } from "./list-applications";
export { countSupervisionAlerts } from "./count-supervision-alerts";
export { allowedTransitions as allowedApplicationTransitions, APPLICATION_STATUS_LABELS, type ApplicationStatus } from "./application-status";
export { transitionBody as applicationTransitionBody } from "./http/schemas";
