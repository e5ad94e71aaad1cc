// Ui (SpreadsheetApp.getUi()), Menu and PromptResponse: alerts, prompts, menus, sidebars and
// dialogs. Everything shown is recorded in fake.ui (FakeUiRecords).
//
// Models: alert and prompt in their three forms, answered with a button of the ButtonSet; menus from
// createMenu and createAddonMenu (one add-on menu, named after the script, and adding it again
// replaces it); showSidebar, showModalDialog and showModelessDialog record the HTML and the title.
// An alert or prompt drops any LockService lock the script holds (README.md quotes the Ui reference
// on this); alerts and prompts suspend the script while they are open, custom dialogs and sidebars
// do not (Dialogs and Sidebars guide), and a show* call here returns at once, as there.
// Kinder than the real host: nobody has to answer. alert and prompt return at once with the next
// queued answer (alertResponses, promptResponses), or with the first button of the set; a queued
// button the set does not offer throws, so a test cannot answer what no user could.

import { FakeEnumValue, makeEnum } from './enums';
import type { Fake } from './engine';
import { RawHtmlOutput } from './html-service';
import { dropLocksForDialog } from './lock-service';
import { signature } from './messages';
import { FakeObject } from './service-proxy';
import { AppsScriptException, typeName } from './values';

export type FakeButtonName = 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';

export interface FakeMenuItem {
  caption: string;
  functionName: string;
}

export type FakeMenuEntry = ({ kind: 'item' } & FakeMenuItem) | { kind: 'separator' } | { kind: 'subMenu'; menu: FakeMenuRecord };

export interface FakeMenuRecord {
  name: string;
  /** Built with createAddonMenu (it sits in the Extensions menu under the add-on's name). */
  addon: boolean;
  /** The menu's own items, in order (separators and sub-menus are in `entries`). */
  items: FakeMenuItem[];
  entries: FakeMenuEntry[];
}

export interface FakeUiRecords {
  menus: FakeMenuRecord[];
  alerts: { title: string; prompt: string; buttons: string; response: FakeButtonName }[];
  prompts: { title: string; prompt: string; buttons: string; response: FakeButtonName; text: string }[];
  toasts: { message: string; title: string; timeoutSeconds: number | null }[];
  sidebars: { title: string; html: string }[];
  dialogs: { title: string; html: string; width: number | null; height: number | null; modal: boolean }[];
}

const Button = makeEnum('Button', ['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'] as const);
const ButtonSet = makeEnum('ButtonSet', ['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'] as const);
const BUTTONS_OF: Record<string, FakeButtonName[]> = { OK: ['OK'], OK_CANCEL: ['OK', 'CANCEL'], YES_NO: ['YES', 'NO'], YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'] };

export class RawUi extends FakeObject {
  readonly kind = 'Ui';
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  constructor(private readonly _f: Fake) {
    super();
  }
  private _buttons(set: unknown, method: string): string {
    if (set === undefined) return 'OK';
    const name = set instanceof FakeEnumValue && set.enumType === 'ButtonSet' ? set.name() : null;
    if (name === null) throw new AppsScriptException(`The parameters (${typeName(set)}) don't match the method signature for Ui.${method}.`);
    return name;
  }
  private _answer(set: string, queue: FakeButtonName[]): FakeButtonName {
    const allowed = BUTTONS_OF[set] as FakeButtonName[];
    const next = queue.shift();
    if (next === undefined) return allowed[0] as FakeButtonName;
    if (next !== 'CLOSE' && !allowed.includes(next)) throw new Error(`Fake SpreadsheetApp: alertResponses gave ${next}, which ButtonSet.${set} does not offer`);
    return next;
  }
  /** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons). Locks do not survive it. */
  alert(...args: unknown[]): unknown {
    const [title, prompt, set] = args.length >= 3 ? [String(args[0]), String(args[1]), args[2]] : args.length === 2 && typeof args[1] !== 'string' ? ['', String(args[0]), args[1]] : ['', String(args[0]), undefined];
    const buttons = this._buttons(set, 'alert');
    const response = this._answer(buttons, this._f.alertResponses);
    dropLocksForDialog(this._f.locks);
    this._f.ui.alerts.push({ title, prompt, buttons, response });
    return Button[response];
  }
  prompt(...args: unknown[]): RawPromptResponse {
    const [title, prompt, set] = args.length >= 3 ? [String(args[0]), String(args[1]), args[2]] : args.length === 2 && typeof args[1] !== 'string' ? ['', String(args[0]), args[1]] : ['', String(args[0]), undefined];
    const buttons = this._buttons(set, 'prompt');
    const queued = this._f.promptResponses.shift();
    const response = queued ? this._answer(buttons, [queued.button]) : (BUTTONS_OF[buttons]?.[0] as FakeButtonName);
    const text = queued?.text ?? '';
    dropLocksForDialog(this._f.locks);
    this._f.ui.prompts.push({ title, prompt, buttons, response, text });
    return new RawPromptResponse(response, text);
  }
  createMenu(caption: string): RawMenu {
    if (typeof caption !== 'string') throw signature('Ui', 'createMenu', [caption]);
    return new RawMenu(this._f, { name: caption, addon: false, items: [], entries: [] });
  }
  createAddonMenu(): RawMenu {
    return new RawMenu(this._f, { name: this._f.scriptName, addon: true, items: [], entries: [] });
  }
  showSidebar(userInterface: unknown): void {
    if (!(userInterface instanceof RawHtmlOutput)) throw new AppsScriptException(`The parameters (${typeName(userInterface)}) don't match the method signature for Ui.showSidebar.`);
    this._f.ui.sidebars.push({ title: userInterface._title, html: userInterface._content });
  }
  showModalDialog(userInterface: unknown, title: string): void {
    this._dialog(userInterface, title, true, 'showModalDialog');
  }
  showModelessDialog(userInterface: unknown, title: string): void {
    this._dialog(userInterface, title, false, 'showModelessDialog');
  }
  private _dialog(ui: unknown, title: string, modal: boolean, method: string): void {
    if (!(ui instanceof RawHtmlOutput) || typeof title !== 'string') throw new AppsScriptException(`The parameters (${typeName(ui)},${typeName(title)}) don't match the method signature for Ui.${method}.`);
    this._f.ui.dialogs.push({ title, html: ui._content, width: ui._width, height: ui._height, modal });
  }
}

class RawPromptResponse extends FakeObject {
  readonly kind = 'PromptResponse';
  constructor(
    private readonly _button: FakeButtonName,
    private readonly _text: string,
  ) {
    super();
  }
  getSelectedButton(): unknown {
    return Button[this._button];
  }
  getResponseText(): string {
    return this._text;
  }
}

class RawMenu extends FakeObject {
  readonly kind = 'Menu';
  constructor(
    private readonly _f: Fake,
    readonly _record: FakeMenuRecord,
  ) {
    super();
  }
  addItem(caption: unknown, functionName: unknown): RawMenu {
    if (typeof caption !== 'string' || typeof functionName !== 'string') throw new AppsScriptException(`The parameters (${typeName(caption)},${typeName(functionName)}) don't match the method signature for Menu.addItem.`);
    this._record.items.push({ caption, functionName });
    this._record.entries.push({ kind: 'item', caption, functionName });
    return this;
  }
  addSeparator(): RawMenu {
    this._record.entries.push({ kind: 'separator' });
    return this;
  }
  addSubMenu(menu: unknown): RawMenu {
    if (!(menu instanceof RawMenu)) throw new AppsScriptException(`The parameters (${typeName(menu)}) don't match the method signature for Menu.addSubMenu.`);
    this._record.entries.push({ kind: 'subMenu', menu: menu._record });
    return this;
  }
  /** Adds the menu to the editor. There is one add-on menu: adding it again replaces it. */
  addToUi(): void {
    const menus = this._f.ui.menus;
    const copy: FakeMenuRecord = structuredClone(this._record);
    const i = this._record.addon ? menus.findIndex((m) => m.addon) : -1;
    if (i >= 0) menus[i] = copy;
    else menus.push(copy);
  }
}
