// Session: the time-zone warning (session.ts).
import { describe, expect, it } from 'vitest';
import { createFakeAppsScript } from './fake-apps-script';

describe('set-up warnings', () => {
  it('warns when the Node process time zone is not the script time zone', () => {
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(createFakeAppsScript({ sheets: [{ name: 'Plan' }], timeZone: tz }).warnings).toEqual([]);
    const other = tz === 'Asia/Tokyo' ? 'America/New_York' : 'Asia/Tokyo';
    expect(createFakeAppsScript({ sheets: [{ name: 'Plan' }], scriptTimeZone: other }).warnings[0]).toContain(`process.env.TZ = '${other}'`);
  });
});
