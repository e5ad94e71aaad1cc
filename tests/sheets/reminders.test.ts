/**
 * The opt-in weekly reminder: dist/gas-reminders/Code.js in a vm with the fake Apps Script, and the
 * default build without it (two narrow scopes, no trigger or mail code).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { settingsSheetName, settingsSheetRows } from '../../shared/settings/settings-sheet';
import type { FakeAppsScript } from '../../test-hosts/apps-script/fake-apps-script';
import { fakeSpreadsheet } from './sheets-fixture';

const root = path.resolve(__dirname, '../..');
let code = '';
beforeAll(() => {
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(built.stderr);
  code = readFileSync(path.join(root, 'dist/gas-reminders/Code.js'), 'utf8');
});

const header = ['Ref', 'Action', 'Lead officer', 'Email', 'Target date', 'Status', 'Commentary'];
const plan = [
  ['Corporate Improvement Plan'],
  [],
  header,
  ['1.1', 'Agree the vision', 'Jo Bloggs', 'jo.bloggs@example.gov.uk', { date: '2018-08-31' }, 'On track', 'Draft out.'],
  ['1.2', 'Set the budget', 'Sam Patel', '', { date: '2018-07-31' }, 'On track', 'Started.'],
  ['1.3', 'Open the hub', 'Jo Bloggs', '', { date: '2019-03-31' }, 'On track', 'On plan.'],
];

function loaded(alertResponses: ('YES' | 'NO' | 'OK')[] = []): { fake: FakeAppsScript; context: vm.Context } {
  const fake = fakeSpreadsheet([{ name: 'Plan', rows: plan as never }, { name: settingsSheetName, rows: settingsSheetRows({ asOf: '2018-09-30' }) }], {}, { userEmail: 'performance@example.gov.uk', alertResponses });
  const context = vm.createContext({ ...fake.globals });
  vm.runInContext(code, context, { filename: 'Code.js' });
  return { fake, context };
}

describe('the weekly reminder build', () => {
  it('asks for its extra scopes in its own manifest; the default add-on keeps its two and carries no trigger or mail code', () => {
    const scopes = (dir: string) => (JSON.parse(readFileSync(path.join(root, 'dist', dir, 'appsscript.json'), 'utf8')) as { oauthScopes: string[] }).oauthScopes;
    expect(scopes('gas')).toEqual(['https://www.googleapis.com/auth/spreadsheets.currentonly', 'https://www.googleapis.com/auth/script.container.ui']);
    expect(scopes('gas-reminders').slice(2)).toEqual([
      'https://www.googleapis.com/auth/spreadsheets',
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/script.send_mail',
      'https://www.googleapis.com/auth/userinfo.email',
    ]);
    const plain = readFileSync(path.join(root, 'dist/gas/Code.js'), 'utf8');
    expect(plain).not.toMatch(/MailApp|ScriptApp|openById/);
    expect(code.startsWith('/** @OnlyCurrentDoc */')).toBe(false);
  });

  it('adds turning the reminder on and off to the menu', () => {
    const { fake, context } = loaded();
    vm.runInContext('onOpen()', context);
    expect(fake.ui.menus.flatMap((m) => m.items).slice(-2).map((i) => [i.caption, i.functionName])).toEqual([
      ['Turn on weekly reminder…', 'pmTurnOnWeeklyReminder'],
      ['Turn off weekly reminder', 'pmTurnOffWeeklyReminder'],
    ]);
  });

  it('is off until turned on; on, one Monday 9am trigger, however often it is turned on', () => {
    const { fake, context } = loaded(['NO', 'YES']);
    vm.runInContext('pmTurnOnWeeklyReminder()', context);
    expect(fake.triggers()).toEqual([]);
    vm.runInContext('pmTurnOnWeeklyReminder()', context);
    vm.runInContext('pmTurnOnWeeklyReminder()', context);
    expect(fake.triggers().map((t) => [t.handler, t.weekDay, t.hour, t.everyWeeks])).toEqual([['pmSendWeeklyReminders', 'MONDAY', 9, 1]]);
    expect(fake.ui.alerts.at(-1)?.prompt).toBe('The weekly reminder is already on for this spreadsheet. Nothing was changed.');
    vm.runInContext('pmTurnOffWeeklyReminder()', context);
    expect(fake.triggers()).toEqual([]);
    expect(fake.userProperties()).toEqual({});
  });

  it('each Monday e-mails the officers with an address their chase list, and the owner a summary', () => {
    const { fake, context } = loaded(['YES']);
    vm.runInContext('pmTurnOnWeeklyReminder()', context);
    const uid = fake.triggers()[0]?.id ?? '';
    vm.runInContext(`pmSendWeeklyReminders({ triggerUid: ${JSON.stringify(uid)} })`, context);
    expect(fake.mail.map((m) => [m.to, m.subject])).toEqual([
      ['jo.bloggs@example.gov.uk', 'Improvement plan update needed: 1 action as of 30/09/2018'],
      ['performance@example.gov.uk', 'Plan Monitor weekly reminder: 1 e-mail sent'],
    ]);
    expect(fake.mail[0]?.body).toContain('- 1.1 Agree the vision (due 31/08/2018, 30 days overdue). Status: On track.');
    expect(fake.mail[1]?.body).toContain('No e-mail address in the plan for:\n- Sam Patel (1 action)');
    // A trigger of another spreadsheet, or one turned off since, sends nothing.
    vm.runInContext(`pmSendWeeklyReminders({ triggerUid: 'someone-else' })`, context);
    expect(fake.mail).toHaveLength(2);
  });
});
