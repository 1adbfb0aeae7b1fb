/**
 * Printed after Jest's own summary: each skipped test with the reason its name gives (Jest counts skips but names
 * none), and the time each suite took, slowest first, so that a slow suite is seen where it is.
 */
class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
    this.suites = [];
    this.skipped = [];
  }

  onTestResult(_test, result) {
    const path = result.testFilePath.slice(this.rootDir.length + 1);
    this.suites.push({ path, seconds: (result.perfStats.end - result.perfStats.start) / 1000 });
    for (const t of result.testResults) {
      if (t.status === 'pending' || t.status === 'skipped' || t.status === 'todo') this.skipped.push(`${path}: ${t.fullName}`);
    }
  }

  onRunComplete() {
    const lines = [];
    if (this.skipped.length > 0) {
      lines.push(`Skipped (${this.skipped.length}), each with its reason:`);
      for (const s of this.skipped) lines.push(`  ${s}`);
    }
    lines.push('Time per suite, slowest first:');
    const sorted = [...this.suites].sort((a, b) => b.seconds - a.seconds);
    for (const s of sorted) lines.push(`  ${s.seconds.toFixed(1).padStart(6)} s  ${s.path}`);
    process.stderr.write(`\n${lines.join('\n')}\n`);
  }
}

module.exports = SummaryReporter;
