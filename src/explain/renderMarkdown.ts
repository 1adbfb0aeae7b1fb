/** The default picture: per calling cluster a heading, its table and its Mermaid flowchart, as Markdown (a PR comment, a README). */
import type { Picture } from './picture';
import { renderMermaid } from './renderMermaid';
import { textTable } from './renderText';

export function renderMarkdown(picture: Picture): string {
  return picture.views
    .map((view) => {
      const one: Picture = { profile: picture.profile, views: [view] };
      const flowchart = view.services.length > 0 ? `\n\`\`\`mermaid\n${renderMermaid(one)}\`\`\`\n` : '';
      return `## Traffic from ${view.cluster} (profile ${picture.profile})\n\n\`\`\`text\n${textTable(view)}\`\`\`\n${flowchart}`;
    })
    .join('\n');
}
