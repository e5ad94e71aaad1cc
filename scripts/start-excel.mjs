// npm run start:excel: sideloads manifest.xml into desktop Excel and starts the dev server, where
// desktop Excel exists (Windows, macOS). Elsewhere it says how to use Excel on the web and fails.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// PLAN_MONITOR_PLATFORM stands in for the platform in this script's own test.
const platform = process.env.PLAN_MONITOR_PLATFORM ?? process.platform;
if (platform !== 'win32' && platform !== 'darwin') {
  console.error(`Desktop Excel does not run on ${platform}. Use Excel on the web: run 'npm run dev-server', then in a workbook on the web choose Home › Add-ins › More Add-ins › My Add-ins › Upload My Add-in, and pick manifest.xml.`);
  process.exit(1);
}
// office-addin-debugging trusts a development certificate first: the system asks for your password once.
console.log('Starting Excel with Plan Monitor sideloaded. The first time, your system asks for your password to trust a localhost development certificate.');
const r = spawnSync(process.execPath, [path.join(root, 'node_modules/office-addin-debugging/cli.js'), 'start', 'manifest.xml', 'desktop', '--app', 'excel', '--dev-server-port', '3000'], { stdio: 'inherit', cwd: root });
process.exit(r.status ?? 1);
