import { afterEach, describe, expect, it } from 'vitest';
import { commandNames, hasSharedRuntime, paneHandlers, registerCommands, type PaneActions } from '../../src/excel/ribbon';
import { recordInPanel, runCommand } from '../../src/excel/ribbon-dialog';
import type { PanelController } from '../../src/ui/panel-controller';

const g = globalThis as Record<string, unknown>;
afterEach(() => {
  delete g.Office;
  for (const n of commandNames) delete g[n];
});

/** The slice of Office the ribbon uses, recording what it is asked. */
function fakeOffice(shared: boolean, calls: string[]) {
  g.Office = {
    context: { requirements: { isSetSupported: (name: string, version: string) => name === 'SharedRuntime' && version === '1.1' && shared } },
    addin: {
      showAsTaskpane: () => {
        calls.push('show pane');
        return Promise.resolve();
      },
    },
    actions: { associate: (name: string) => calls.push(`associate ${name}`) },
    onReady: () => Promise.resolve({ host: 'Excel' }),
  };
}

function pane(calls: string[]): PaneActions {
  return {
    run: async (action) => {
      calls.push(`run ${action}`);
    },
    openPeriodForm: () => calls.push('period form'),
  };
}

const event = (calls: string[]) => ({ completed: () => calls.push('completed') }) as unknown as Office.AddinCommands.Event;

describe('the ribbon in a shared runtime', () => {
  it('knows whether Excel has one', () => {
    fakeOffice(true, []);
    expect(hasSharedRuntime()).toBe(true);
    fakeOffice(false, []);
    expect(hasSharedRuntime()).toBe(false);
  });

  it('opens the pane first, then runs exactly what the pane button runs, then completes once', async () => {
    const calls: string[] = [];
    fakeOffice(true, calls);
    const handlers = paneHandlers(pane(calls));
    await handlers.applyColours(event(calls));
    await handlers.checkPlan(event(calls));
    await handlers.buildSummary(event(calls));
    expect(calls).toEqual(['show pane', 'run colours', 'completed', 'show pane', 'run check', 'completed', 'show pane', 'run summary', 'completed']);
  });

  it('Record period opens the pane at the period form, since only the pane can ask for a name', async () => {
    const calls: string[] = [];
    fakeOffice(true, calls);
    await paneHandlers(pane(calls)).recordPeriod(event(calls));
    expect(calls).toEqual(['show pane', 'period form', 'completed']);
  });

  it('still runs, and completes, when the pane cannot be shown; completes when the run throws', async () => {
    const calls: string[] = [];
    fakeOffice(true, calls);
    (g.Office as { addin: { showAsTaskpane(): Promise<void> } }).addin.showAsTaskpane = () => Promise.reject(new Error('busy'));
    await paneHandlers(pane(calls)).checkPlan(event(calls));
    expect(calls).toEqual(['run check', 'completed']);
    const failing: PaneActions = { run: () => Promise.reject(new Error('boom')), openPeriodForm: () => undefined };
    await expect(paneHandlers(failing).checkPlan(event(calls))).rejects.toThrow('boom');
    expect(calls.at(-1)).toBe('completed');
  });

  it('registers every button by its global name and through Office.actions', async () => {
    const calls: string[] = [];
    fakeOffice(true, calls);
    const handlers = paneHandlers(pane(calls));
    await registerCommands(handlers);
    expect(calls).toEqual(commandNames.map((n) => `associate ${n}`));
    for (const n of commandNames) expect(g[n]).toBe(handlers[n]);
  });
});

describe('the ribbon without a shared runtime (Excel 2019)', () => {
  it('Record period says where to name the period, and runs nothing', async () => {
    const controller = { check: () => Promise.reject(new Error('not called')), apply: () => Promise.reject(new Error('not called')) } as unknown as PanelController;
    expect(await runCommand('recordPeriod', controller)).toEqual({ message: recordInPanel, failed: false });
  });
});
