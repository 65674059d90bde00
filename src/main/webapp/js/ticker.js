// Ticker: each symbol's price and change, coloured up or down, and a sparkline. Rows appear for any symbol seen.
import { byId, el, number, parseJson, MISSING } from './dom.js';
import { polylinePoints, svgElement } from './svg.js';

export const DEFAULT_SYMBOLS = ['AAPL', 'GOOGL', 'MSFT'];
const HISTORY = 40;
const SPARK = { width: 96, height: 28 };

/** The symbols the ticker publishes: GET api/ticker/symbols when it answers a JSON array, else the defaults. */
export async function tickerSymbols() {
  try {
    const response = await fetch('api/ticker/symbols', { headers: { Accept: 'application/json' } });
    const body = response.ok ? await response.json() : null;
    const symbols = Array.isArray(body) ? body.filter(s => typeof s === 'string' && s) : [];
    return symbols.length ? symbols : DEFAULT_SYMBOLS;
  } catch {
    return DEFAULT_SYMBOLS;
  }
}

export function tickerPanel() {
  const rows = new Map();

  /** A quote; the symbol comes from the data, else from the event's name. */
  function show(data, event) {
    const quote = parseJson(data) ?? {};
    const symbol = typeof quote.symbol === 'string' && quote.symbol ? quote.symbol : event?.type;
    if (!symbol || symbol === 'message') {
      return;
    }
    update(row(symbol), number(quote.price), number(quote.change));
  }

  function row(symbol) {
    if (!rows.has(symbol)) {
      rows.set(symbol, createRow(symbol));
      const sorted = [...rows.keys()].sort();
      byId('ticker-rows').replaceChildren(...sorted.map(s => rows.get(s).tr));
    }
    return rows.get(symbol);
  }

  return { show };
}

function createRow(symbol) {
  const line = svgElement('polyline', { class: 'spark-line', points: '' });
  const spark = svgElement('svg', {
    class: 'spark', viewBox: `0 0 ${SPARK.width} ${SPARK.height}`, preserveAspectRatio: 'none',
    role: 'img', 'aria-label': `${symbol} recent prices`,
  });
  spark.append(line);
  const price = el('td', { class: 'num price' }, MISSING);
  const change = el('td', { class: 'num change' }, MISSING);
  const tr = el('tr', { 'data-symbol': symbol },
      el('th', { scope: 'row', class: 'symbol' }, symbol), price, change, el('td', { class: 'spark-cell' }, spark));
  return { tr, price, change, line, prices: [] };
}

function update(row, price, change) {
  row.price.textContent = price === null ? MISSING : price.toFixed(2);
  const direction = change === null || change === 0 ? 'flat' : change > 0 ? 'up' : 'down';
  row.tr.dataset.direction = direction;
  row.change.replaceChildren(...(change === null ? [MISSING] : describeChange(price, change, direction)));
  if (price !== null) {
    row.prices.push(price);
    row.prices.splice(0, Math.max(0, row.prices.length - HISTORY));
    const pairs = row.prices.map((p, i) => [i, p]);
    row.line.setAttribute('points', polylinePoints(pairs, SPARK.width, SPARK.height, { pad: 3 }));
  }
}

/** The change with its arrow, and below it the change in percent of the previous price when that is known. */
function describeChange(price, change, direction) {
  const arrow = direction === 'up' ? '▲' : direction === 'down' ? '▼' : '■';
  const sign = change > 0 ? '+' : '';
  const parts = [el('span', { class: 'change-abs' }, `${arrow} ${sign}${change.toFixed(2)}`)];
  const before = price === null ? 0 : price - change;
  if (before > 0) {
    parts.push(el('span', { class: 'change-pct' }, `${sign}${((change / before) * 100).toFixed(2)} %`));
  }
  return parts;
}
