#!/usr/bin/env node
import { main } from "../dist/cli/index.js";

const io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: process.stdin,
  columns: process.stdout.isTTY ? process.stdout.columns : undefined,
  stderrIsTTY: process.stderr.isTTY === true,
};
process.exitCode = await main(process.argv.slice(2), io);
