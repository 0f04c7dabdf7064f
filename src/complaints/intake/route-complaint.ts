import { lookupTable } from "../../platform/lookup-table";
import type { ComplaintsDeps } from "../deps";
import type { Tx } from "../workflow/db";

/**
 * Departments a fresh installation routes to until staff edit the mapping
 * (PUT /api/v1/admin/complaints/routes). Names of Qinghai's provincial departments.
 */
export const DEFAULT_ROUTES = lookupTable(
  Object.entries({
    城乡建设: "青海省住房和城乡建设厅",
    劳动和社会保障: "青海省人力资源和社会保障厅",
    教育文体: "青海省教育厅",
    商贸旅游: "青海省商务厅",
    环境保护: "青海省生态环境厅",
    卫生计生: "青海省卫生健康委员会",
    交通运输: "青海省交通运输厅",
  }),
);

export interface RoutingDecision {
  category: string | null;
  confidence: number | null;
  suggestedDepartment: string | null;
  department?: { id: string | null; name: string };
  /** True when a human dispatcher must decide (low confidence, no classifier, no mapping). */
  toDispatcher: boolean;
}

/**
 * 智能派单: classifier suggestion → category → department through the staff-edited mapping.
 * Only a confident suggestion is dispatched straight away; the rest wait in the dispatcher
 * queue with the suggestion shown. A client-chosen category (Open311 service_code) is taken
 * as given but still needs the mapping.
 */
export async function routeComplaint(deps: ComplaintsDeps, tx: Tx, text: string, chosenCategory?: string): Promise<RoutingDecision> {
  let suggestion: { category: string; confidence: number } | undefined;
  if (chosenCategory) suggestion = { category: chosenCategory, confidence: 1 };
  else {
    try {
      suggestion = deps.classify(text);
    } catch (err) {
      // A missing or broken model must not lose the complaint: it goes to a human.
      deps.app.logger.warn({ err }, "complaint classifier unavailable; sending to dispatcher");
    }
  }
  if (!suggestion) return { category: null, confidence: null, suggestedDepartment: null, toDispatcher: true };
  const route = await tx.complaintRoute.findUnique({ where: { category: suggestion.category } });
  const name = route?.department ?? DEFAULT_ROUTES[suggestion.category];
  const department = name ? { id: route?.departmentId ?? null, name } : undefined;
  return {
    category: suggestion.category,
    confidence: suggestion.confidence,
    suggestedDepartment: name ?? null,
    department,
    toDispatcher: !department || suggestion.confidence < deps.confidenceThreshold,
  };
}
