/**
 * Durations as Istio reads them in a VirtualService: a google.protobuf.Duration in its JSON form (seconds with up to
 * nine decimals and an `s`, such as `10s` or `0.25s`; the proto JSON reader takes no other unit), at least 1ms and
 * to the millisecond (pkg/config/validation/agent/validation.go ValidateDuration). CORS's maxAge is to the second
 * (pkg/config/validation/validation.go validateCORSPolicy).
 */
import * as z from 'zod';

const PROTO_DURATION = /^(\d{1,12})(?:\.(\d{1,9}))?s$/;
/** google.protobuf.Duration's largest value, about 10,000 years. */
const MAX_SECONDS = 315_576_000_000;

/** A duration field, `what` naming it in messages; `precision` is what Istio keeps of it. */
export function duration(what: string, precision: 'ms' | 's' = 'ms') {
  return z
    .string()
    .regex(PROTO_DURATION, {
      abort: true,
      message: `${what} must be a duration in seconds, such as 10s, 0.5s or 3600s: Istio reads it as a protobuf Duration, which takes no other unit (write 2m as 120s)`,
    })
    .superRefine((value, ctx) => {
      const [, whole = '0', fraction = ''] = PROTO_DURATION.exec(value) ?? [];
      const seconds = Number(whole);
      const nanos = Number(fraction.padEnd(9, '0'));
      const issue = (message: string): void => ctx.addIssue({ code: 'custom', message });
      if (seconds > MAX_SECONDS) issue(`${what} is longer than a protobuf Duration can hold (${MAX_SECONDS}s); shorten it`);
      else if (seconds === 0 && nanos < 1_000_000) issue(`${what} must be at least 1ms (Istio's webhook refuses shorter ones); give at least 0.001s`);
      else if (precision === 's' && nanos !== 0) issue(`${what} is kept to the second by Istio; give whole seconds, such as ${seconds || 1}s`);
      else if (nanos % 1_000_000 !== 0)
        issue(`${what} is kept to the millisecond by Istio; give at most three decimals, such as ${seconds}.${fraction.slice(0, 3)}s`);
    });
}
