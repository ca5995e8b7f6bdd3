/**
 * A small check that SVG text is well-formed XML: every tag closed in order, no raw
 * `<` or `&` left in text. Enough to catch a label that was not escaped.
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  for (let m = tag.exec(xml); m !== null; m = tag.exec(xml)) {
    checkText(xml.slice(last, m.index), problems);
    last = m.index + m[0].length;
    const [, closing, name = '', , selfClosing] = m;
    if (selfClosing === '/') continue;
    if (closing === '/') {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}>`);
    } else stack.push(name);
  }
  checkText(xml.slice(last), problems);
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(', ')}`);
  return problems;
}

function checkText(text: string, problems: string[]): void {
  if (text.includes('<')) problems.push(`raw < in text: ${JSON.stringify(text.slice(0, 40))}`);
  if (/&(?!(amp|lt|gt|quot|#39);)/.test(text)) problems.push(`raw & in text: ${JSON.stringify(text.slice(0, 40))}`);
}

export function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

/** The words of an SVG as a reader sees them: tags removed, one line per <text>. */
export function textOf(svg: string): string {
  return svg
    .replace(/<\/text>/g, '\n')
    .replace(/<\/tspan><tspan[^>]*>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
