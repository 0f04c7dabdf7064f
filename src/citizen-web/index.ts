/** Citizens' web sign-in for the H5 pages (WeChat OAuth2 snsapi_base). Import only from here. */
export { citizenWebCapability } from "./capability";
export { requireCitizen, citizenOf, SESSION_COOKIE } from "./require-citizen";
export type { Citizen } from "./citizen-session";
export { citizenPage, messagePage, pageLang, langQuery, webText, type PageLang } from "./presenters";
export { pageLangQuery } from "./http/schemas";
