/**
 * A reply to an update request, for the panels' merge tests: the CLI's `requests` on the sample plan
 * (the plan the preview and the sidebar stub hold), then the Director of HR and OD's request edited
 * in openpyxl, an independent writer, as the officer would: 3.4 marked Some slippage with a revised
 * date of 31/01/2019, 6.4 marked Completed, and a commentary that looks like a formula. And a list of
 * new actions for Add actions from a list….
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureDebianPython } from '../helpers/python';
import { tempDir } from '../helpers/xlsx';

const root = path.resolve(__dirname, '../..');

/** A peer review's new recommendations as a CSV, as an officer saves it from Excel (CRLF, a quoted field, a formula-looking cell). */
export function makeList(): { file: string; name: string } {
  const name = 'peer-review.csv';
  const file = path.join(tempDir(), name);
  writeFileSync(
    file,
    ['Theme,Recommendation,Lead officer,Target date,Comments', '3,Review the senior leadership development programme,Director of HR and OD,31/03/2019,From the IDeA peer review', '10.x,"Adopt a ""digital first"" customer strategy",Director of Digital and Customer Services,30/06/2019,=cmd|calc'].join('\r\n'),
  );
  return { file, name };
}

export function makeReply(): { file: string; name: string } {
  const dir = tempDir();
  const made = spawnSync(process.execPath, [path.join(root, 'bin/plan-monitor.cjs'), 'requests', path.join(root, 'samples/cip-monitoring-sept-2018.xlsx'), '--as-of', '2018-09-30', '--out', dir], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`plan-monitor requests failed: ${made.stderr}`);
  const name = '06-director-of-hr-and-od.xlsx';
  const file = path.join(dir, `reply-${name}`);
  const job = [{ src: path.join(dir, name), dst: file, cells: { E4: ['Some slippage', 'text'], D4: ['2019-01-31', 'date'], F4: ['=cmd|calc', 'text'], E8: ['Completed', 'text'] } }];
  const edited = spawnSync(ensureDebianPython(['openpyxl']), [path.join(root, 'tests/merge/edit-reply.py')], { input: JSON.stringify(job), encoding: 'utf8', timeout: 60_000 });
  if (edited.status !== 0) throw new Error(`edit-reply.py failed: ${edited.stderr}`);
  return { file, name: `reply-${name}` };
}
