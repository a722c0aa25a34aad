// One line per check, and the closing "kernel: N passed, M failed" line that
// tools/run_tests.sh reads. A check compares a property of what the kernel did
// with the same property of what portlab-cli predicts (exact port numbers are
// random on both sides, so checks compare parity, bounds, counts, errno names,
// sharing, delivered/dropped). With --kernel-only the kernel is compared with
// what the reference measured instead, and portlab-cli is not run.
import { isDeepStrictEqual } from 'node:util';

const show = (value) => JSON.stringify(value);

export class Report {
  constructor(kernelOnly) {
    this.kernelOnly = kernelOnly;
    this.passed = 0;
    this.failed = 0;
  }

  // kernel: the observed property; cli: a function computing the predicted
  // one (it may throw, e.g. when portlab-cli rejects the request); reference:
  // what networking-facts.md section 7 recorded. `note` adds context to the line.
  compare(name, { kernel, cli, reference, note }) {
    const extra = note ? ` [${note}]` : '';
    if (this.kernelOnly) {
      const ok = isDeepStrictEqual(kernel, reference);
      this.line(ok, `${name}: kernel ${show(kernel)}, reference ${show(reference)}${extra}`);
      return;
    }
    let predicted;
    try {
      predicted = cli();
    } catch (e) {
      this.line(false, `${name}: kernel ${show(kernel)}; portlab-cli failed: ${e.message}`);
      return;
    }
    const ok = isDeepStrictEqual(kernel, predicted);
    const ref = isDeepStrictEqual(kernel, reference) ? '' : ` (reference ${show(reference)})`;
    this.line(ok, `${name}: kernel ${show(kernel)}, portlab-cli ${show(predicted)}${ref}${extra}`);
  }

  // A group that could not even observe the kernel counts as one failure.
  error(name, error) {
    this.line(false, `${name}: ERROR ${error.message}`);
  }

  line(ok, text) {
    if (ok) this.passed += 1;
    else this.failed += 1;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${text}`);
  }

  summary() {
    console.log(`kernel: ${this.passed} passed, ${this.failed} failed`);
  }
}
