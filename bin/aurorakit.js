#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm run build`, which `npm ci` runs via `prepare`).
import { run } from "../dist/cli/main.js";

process.exitCode = await run(process.argv.slice(2));
