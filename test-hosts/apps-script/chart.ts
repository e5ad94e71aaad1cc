// Embedded charts: Sheet.newChart() gives an EmbeddedChartBuilder, whose build() gives an
// EmbeddedChart for Sheet.insertChart; and the Charts global, read only for its ChartType enum.
//
// Models: the builder collects the chart type, ranges, options, header count and position; build()
// needs at least one range; a chart is recorded on its sheet (FakeSheetState.charts).
// Kinder than the real host: nothing is drawn, and options are kept as given, unchecked. Chart ids
// count up across every fake in the process.

import type { Fake } from './engine';
import { signature } from './messages';
import { RawRange } from './range';
import { FakeObject } from './service-proxy';
import type { RawSheet } from './sheet';
import type { FakeChartState } from './state';
import { AppsScriptException } from './values';

/** The Charts global. Charts is only read for its ChartType enum here: property reads are not calls. */
export function chartsGlobal(): GoogleAppsScript.Charts.Charts {
  return { ChartType: { BAR: 'BAR', COLUMN: 'COLUMN', PIE: 'PIE', LINE: 'LINE' } } as unknown as GoogleAppsScript.Charts.Charts;
}

let nextChartId = 1;

/** Sheet.newChart(): collects the chart's settings; build() makes an EmbeddedChart to insert. */
export class RawChartBuilder extends FakeObject {
  readonly kind = 'EmbeddedChartBuilder';
  private readonly _chart: FakeChartState = { chartId: 0, type: 'BAR', ranges: [], options: {}, numHeaders: -1, position: { row: 1, column: 1, offsetX: 0, offsetY: 0 } };
  constructor(
    private readonly _f: Fake,
    private readonly _sheet: RawSheet,
  ) {
    super();
  }
  setChartType(type: unknown): RawChartBuilder {
    if (typeof type !== 'string') throw signature('EmbeddedChartBuilder', 'setChartType', [type]);
    this._chart.type = type;
    return this;
  }
  addRange(range: unknown): RawChartBuilder {
    if (!(range instanceof RawRange)) throw signature('EmbeddedChartBuilder', 'addRange', [range]);
    this._chart.ranges.push(range.getA1Notation());
    return this;
  }
  setOption(name: unknown, value: unknown): RawChartBuilder {
    if (typeof name !== 'string') throw signature('EmbeddedChartBuilder', 'setOption', [name, value]);
    this._chart.options[name] = value;
    return this;
  }
  setNumHeaders(n: unknown): RawChartBuilder {
    if (typeof n !== 'number') throw signature('EmbeddedChartBuilder', 'setNumHeaders', [n]);
    this._chart.numHeaders = n;
    return this;
  }
  setPosition(anchorRow: unknown, anchorColumn: unknown, offsetX: unknown, offsetY: unknown): RawChartBuilder {
    if (![anchorRow, anchorColumn, offsetX, offsetY].every((x) => typeof x === 'number')) throw signature('EmbeddedChartBuilder', 'setPosition', [anchorRow, anchorColumn, offsetX, offsetY]);
    this._chart.position = { row: anchorRow as number, column: anchorColumn as number, offsetX: offsetX as number, offsetY: offsetY as number };
    return this;
  }
  build(): RawChart {
    if (this._chart.ranges.length === 0) throw new AppsScriptException('A chart needs at least one range of data.');
    void this._f;
    void this._sheet;
    return new RawChart({ ...this._chart, chartId: nextChartId++, ranges: [...this._chart.ranges], options: { ...this._chart.options } });
  }
}

export class RawChart extends FakeObject {
  readonly kind = 'EmbeddedChart';
  constructor(readonly _state: FakeChartState) {
    super();
  }
  getChartId(): number {
    return this._state.chartId;
  }
  getRanges(): string[] {
    return [...this._state.ranges];
  }
  getOptions(): Record<string, unknown> {
    return { ...this._state.options };
  }
}
