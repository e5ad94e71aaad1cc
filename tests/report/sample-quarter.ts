/**
 * The sample's quarter as `npm run report:sample` (scripts/report-sample.mjs) makes it: June 2018
 * recorded on the June workbook, then the September workbook carrying that history, with Sept 2018
 * recorded as of 30 September 2018. Built in memory, through the same engine calls the CLI makes.
 */
import { dayFromIso } from '../../shared/dates/day';
import { recordPeriod } from '../../shared/history/record-period';
import { prepareRun, type PreparedRun } from '../../shared/run/prepare-run';
import type { SettingsInput } from '../../shared/settings/settings';
import { MemoryWorkbook, MemoryWorkbookPort } from '../../src/memory/memory-workbook';
import { cipJune2018 } from '../fixtures/cip-june-2018';
import { cipSept2018, isoToSerial, type SamplePlan } from '../fixtures/cip-sept-2018';

function book(plan: SamplePlan): MemoryWorkbook {
  const b = new MemoryWorkbook();
  b.addSheet(plan.sheetName, plan.rows.map((r) => r.map((v) => (v !== null && typeof v === 'object' ? { date: isoToSerial(v.date) } : v))), plan.merges);
  return b;
}

const day = (iso: string): number => dayFromIso(iso) ?? 0;

function prepared(run: ReturnType<typeof prepareRun>): PreparedRun {
  if (!run.ok) throw new Error(run.message);
  return run;
}

/** The September workbook with June 2018 and Sept 2018 recorded, as a port (for the use cases) and as a run. */
export async function sampleQuarter(settingsOverride?: SettingsInput): Promise<{ port: MemoryWorkbookPort; run: PreparedRun }> {
  const june = new MemoryWorkbookPort(book(cipJune2018()));
  const juneRun = prepared(prepareRun(await june.readWorkbook(), { today: day('2018-06-30') }));
  const recorded = recordPeriod(juneRun, 'June 2018', '2018-07-02T09:00:00');
  if ('problem' in recorded) throw new Error(recorded.problem);
  const port = new MemoryWorkbookPort(book(cipSept2018));
  await port.writeHiddenSheet(recorded.sheet, recorded.rows);
  const sept = prepared(prepareRun(await port.readWorkbook(), { today: day('2018-09-30') }));
  const again = recordPeriod(sept, 'Sept 2018', '2018-10-01T09:00:00');
  if ('problem' in again) throw new Error(again.problem);
  await port.writeHiddenSheet(again.sheet, again.rows);
  return { port, run: prepared(prepareRun(await port.readWorkbook(), { today: day('2018-09-30'), asOf: day('2018-09-30'), settingsOverride })) };
}
