const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text and attribute values inside SVG are XML: the five special characters are escaped. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * Coordinates are written with at most one decimal: enough for a screen, and it keeps the
 * output byte-identical across runs and platforms (no 0.30000000000000004).
 */
export function num(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** An element with attributes in the order given; undefined attributes are left out. */
export function el(name: string, attrs: Readonly<Record<string, string | number | undefined>>, children = ''): string {
  const list = Object.entries(attrs)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? num(v) : escapeXml(v)}"`)
    .join('');
  return children === '' ? `<${name}${list}/>` : `<${name}${list}>${children}</${name}>`;
}

/** The outer <svg>: sized by its viewBox so it scales to its container. */
export function svgDocument(width: number, height: number, title: string, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${num(width)} ${num(height)}" width="${num(width)}" height="${num(height)}" ` +
    `role="img" aria-label="${escapeXml(title)}" font-family="system-ui, 'DejaVu Sans', sans-serif">` +
    `<title>${escapeXml(title)}</title>${body}</svg>`
  );
}
