import type { GridSnapshot } from '../../shared/grid/grid';
import { cipSept2018, sampleGridValues, type SamplePlan } from '../fixtures/cip-sept-2018';

/** The sample plan as a host would snapshot it: date cells as serials with a date hint, merges kept. */
export function sampleGrid(plan: SamplePlan = cipSept2018): GridSnapshot {
  const { values, dates } = sampleGridValues(plan);
  return { sheet: plan.sheetName, top: 1, left: 1, values, dates, merges: plan.merges };
}
