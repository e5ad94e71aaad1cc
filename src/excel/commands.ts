/// <reference lib="dom" />
/** The ribbon's own page (commands.html), loaded only where there is no shared runtime: Excel 2019. */
import { registerCommands } from './ribbon';
import { dialogHandlers } from './ribbon-dialog';

if (typeof Office !== 'undefined') void registerCommands(dialogHandlers());
