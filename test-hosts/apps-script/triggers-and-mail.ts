// ScriptApp (time-driven triggers), MailApp and PropertiesService: what the opt-in weekly reminder
// (src/sheets/reminders.ts) uses. Only the reminder build's tests install them.
//
// Models: ScriptApp.newTrigger(name).timeBased().onWeekDay(day).atHour(h).create() makes a trigger
// that names its handler function, listed by getProjectTriggers() and removed by deleteTrigger();
// MailApp.sendEmail(to, subject, body) or sendEmail({to, subject, body}); getRemainingDailyQuota();
// PropertiesService.getUserProperties() string properties.
// Kinder than the real host: triggers never fire by themselves (a test calls the handler with the
// event object), there is no limit of 20 triggers per user per script, mail is recorded, not sent,
// and the daily quota only counts down; user properties are not per user (one store per fake).

import { FakeObject } from './service-proxy';
import { AppsScriptException } from './values';

export interface FakeMail {
  to: string;
  subject: string;
  body: string;
}

export interface FakeTriggerState {
  id: string;
  handler: string;
  weekDay: string | null;
  hour: number | null;
  everyWeeks: number | null;
}

class RawTrigger extends FakeObject {
  readonly kind = 'Trigger';
  constructor(readonly state: FakeTriggerState) {
    super();
  }
  getUniqueId(): string {
    return this.state.id;
  }
  getHandlerFunction(): string {
    return this.state.handler;
  }
  getEventType(): string {
    return 'CLOCK';
  }
}

class RawClockTriggerBuilder extends FakeObject {
  readonly kind = 'ClockTriggerBuilder';
  constructor(
    private readonly app: RawScriptApp,
    private readonly state: FakeTriggerState,
  ) {
    super();
  }
  onWeekDay(day: string): RawClockTriggerBuilder {
    this.state.weekDay = String(day);
    return this;
  }
  atHour(hour: number): RawClockTriggerBuilder {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new AppsScriptException('Invalid argument: hour');
    this.state.hour = hour;
    return this;
  }
  everyWeeks(n: number): RawClockTriggerBuilder {
    this.state.everyWeeks = n;
    return this;
  }
  create(): RawTrigger {
    const t = new RawTrigger({ ...this.state });
    this.app.triggers.push(t);
    return t;
  }
}

class RawTriggerBuilder extends FakeObject {
  readonly kind = 'TriggerBuilder';
  constructor(
    private readonly app: RawScriptApp,
    private readonly handler: string,
  ) {
    super();
  }
  timeBased(): RawClockTriggerBuilder {
    return new RawClockTriggerBuilder(this.app, { id: `trigger-${this.app.triggers.length + 1}-${this.handler}`, handler: this.handler, weekDay: null, hour: null, everyWeeks: null });
  }
}

export class RawScriptApp extends FakeObject {
  readonly kind = 'ScriptApp';
  readonly WeekDay = { MONDAY: 'MONDAY', TUESDAY: 'TUESDAY', WEDNESDAY: 'WEDNESDAY', THURSDAY: 'THURSDAY', FRIDAY: 'FRIDAY', SATURDAY: 'SATURDAY', SUNDAY: 'SUNDAY' };
  readonly triggers: RawTrigger[] = [];
  newTrigger(functionName: string): RawTriggerBuilder {
    return new RawTriggerBuilder(this, functionName);
  }
  getProjectTriggers(): RawTrigger[] {
    return [...this.triggers];
  }
  deleteTrigger(trigger: RawTrigger): void {
    const i = this.triggers.findIndex((t) => t.getUniqueId() === trigger.getUniqueId());
    if (i >= 0) this.triggers.splice(i, 1);
  }
}

export class RawMailApp extends FakeObject {
  readonly kind = 'MailApp';
  readonly sent: FakeMail[] = [];
  constructor(private quota = 100) {
    super();
  }
  sendEmail(to: string | { to: string; subject: string; body: string }, subject?: string, body?: string): void {
    const mail = typeof to === 'object' ? { to: to.to, subject: to.subject, body: to.body } : { to, subject: subject ?? '', body: body ?? '' };
    if (this.quota <= 0) throw new AppsScriptException('Service invoked too many times for one day: email.');
    if (!/^[^\s@]+@[^\s@]+$/.test(mail.to)) throw new AppsScriptException(`Invalid email: ${mail.to}`);
    this.quota--;
    this.sent.push(mail);
  }
  getRemainingDailyQuota(): number {
    return this.quota;
  }
}

class RawProperties extends FakeObject {
  readonly kind = 'Properties';
  readonly store = new Map<string, string>();
  getProperty(key: string): string | null {
    return this.store.get(key) ?? null;
  }
  setProperty(key: string, value: string): RawProperties {
    this.store.set(key, String(value));
    return this;
  }
  deleteProperty(key: string): RawProperties {
    this.store.delete(key);
    return this;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.store);
  }
}

export class RawPropertiesService extends FakeObject {
  readonly kind = 'PropertiesService';
  readonly user = new RawProperties();
  getUserProperties(): RawProperties {
    return this.user;
  }
}
