// Session, Utilities and Logger together (utilities.ts, session.ts, logger.ts).
import { describe, expect, it } from 'vitest';
import { createFakeAppsScript } from './fake-apps-script';

describe('Session, Utilities, Logger', () => {
  it('gives the script time zone, formats dates with Java patterns, counts Logger.log', () => {
    const f = createFakeAppsScript({ sheets: [{ name: 'Plan' }], timeZone: 'Europe/London', scriptTimeZone: 'America/New_York' });
    expect(f.globals.Session.getScriptTimeZone()).toBe('America/New_York');
    const d = new Date(Date.UTC(2018, 6, 4, 13, 5, 9));
    expect(f.globals.Utilities.formatDate(d, 'Europe/London', 'EEE d MMM yyyy HH:mm:ss z')).toBe('Wed 4 Jul 2018 14:05:09 BST');
    expect(f.globals.Utilities.formatDate(d, 'Europe/London', "h:mm a, yy-M-d 'q'''")).toBe("2:05 PM, 18-7-4 q'");
    f.globals.Logger.log('%s rows', 3);
    expect(f.logs).toEqual(['3 rows']);
    expect(f.calls.get('Logger.log')).toBe(1);
    expect(f.calls.get('Utilities.formatDate')).toBe(2);
  });
});
