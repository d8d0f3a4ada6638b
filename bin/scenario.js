#!/usr/bin/env node
// Entry point of the `scenario` command: runs the bundled CLI (build with `npm run build`).
require('./codeCache').runCli();
