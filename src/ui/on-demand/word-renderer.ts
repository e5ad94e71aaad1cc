/// <reference lib="dom" />
/** The Word renderer, loaded on demand (src/ui/on-demand.ts): the committee report's .docx, the chart drawn by the page's canvas. */
import { renderDocx } from '../../report/docx-report';
import { canvasPngForSvg } from '../../report/png-in-browser';
import { onDemandScripts, provide, type DocxRenderer } from '../on-demand';

const render: DocxRenderer = (model) => renderDocx(model, { pngForSvg: canvasPngForSvg });
provide(onDemandScripts.word, render);
