/**
 * A strict grammar of the Mermaid flowchart subset that `explain` emits, for when the real parser is not installed:
 * every line must be one of these forms, labels are quoted with no `"`, `<`, `>` or backtick and nothing that reads
 * as an entity (`#quot;`, `&amp;`: Mermaid does not decode them in charts with subgraphs), ids are plain and not
 * keywords, subgraphs are balanced, every node is declared once before edges use it.
 */
const ID = '[A-Za-z][A-Za-z0-9_]*';
const LABEL = '"(?:[^"<>#&`\\n]|[#&](?!#?\\w+;))*"';
const FORMS: ReadonlyArray<readonly [string, RegExp]> = [
  ['header', /^flowchart (?:LR|TB|TD|RL|BT)$/],
  ['subgraph', new RegExp(`^subgraph (${ID})\\[${LABEL}\\]$`)],
  ['end', /^end$/],
  ['node', new RegExp(`^(${ID})(?:\\[${LABEL}\\]|\\(${LABEL}\\)|\\(\\[${LABEL}\\]\\))$`)],
  ['edge', new RegExp(`^(${ID}) -->(?:\\|${LABEL}\\|)? (${ID})$`)],
  ['classDef', /^classDef [A-Za-z]+ [a-z-]+: ?[^,\s]+(?: [^,\s]+)*(?:,[a-z-]+: ?[^,\s]+(?: [^,\s]+)*)*$/],
  ['class', new RegExp(`^class (${ID}(?:,${ID})*) [A-Za-z]+$`)],
];
const KEYWORDS = new Set(['end', 'subgraph', 'graph', 'flowchart', 'class', 'classDef', 'style', 'click', 'direction', 'linkStyle', 'default']);

export function mermaidProblems(text: string): string[] {
  const problems: string[] = [];
  const declared = new Set<string>();
  let depth = 0;
  const lines = text.replace(/\n$/, '').split('\n');
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const at = `line ${i + 1} ${JSON.stringify(raw)}`;
    const form = FORMS.find(([, re]) => re.test(line));
    if (!form || (i === 0) !== (form[0] === 'header')) return void problems.push(`${at}: not in the grammar`);
    const match = form[1].exec(line) ?? [];
    const ids = form[0] === 'class' ? (match[1] ?? '').split(',') : [match[1], match[2]].filter((x): x is string => x !== undefined);
    for (const id of ids) if (KEYWORDS.has(id)) problems.push(`${at}: the id ${id} is a keyword`);
    if (form[0] === 'subgraph' || form[0] === 'node') {
      if (declared.has(match[1] ?? '')) problems.push(`${at}: ${match[1] ?? ''} is declared twice`);
      declared.add(match[1] ?? '');
    }
    if (form[0] === 'edge' || form[0] === 'class') for (const id of ids) if (!declared.has(id)) problems.push(`${at}: ${id} is not declared`);
    if (form[0] === 'subgraph') depth++;
    if (form[0] === 'end' && --depth < 0) problems.push(`${at}: "end" without a subgraph`);
  });
  if (depth > 0) problems.push(`${depth} subgraph(s) not closed`);
  return problems;
}
