/**
 * The ribbon's buttons. With a shared runtime (manifest.xml) they run in the task pane's page: the
 * pane opens and shows the run as if its own button had been pressed. Without one (Excel 2019,
 * manifest-excel-2019.xml) they run in the ribbon's own page and report in a dialog
 * (ribbon-dialog.ts). The function names are fixed: the manifests use them.
 */
export type CommandName = 'checkPlan' | 'applyColours' | 'buildSummary' | 'recordPeriod';
export type CommandHandler = (event: Office.AddinCommands.Event) => Promise<void>;
export type CommandHandlers = Record<CommandName, CommandHandler>;

export const commandNames: readonly CommandName[] = ['checkPlan', 'applyColours', 'buildSummary', 'recordPeriod'];

/** What the ribbon needs of the mounted panel (mountPanel's handle). */
export interface PaneActions {
  run(action: 'check' | 'colours' | 'summary'): Promise<void>;
  openPeriodForm(): void;
}

const paneAction = { checkPlan: 'check', applyColours: 'colours', buildSummary: 'summary' } as const;

/** Whether this Excel runs the ribbon and the task pane in one runtime (SharedRuntime 1.1). */
export function hasSharedRuntime(): boolean {
  return typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported?.('SharedRuntime', '1.1') === true;
}

/**
 * The buttons' handlers in a shared runtime: open the pane first, so the officer sees progress,
 * then do exactly what the pane's own button does. Failures show in the pane, as there.
 */
export function paneHandlers(pane: PaneActions): CommandHandlers {
  const handler =
    (name: CommandName): CommandHandler =>
    async (event) => {
      try {
        // The pane may already be open, or the host may refuse while another dialog is up: run anyway.
        await Office.addin.showAsTaskpane().catch(() => undefined);
        if (name === 'recordPeriod') pane.openPeriodForm();
        else await pane.run(paneAction[name]);
      } finally {
        event.completed();
      }
    };
  return { checkPlan: handler('checkPlan'), applyColours: handler('applyColours'), buildSummary: handler('buildSummary'), recordPeriod: handler('recordPeriod') };
}

/** Registers the handlers: older Excel looks a function up by its global name, newer through Office.actions once Office is ready. */
export function registerCommands(handlers: CommandHandlers): Promise<void> {
  Object.assign(globalThis, handlers);
  return Office.onReady().then(() => {
    for (const name of commandNames) Office.actions?.associate(name, handlers[name]);
  });
}
