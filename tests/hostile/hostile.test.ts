/**
 * Every hostile case through every adapter (see run-case.ts for the invariants), bar the
 * 100,000-action case, which has a file of its own so it runs beside this one.
 */
import { describeHostError } from '../../src/host/host-errors';
import { expect, it } from 'vitest';
import { settingsSheetName, settingsSheetRows } from '../../shared/settings/settings-sheet';
import { header, hostileCases, ordinary, type HostileCase } from './corpus';
import { hostileAdapters, runCase } from './run-case';

const adapters = hostileAdapters();

const cases = hostileCases();
const tableOf = (list: HostileCase[]) => list.flatMap((c) => adapters.filter(([a]) => !c.skip?.[a]).map(([a, make]) => [c.name, a, c, make] as const));
const table = tableOf(cases);

it('the corpus has at least 50 named cases, each name unique', () => {
  expect(cases.length).toBeGreaterThanOrEqual(50);
  expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
});

it.each(table)('%s — %s', async (_name, adapterName, c, make) => runCase(c, adapterName, make));

// A user's own sheet named "Plan Monitor Settings" (no marker) is not read as settings, and saving
// settings refuses to overwrite it: "It never overwrites, renames or deletes a sheet it did not create."
it.each(adapters)('saving settings leaves a user sheet named Plan Monitor Settings alone — %s', async (_adapter, make) => {
  const mine = { name: settingsSheetName, rows: [['My printer notes'], ['Paper', 'A3']] };
  const adapter = await make([{ name: 'Plan', rows: [header, ...ordinary(2)] }, mine]);
  const before = await adapter.dump();
  const refused = await adapter.port.writeHiddenSheet(settingsSheetName, settingsSheetRows({ dueSoonDays: 30 })).then(() => 'written', describeHostError);
  expect(refused).toBe("A sheet called 'Plan Monitor Settings' already exists and was not made by Plan Monitor, so Plan Monitor left it alone and saved nothing. Rename that sheet, then try again.");
  expect(await adapter.dump()).toEqual(before);
});
