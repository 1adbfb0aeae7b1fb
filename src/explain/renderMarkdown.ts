/** The default picture: per calling cluster a heading, its table and its Mermaid flowchart, as Markdown (a PR comment, a README). */
import type { Picture } from './picture';
import { renderMermaid } from './renderMermaid';
import { textTable } from './renderText';

/**
 * A fenced code block whose fence is longer than any run of backticks in the content, so that nothing in it (a name
 * from a pull request) can close it: the comment is posted on the pull request (CommonMark, "fenced code blocks").
 */
export function fenced(info: string, content: string): string {
  const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${content}${fence}\n`;
}

/** Text for a heading: Markdown's punctuation and HTML escaped, so that a name cannot link, embed or format. */
const inline = (text: string): string => text.replace(/[\\`*_[\]~]/g, '\\$&').replace(/[<>&]/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderMarkdown(picture: Picture): string {
  return picture.views
    .map((view) => {
      const one: Picture = { profile: picture.profile, views: [view] };
      const flowchart = view.services.length > 0 ? `\n${fenced('mermaid', renderMermaid(one))}` : '';
      return `## Traffic from ${inline(view.cluster)} (profile ${picture.profile})\n\n${fenced('text', textTable(view))}${flowchart}`;
    })
    .join('\n');
}
