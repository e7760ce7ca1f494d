// Preloaded into the CLI by bench/coverage.ts (node --import): the process's peak resident set size, on exit.
process.on('exit', () => process.stderr.write(`peak-rss-kb ${process.resourceUsage().maxRSS}\n`));
