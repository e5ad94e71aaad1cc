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

/** A message template split once into literal text and placeholder names, alternately: `["", "action", " is late"]`. */
export type CompiledMessage = readonly string[];

export function compileMessage(template: string): CompiledMessage {
  return template.split(/\{(\w+)\}/);
}

/**
 * Fills a compiled template's placeholders; an unknown name stays visible rather than vanishing.
 * Concatenating the parts is many times cheaper than a regex replace with a callback per message.
 */
export function renderCompiled(parts: CompiledMessage, data: MessageData): string {
  let s = parts[0] ?? '';
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] ?? '';
    s += (name in data ? String(data[name]) : `{${name}}`) + (parts[i + 1] ?? '');
  }
  return s;
}

/** Fills `{name}` placeholders; an unknown name stays visible rather than vanishing. */
export function renderMessage(template: string, data: MessageData): string {
  return renderCompiled(compileMessage(template), data);
}
