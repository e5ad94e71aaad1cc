/**
 * An officer's chase as a plain-text e-mail draft, and that draft as a mailto: link and as an
 * RFC 5322 message that opens as a draft in Outlook (.eml with X-Unsent). Text only: cell text is
 * never treated as HTML, and line breaks in it cannot start a new header.
 */
import type { Day } from '../dates/day';
import { formatDay } from '../dates/format-date';
import { plural } from '../text/plural';
import { utf8Bytes } from '../text/utf8';
import type { ChaseItem, ChaseReason, OfficerChase } from './chase-list';
import { chaseReasons } from './chase-list';
import { plainAddress } from './address';

export { plainAddress } from './address';

export interface ChaseDraft {
  to: string | null;
  subject: string;
  body: string;
}

export interface DraftContext {
  sheet: string;
  asOf: Day;
  dueSoonDays: number;
  /** The last recorded period, named in "commentary unchanged since …". */
  previousPeriod: string | null;
}

const oneLine = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

function heading(reason: ChaseReason, n: number, ctx: DraftContext): string {
  switch (reason) {
    case 'overdue':
      return `Overdue (${n})`;
    case 'slipped-no-revised-date':
      return `Slipped, with no revised date (${n})`;
    case 'not-started-past-start':
      return `Not started, though due to have begun (${n})`;
    case 'due-soon':
      return `Due in the next ${plural(ctx.dueSoonDays, 'day')} (${n})`;
    case 'commentary-unchanged':
      return `Commentary unchanged since ${ctx.previousPeriod ?? 'the last period'} (${n})`;
  }
}

function line(item: ChaseItem, reason: ChaseReason): string {
  const what = `${item.ref ?? `Row ${item.row}`} ${oneLine(item.action) || '(no description)'}`;
  const due = item.due === '' ? 'no date' : `due ${item.due}`;
  const when = reason === 'overdue' ? `, ${plural(item.daysOverdue, 'day')} overdue` : reason === 'due-soon' && item.daysToDue !== null ? (item.daysToDue === 0 ? ', due today' : `, in ${plural(item.daysToDue, 'day')}`) : '';
  return `- ${what} (${due}${when}). Status: ${oneLine(item.status) || 'none'}.`;
}

/** The draft for one officer: each action once, under the first reason it is listed for. */
export function chaseDraft(chase: OfficerChase, ctx: DraftContext): ChaseDraft {
  const name = chase.officer ?? 'colleague';
  const sections: string[] = [];
  const listed = new Set<ChaseItem>();
  for (const reason of chaseReasons) {
    const items = chase.items.filter((i) => i.reasons[0] === reason && !listed.has(i));
    if (items.length === 0) continue;
    items.forEach((i) => listed.add(i));
    sections.push([heading(reason, items.length, ctx), ...items.map((i) => line(i, reason))].join('\n'));
  }
  const n = chase.items.length;
  const body = [
    `Dear ${oneLine(name)},`,
    '',
    `${n === 1 ? 'One action' : `${n} actions`} you lead in '${ctx.sheet}' ${n === 1 ? 'needs' : 'need'} an update for the position as of ${formatDay(ctx.asOf)}. For each, please send the status, any revised date and a line of commentary.`,
    '',
    sections.join('\n\n'),
    '',
    'Thank you.',
  ].join('\n');
  return { to: chase.email, subject: `Improvement plan update needed: ${plural(n, 'action')} as of ${formatDay(ctx.asOf)}`, body };
}

/** A mailto: link (RFC 6068). Mail clients cut long links, so a long body is cut with a pointer to the full text. */
export function mailtoUrl(draft: ChaseDraft, maxLength = 1800): string {
  const make = (body: string) => `mailto:${draft.to ? encodeURIComponent(draft.to) : ''}?subject=${encodeURIComponent(draft.subject)}&body=${encodeURIComponent(body.replace(/\r?\n/g, '\r\n'))}`;
  const full = make(draft.body);
  if (full.length <= maxLength) return full;
  const tail = '\n\n(The list is longer than an e-mail link can carry: use Copy in Plan Monitor for the whole text.)';
  let lines = draft.body.split('\n');
  while (lines.length > 1 && make(lines.join('\n') + tail).length > maxLength) lines = lines.slice(0, -1);
  return make(lines.join('\n') + tail);
}

/** A header value on one line, as RFC 2047 UTF-8 when it is not plain ASCII. */
function headerValue(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  if (/^[\x20-\x7e]*$/.test(flat)) return flat;
  return `=?UTF-8?B?${base64(utf8Bytes(flat))}?=`;
}

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += (alphabet[(n >> 18) & 63] ?? '') + (alphabet[(n >> 12) & 63] ?? '') + (i + 1 < bytes.length ? (alphabet[(n >> 6) & 63] ?? '') : '=') + (i + 2 < bytes.length ? (alphabet[n & 63] ?? '') : '=');
  }
  return out;
}


/**
 * The draft as an RFC 5322 message: CRLF line ends, UTF-8 text in base64 (lines of 76), and
 * X-Unsent: 1, which makes Outlook open it as a draft to send rather than as a received mail.
 */
export function emlMessage(draft: ChaseDraft): string {
  const to = plainAddress(draft.to);
  const headers = ['X-Unsent: 1', ...(to ? [`To: ${to}`] : []), `Subject: ${headerValue(draft.subject)}`, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: base64'];
  const encoded = base64(utf8Bytes(draft.body.replace(/\r?\n/g, '\r\n')));
  const lines = encoded.match(/.{1,76}/g) ?? [];
  return `${headers.join('\r\n')}\r\n\r\n${lines.join('\r\n')}\r\n`;
}
