import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describeProblem, reportWrittenMessage } from '../../../shared/app/messages';
import { buildCommitteeReport } from '../../../shared/app/use-cases';
import { findBrowser, installHint } from '../../host/find-browser.mjs';
import { localClock } from '../../host/local-clock';
import { renderDocx } from '../../report/docx-report';
import { pngFromSvg } from '../../report/png-from-svg';
import { printPdf } from '../../report/print-pdf';
import { planOptions, str, type Command } from '../command';
import { CliError } from '../errors';
import { loadPlan } from '../load-plan';

const usage = 'plan-monitor report FILE (--html OUT.html | --docx OUT.docx | --pdf OUT.pdf)… [--sheet NAME] [--as-of DATE] [--settings FILE.json] [--title TEXT]';

/** Each output asked for, checked before anything is read. */
function outputs(values: Record<string, string | boolean | undefined>): { html?: string; docx?: string; pdf?: string } {
  const wanted = { html: str(values, 'html'), docx: str(values, 'docx'), pdf: str(values, 'pdf') };
  if (wanted.html === undefined && wanted.docx === undefined && wanted.pdf === undefined) throw new CliError(`report needs --html OUT.html, --docx OUT.docx or --pdf OUT.pdf (any of them). Usage: ${usage}`);
  const ending = { html: /\.html?$/i, docx: /\.docx$/i, pdf: /\.pdf$/i } as const;
  for (const kind of ['html', 'docx', 'pdf'] as const) {
    const out = wanted[kind];
    if (out !== undefined && !ending[kind].test(out)) throw new CliError(`--${kind} must name a .${kind} file (got '${out}').`);
  }
  return Object.fromEntries(Object.entries(wanted).filter(([, v]) => v !== undefined));
}

/** Writes the whole file or nothing: a temporary name beside it, then renamed over it. */
async function save(out: string, contents: string | Uint8Array): Promise<void> {
  try {
    await mkdir(path.dirname(path.resolve(out)), { recursive: true });
    const temporary = path.join(path.dirname(path.resolve(out)), `.${path.basename(out)}.${process.pid}.tmp`);
    await writeFile(temporary, contents);
    await rename(temporary, out);
  } catch (e) {
    throw new CliError(`Could not write '${out}': ${e instanceof Error ? e.message : String(e)}.`);
  }
}

/** Said when the one-file CLI runs where npm did not install resvg beside it. */
const noChartNote = "The Word document gives the chart in words: drawing it needs @resvg/resvg-js, which is not installed beside plan-monitor (run 'npm install' in its folder).";

/** The browser that prints --pdf, found before any work is done, so a missing one costs nothing. */
async function pdfBrowser(): Promise<string> {
  let found;
  try {
    found = await findBrowser(process.env);
  } catch (e) {
    throw new CliError(e instanceof Error ? e.message : String(e));
  }
  if (!found?.executablePath) throw new CliError(`--pdf needs a browser to print with. ${installHint} (--html and --docx need none.)`);
  return found.executablePath;
}

export const reportCommand: Command = {
  name: 'report',
  description:
    'Write the committee report: an HTML page (printable to A4), a Word document (.docx) and/or a PDF printed by Chrome, Edge or Chromium — summary, status by period, themes with a chart, slippage and not-started paragraphs, what changed, the lists with commentary.',
  usage,
  options: { ...planOptions, html: { type: 'string' }, docx: { type: 'string' }, pdf: { type: 'string' }, title: { type: 'string' } },
  async run(file, values, print) {
    const out = outputs(values);
    const browser = out.pdf !== undefined ? await pdfBrowser() : null;
    const settingsFile = str(values, 'settings');
    // loadPlan reads the file, the --settings file and --as-of with the CLI's own messages; the
    // report itself is the use case every host calls, on the port loadPlan opened (read once, kept).
    const { port, run } = await loadPlan({ file, sheet: str(values, 'sheet'), asOf: str(values, 'as-of'), settingsFile });
    const report = await buildCommitteeReport(port, localClock, { asOf: run.checked.asOf, sheet: run.checked.sheet, settingsOverride: settingsFile !== undefined ? run.settings : undefined, title: str(values, 'title') });
    if (!report.ok) throw new CliError(describeProblem(report.problem));
    const { model, html } = report.value;
    const written: string[] = [];
    if (out.html !== undefined) {
      await save(out.html, html);
      written.push(out.html);
    }
    const notes: string[] = [];
    if (out.docx !== undefined) {
      const png = pngFromSvg();
      if (!png) notes.push(noChartNote);
      await save(out.docx, await renderDocx(model, png ? { pngForSvg: png } : {}));
      written.push(out.docx);
    }
    if (out.pdf !== undefined && browser !== null) {
      await mkdir(path.dirname(path.resolve(out.pdf)), { recursive: true }).catch(() => undefined);
      const printed = await printPdf(html, out.pdf, browser);
      if (!printed.ok) throw new CliError(`${browser} could not print '${out.pdf}' (${printed.problem ?? 'no PDF'}).${written.length > 0 ? ` ${reportWrittenMessage(model.sheet, written)}` : ''}`);
      written.push(out.pdf);
    }
    print([reportWrittenMessage(model.sheet, written), ...notes].join('\n'));
    return 0;
  },
};
