// Utilities: formatDate, sleep and getUuid.
//
// Models: formatDate takes Java SimpleDateFormat letters (y M d E a H k K h m s S z Z X u and quoted
// text, values.ts), and any other letter throws "Illegal pattern character", as Java does.
// Kinder than the real host: sleep() does not sleep; it writes "[Utilities.sleep N]" to fake.logs.
// formatDate in a time zone the fake does not know is not implemented and says so.

import type { Fake } from './engine';
import { FakeObject } from './service-proxy';
import { AppsScriptException, FakeNotImplemented, formatJavaDate, isDate, isValidTimeZone, typeName } from './values';

export class RawUtilities extends FakeObject {
  readonly kind = 'Utilities';
  constructor(private readonly _f: Fake) {
    super();
  }
  /** Java SimpleDateFormat patterns: "yyyy-MM-dd", "d MMM yyyy", "HH:mm" … */
  formatDate(date: unknown, timeZone: unknown, format: unknown): string {
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') throw new AppsScriptException(`The parameters (${[date, timeZone, format].map(typeName).join(',')}) don't match the method signature for Utilities.formatDate.`);
    if (!isValidTimeZone(timeZone)) throw new FakeNotImplemented(`Utilities.formatDate in time zone ${JSON.stringify(timeZone)}`);
    return formatJavaDate(date, timeZone, format);
  }
  sleep(milliseconds: number): void {
    this._f.logs.push(`[Utilities.sleep ${milliseconds}]`);
  }
  getUuid(): string {
    return globalThis.crypto.randomUUID();
  }
}
