import type { RuleId, Severity } from './ids';
import type { MessageData } from './rule';

/** A problem on one cell, as data first; `message` is rendered from `messageId` and `data` last. */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  /** A1 address on `sheet`, e.g. "H12". */
  cell: string;
  row: number;
  ref: string | null;
  messageId: string;
  data: MessageData;
  message: string;
}

/** Fills `{name}` placeholders; an unknown name stays visible rather than vanishing. */
export function renderMessage(template: string, data: MessageData): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}
