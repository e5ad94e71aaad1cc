#!/usr/bin/env node
// The CLI is bundled by `npm run build` (run by npm install/ci through "prepare").
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', 'dist', 'cli', 'plan-monitor.cjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write('plan-monitor: not built yet. Run `npm run build` in the plan-monitor folder first.\n');
  process.exit(2);
}
require(bundle);
