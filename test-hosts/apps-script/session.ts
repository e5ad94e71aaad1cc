// Session and User: the script's time zone, the user's locale and e-mail; and the set-up warning
// about time zones (fake.warnings).
//
// Models: getScriptTimeZone() gives the script's time zone, which is not the spreadsheet's
// (Spreadsheet.getSpreadsheetTimeZone); the Session reference calls a spreadsheet time zone that
// differs from the script's a frequent source of scripting bugs, and the fake lets a test set both.
// getActiveUserLocale() gives a language such as "en".
// Kinder than the real host: getActiveUserLocale() is read from the spreadsheet's locale ("en_GB"
// gives "en"), not from a user; getActiveUser() and getEffectiveUser() are the same user, whose
// e-mail is the set-up's `userEmail` ('' unless given). The fake cannot make Node run in the script's
// time zone: Apps Script runs scripts in it, Node in process.env.TZ, so timeZoneWarnings says when
// the two differ and the test must set TZ (README.md, "Realms and time zones").

import type { Fake } from './engine';
import { FakeObject } from './service-proxy';
import { offsetMs } from './values';

class RawUser extends FakeObject {
  readonly kind = 'User';
  constructor(private readonly _email: string) {
    super();
  }
  getEmail(): string {
    return this._email;
  }
}

export class RawSession extends FakeObject {
  readonly kind = 'Session';
  constructor(private readonly _f: Fake) {
    super();
  }
  getScriptTimeZone(): string {
    return this._f.scriptTimeZone;
  }
  getActiveUserLocale(): string {
    return this._f.book.locale.split('_')[0] ?? 'en';
  }
  getActiveUser(): RawUser {
    return new RawUser(this._f.userEmail);
  }
  getEffectiveUser(): RawUser {
    return new RawUser(this._f.userEmail);
  }
}

/** What fake.warnings says about the Node process's time zone and the script's. */
export function timeZoneWarnings(scriptTimeZone: string): string[] {
  const local = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const probe = [Date.UTC(2020, 0, 15), Date.UTC(2020, 6, 15)];
  const same = probe.every((ms) => -new Date(ms).getTimezoneOffset() * 60_000 === offsetMs(ms, scriptTimeZone));
  return same ? [] : [`The Node process runs in ${local}, the script in ${scriptTimeZone}: local-time Date methods (getDate, getHours…) in code under test will not read as in Apps Script. Set process.env.TZ = '${scriptTimeZone}'.`];
}
