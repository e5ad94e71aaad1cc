// @vitest-environment jsdom
// The scripts the panel loads on first use (src/ui/on-demand.ts): loaded once, tried again after a
// failed load, and a script that set nothing is a message, not a crash; a Sheets include goes in as text.
import './jsdom-fluent';
import { afterEach, describe, expect, it } from 'vitest';
import { onDemand, runScriptText, type OnDemandScript } from '../../src/ui/on-demand';

const script: OnDemandScript = { global: 'PlanMonitorTest', file: 'test.js', include: 'Test', what: 'The test tools' };
const g = globalThis as unknown as Record<string, unknown>;
afterEach(() => {
  delete g[script.global];
});

describe('onDemand', () => {
  it('loads the script the first time only, and gives what it set', async () => {
    let loads = 0;
    const get = onDemand<{ n: number }>(script, async () => {
      loads++;
      g[script.global] = { n: 7 };
    });
    expect(await get()).toEqual({ n: 7 });
    expect(await get()).toEqual({ n: 7 });
    expect(loads).toBe(1);
  });

  it('tries again after a failed load, and says so when the script set nothing', async () => {
    let loads = 0;
    const get = onDemand(script, async () => {
      loads++;
      if (loads === 1) throw new Error('The test tools could not be downloaded. Check the connection, then try again.');
    });
    await expect(get()).rejects.toThrow('The test tools could not be downloaded. Check the connection, then try again.');
    await expect(get()).rejects.toThrow('The test tools did not load. Close the panel, open it again and try once more.');
    g[script.global] = () => 1;
    expect(typeof (await get())).toBe('function');
    expect(loads).toBe(3);
  });
});

describe('runScriptText', () => {
  it('puts the body of a <script> include, as HtmlService hands it out, in a script element of its own', () => {
    // jsdom runs no scripts: the sidebar's browser test runs a real include; here, what goes in the page.
    runScriptText(script, `<script>globalThis.${script.global} = { ran: true };</script>\n`);
    const added = document.head.lastElementChild;
    expect([added?.tagName, added?.getAttribute('src'), added?.textContent]).toEqual(['SCRIPT', null, `globalThis.${script.global} = { ran: true };`]);
  });

  it('refuses anything else', () => {
    const before = document.head.childElementCount;
    expect(() => runScriptText(script, '<div>not a script</div>')).toThrow('The test tools did not load. Close the sidebar, open it again and try once more.');
    expect(document.head.childElementCount).toBe(before);
  });
});
