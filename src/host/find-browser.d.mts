/** Types of find-browser.mjs: the one browser finder, shared by the CLI and scripts/browser.mjs. */

export interface FoundBrowser {
  executablePath?: string;
  channel?: string;
}

export interface FindBrowserOptions {
  /** Whether playwright-core can launch this channel ("chrome", "msedge"); left out where there is no playwright (the CLI). */
  probe?: (channel: string) => Promise<boolean>;
  /** process.platform, for tests. */
  platform?: string;
}

export declare const installHint: string;

export declare function installedLocations(platform?: string, env?: Record<string, string | undefined>): string[];

export declare function findBrowser(env?: Record<string, string | undefined>, options?: FindBrowserOptions): Promise<FoundBrowser | null>;
