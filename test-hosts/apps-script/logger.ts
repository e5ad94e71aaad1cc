// Logger: log, getLog and clear, over fake.logs.
//
// Models: log(data, ...values) fills %s, %d, %f and %o in turn; a non-string is logged as JSON.
// Kinder than the real host: what is logged goes only to fake.logs, for a test to read.

import type { Fake } from './engine';
import { FakeObject } from './service-proxy';

export class RawLogger extends FakeObject {
  readonly kind = 'Logger';
  constructor(private readonly _f: Fake) {
    super();
  }
  log(data: unknown, ...values: unknown[]): RawLogger {
    let text = typeof data === 'string' ? data : JSON.stringify(data) ?? String(data);
    for (const v of values) text = text.replace(/%s|%d|%f|%o/, String(v));
    this._f.logs.push(text);
    return this;
  }
  getLog(): string {
    return this._f.logs.join('\n');
  }
  clear(): void {
    this._f.logs.length = 0;
  }
}
