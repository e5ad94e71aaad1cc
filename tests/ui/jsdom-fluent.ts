/**
 * Imported first by the jsdom tests that mount the panel: jsdom has no CSS.supports, which Fluent UI
 * Web Components call as their modules load (to ask about :state() and anchor positioning). Answering
 * "no" is what an older browser says, and Fluent then falls back as it would there.
 */
const scope = globalThis as { CSS?: { supports?: (...args: string[]) => boolean } };
scope.CSS ??= {};
scope.CSS.supports ??= () => false;
