/// <reference lib="dom" />
/**
 * The report tools, loaded on demand (src/ui/on-demand.ts) when the officer first asks for the
 * committee report: the use case that builds it (the report model and its HTML page), and the Word
 * renderer, the chart drawn by the page's canvas.
 */
import { buildCommitteeReport } from '../../../shared/app/use-cases';
import { renderDocx } from '../../report/docx-report';
import { canvasPngForSvg } from '../../report/png-in-browser';
import { onDemandScripts, provide } from '../on-demand';

provide(onDemandScripts.report, { buildCommitteeReport, renderDocx: (model) => renderDocx(model, { pngForSvg: canvasPngForSvg }) });
