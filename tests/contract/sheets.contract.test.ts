import { afterEach } from 'vitest';
import { adapterContract } from './adapter-contract';
import { sheetsFactory } from './adapters';

const installed: string[] = [];
afterEach(() => {
  for (const k of installed.splice(0)) delete (globalThis as Record<string, unknown>)[k];
});

adapterContract('Apps Script (fake SpreadsheetApp)', sheetsFactory(installed));
