/**
 * Text from a pull request (file names, resource names, route values) shown to a person: in a terminal, a CI log or a
 * pull-request comment. A control character would let it move the cursor, recolour or retitle the terminal, or (a line
 * break) forge lines of its own; a bidirectional override would show it in another order than it is. Each is written
 * as its escape (`\u001b`) instead.
 */

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1F\x7F-\x9F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_LINES = /[\x00-\x08\x0B-\x1F\x7F-\x9F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

const escape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** One line of text: every control character escaped, line breaks and tabs too. */
export const printable = (text: string): string => text.replace(CONTROL, escape);

/** Lines of text (a diff): control characters escaped but tabs and line breaks (LF, or CR LF). */
export const printableLines = (text: string): string => text.replace(/\r(?!\n)/g, escape).replace(CONTROL_BUT_LINES, (c) => (c === '\r' ? c : escape(c)));
