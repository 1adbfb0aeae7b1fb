// Preloaded into measured processes: report peak RSS (KiB) on fd 3 at exit.
process.on('exit', () => {
  try {
    require('node:fs').writeSync(3, String(process.resourceUsage().maxRSS));
  } catch {
    // not measured
  }
});
