// Hand-written SVG helpers for sparklines and the rolling chart: points for a <polyline>.

/**
 * Points of a polyline through (x, y) pairs scaled into a width x height box. The y range is
 * [min, max] when given, else the data's own range (a flat series sits in the middle); pad keeps the line off the
 * top and bottom edges, so a stroke is not cut in half.
 */
export function polylinePoints(pairs, width, height, { xMin, xMax, yMin, yMax, pad = 0 } = {}) {
  if (pairs.length === 0) {
    return '';
  }
  const xs = pairs.map(p => p[0]);
  const ys = pairs.map(p => p[1]);
  const x0 = xMin ?? Math.min(...xs);
  const x1 = xMax ?? Math.max(...xs);
  const y0 = yMin ?? Math.min(...ys);
  const y1 = yMax ?? Math.max(...ys);
  const scaleX = x => (x1 === x0 ? width : ((x - x0) / (x1 - x0)) * width);
  const inner = height - 2 * pad;
  const scaleY = y => (y1 === y0 ? height / 2 : pad + inner - ((y - y0) / (y1 - y0)) * inner);
  return pairs.map(([x, y]) => `${scaleX(x).toFixed(1)},${scaleY(y).toFixed(1)}`).join(' ');
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svgElement(tag, attributes = {}) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, String(value));
  }
  return node;
}
