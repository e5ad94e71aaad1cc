import { cellAddress } from '../grid/a1';
import type { Settings } from '../settings/settings';
import completedWithoutCommentary from './completed-without-commentary';
import { dependencyAtRisk, dependencyCycle, unknownDependency } from './dependency';
import duplicateRef from './duplicate-ref';
import { compileMessage, renderCompiled, type CompiledMessage, type Finding } from './finding';
import type { RuleId, Severity } from './ids';
import milestoneBehind from './milestone-behind';
import missingAction from './missing-action';
import missingIdentity from './missing-identity';
import missingLead from './missing-lead';
import missingRef from './missing-ref';
import missingStatus from './missing-status';
import missingTargetDate from './missing-target-date';
import overdueReportedOnTrack from './overdue-reported-on-track';
import placeholderDate from './placeholder-date';
import refOutsideTheme from './ref-outside-theme';
import revisedBeforeOriginal from './revised-before-original';
import type { Rule, RuleContext } from './rule';
import slippedWithoutCommentary from './slipped-without-commentary';
import slippedWithoutRevisedDate from './slipped-without-revised-date';
import statusFromFill from './status-from-fill';
import unknownStatus from './unknown-status';
import unreadableRevisedDate from './unreadable-revised-date';
import unreadableTargetDate from './unreadable-target-date';

/** Every rule, in the order their findings are listed for a row. */
export const rules: readonly Rule[] = [
  missingIdentity,
  missingStatus,
  statusFromFill,
  unknownStatus,
  missingTargetDate,
  unreadableTargetDate,
  unreadableRevisedDate,
  placeholderDate,
  revisedBeforeOriginal,
  overdueReportedOnTrack,
  milestoneBehind,
  slippedWithoutRevisedDate,
  slippedWithoutCommentary,
  completedWithoutCommentary,
  missingRef,
  missingAction,
  missingLead,
  duplicateRef,
  refOutsideTheme,
  dependencyCycle,
  unknownDependency,
  dependencyAtRisk,
];

export function ruleById(id: RuleId): Rule {
  const r = rules.find((x) => x.meta.id === id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
}

const severityOrder: Record<Severity, number> = { error: 0, warning: 1 };

/** "Action 2.4", or "The action in row 12" when it has no ref. */
export function actionLabel(ref: string | null, row: number): string {
  return ref !== null ? `Action ${ref}` : `The action in row ${row}`;
}

/**
 * Runs every rule that is switched on and whose column the sheet has. Findings come back sorted
 * by row, then by severity, then in rule order, each with its message rendered.
 */
export function runRules(ctx: Omit<RuleContext, 'report'>, severities: Settings['rules'], sheet: string): Finding[] {
  const findings: Finding[] = [];
  // Each template is split once per run, not parsed again for every finding.
  const compiled = new Map<string, CompiledMessage>();
  for (const rule of rules) {
    const setting = severities[rule.meta.id] ?? rule.meta.defaultSeverity;
    if (setting === 'off') continue;
    // A sheet without a Lead column is not missing leads; identity is judged from ref or action.
    if (!ctx.header.columns[rule.meta.field] && rule.meta.id !== 'missing-identity') continue;
    rule.check({
      ...ctx,
      report(r) {
        const field = r.field ?? rule.meta.field;
        // Ref-less sheets point ref findings at the action column, else the first mapped column.
        const col = ctx.header.columns[field]?.col ?? ctx.header.columns.action?.col ?? ctx.header.columns.status?.col ?? 1;
        const { row, ref } = r.assessment.action;
        const cell = cellAddress(row, col);
        const data = { action: actionLabel(ref, row), ref: ref ?? '', row, cell, ...r.data };
        const template = rule.meta.messages[r.messageId] ?? r.messageId;
        let parts = compiled.get(template);
        if (parts === undefined) {
          parts = compileMessage(template);
          compiled.set(template, parts);
        }
        findings.push({ rule: rule.meta.id, severity: setting, sheet, cell, row, ref, messageId: r.messageId, data, message: renderCompiled(parts, data) });
      },
    });
  }
  // Rules run in order and the sort is stable, so within a row and severity findings stay in
  // rule order without carrying (and then stripping) an order key on every finding.
  findings.sort((a, b) => a.row - b.row || severityOrder[a.severity] - severityOrder[b.severity]);
  return findings;
}
