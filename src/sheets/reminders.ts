/**
 * The opt-in weekly reminder (issue 14), in a build of its own (dist/gas-reminders) because it needs
 * scopes the default add-on does not ask for: time-driven triggers, sending mail as the user, opening
 * the spreadsheet by id when no one has it open, and the user's address for the summary. Off until
 * someone turns it on from the menu; each Monday it e-mails every lead officer who has an address
 * their chase list (plain text, never HTML from cells), and sends the one who turned it on a summary.
 */
import { runRequest } from '../../shared/app/run-options';
import { chaseDraft } from '../../shared/chase/chase-draft';
import { chaseLists } from '../../shared/chase/chase-list';
import { formatDay } from '../../shared/dates/format-date';
import { prepareRun } from '../../shared/run/prepare-run';
import { plural } from '../../shared/text/plural';
import { localClock } from '../host/local-clock';
import { buildMenu } from './server';
import { SheetsAdapter } from './sheets-port';

export * from './server';

const title = 'Plan Monitor';
const handler = 'pmSendWeeklyReminders';
const propertyOf = (triggerId: string) => `plan-monitor:weekly-reminder:${triggerId}`;

export function onOpen(): void {
  buildMenu([
    ['Turn on weekly reminder…', 'pmTurnOnWeeklyReminder'],
    ['Turn off weekly reminder', 'pmTurnOffWeeklyReminder'],
  ]);
}

/** This spreadsheet's reminder triggers (a user may have turned it on in several spreadsheets). */
function triggersHere(): GoogleAppsScript.Script.Trigger[] {
  const id = SpreadsheetApp.getActiveSpreadsheet().getId();
  const props = PropertiesService.getUserProperties();
  return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === handler && props.getProperty(propertyOf(t.getUniqueId())) === id);
}

export function pmTurnOnWeeklyReminder(): void {
  const ui = SpreadsheetApp.getUi();
  if (triggersHere().length > 0) {
    ui.alert(title, 'The weekly reminder is already on for this spreadsheet. Nothing was changed.', ui.ButtonSet.OK);
    return;
  }
  const answer = ui.alert(
    title,
    'Every Monday at about 9am, Plan Monitor will e-mail each lead officer whose address is in the plan the actions that need their update, from your account, and send you a summary. Turn it on?',
    ui.ButtonSet.YES_NO,
  );
  if (answer !== ui.Button.YES) return;
  const trigger = ScriptApp.newTrigger(handler).timeBased().onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(9).everyWeeks(1).create();
  PropertiesService.getUserProperties().setProperty(propertyOf(trigger.getUniqueId()), SpreadsheetApp.getActiveSpreadsheet().getId());
  SpreadsheetApp.getActiveSpreadsheet().toast('The weekly reminder is on. Turn it off from the same menu.', title, 10);
}

export function pmTurnOffWeeklyReminder(): void {
  const props = PropertiesService.getUserProperties();
  const found = triggersHere();
  for (const t of found) {
    ScriptApp.deleteTrigger(t);
    props.deleteProperty(propertyOf(t.getUniqueId()));
  }
  SpreadsheetApp.getActiveSpreadsheet().toast(found.length > 0 ? 'The weekly reminder is off.' : 'The weekly reminder was not on. Nothing was changed.', title, 10);
}

/** The trigger's handler: no spreadsheet is open, so it opens the one the trigger was made in. */
export function pmSendWeeklyReminders(event: { triggerUid?: string }): void {
  const props = PropertiesService.getUserProperties();
  const id = event.triggerUid ? props.getProperty(propertyOf(event.triggerUid)) : null;
  if (!id) return;
  const spreadsheet = SpreadsheetApp.openById(id);
  const owner = Session.getEffectiveUser().getEmail();
  const run = prepareRun(new SheetsAdapter(() => spreadsheet).readWorkbook(), runRequest({}, localClock));
  if (!run.ok) {
    if (owner) MailApp.sendEmail(owner, `Plan Monitor could not check '${spreadsheet.getName()}'`, `${run.message}\n\nNo reminders were sent this week.`);
    return;
  }
  const c = run.checked;
  const ctx = { sheet: c.sheet, asOf: c.asOf, dueSoonDays: run.settings.dueSoonDays, previousPeriod: run.comparison.previousLabel };
  const sent: string[] = [];
  const noAddress: string[] = [];
  for (const list of chaseLists(run)) {
    const draft = chaseDraft(list, ctx);
    if (draft.to) {
      MailApp.sendEmail(draft.to, draft.subject, draft.body);
      sent.push(`${list.officer ?? ''} (${plural(list.items.length, 'action')})`);
    } else noAddress.push(`${list.officer ?? 'Actions with no lead officer'} (${plural(list.items.length, 'action')})`);
  }
  if (!owner) return;
  const lines = [
    `Plan Monitor's weekly reminder for '${spreadsheet.getName()}', sheet '${c.sheet}', as of ${formatDay(c.asOf)}.`,
    '',
    sent.length > 0 ? `Sent to ${plural(sent.length, 'lead officer')}:\n${sent.map((s) => `- ${s}`).join('\n')}` : 'No reminders were sent.',
    ...(noAddress.length > 0 ? ['', `No e-mail address in the plan for:\n${noAddress.map((s) => `- ${s}`).join('\n')}`] : []),
  ];
  MailApp.sendEmail(owner, `Plan Monitor weekly reminder: ${plural(sent.length, 'e-mail')} sent`, lines.join('\n'));
}
