/**
 * Building the page: elements and text only. Incident text goes in through textContent and
 * attributes set one by one, never through innerHTML, so it can never become markup.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; text?: string; attrs?: Record<string, string> } = {},
  ...children: Node[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className) element.className = props.className;
  if (props.text !== undefined) element.textContent = props.text;
  if (props.attrs) for (const [name, value] of Object.entries(props.attrs)) element.setAttribute(name, value);
  for (const child of children) element.appendChild(child);
  return element;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A kind's marker shape as a 12×12 inline SVG (coloured by CSS class, from theme variables). */
export function shapeSvg(kind: string, path: string): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 12 12');
  svg.setAttribute('width', '12');
  svg.setAttribute('height', '12');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', `shape kind-${kind}`);
  const p = document.createElementNS(SVG_NS, 'path');
  p.setAttribute('d', path);
  svg.appendChild(p);
  return svg;
}
