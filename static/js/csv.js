// Reading "SKU,URL" lines (pasted or from a CSV file) and checking them before anything is sent.

/** Split one CSV line, honouring double quotes; the separator is guessed per line (comma, tab, semicolon). */
export function splitLine(line) {
  const sep = line.includes('\t') ? '\t' : line.includes(',') ? ',' : line.includes(';') ? ';' : ',';
  const out = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"' && cur.trim() === '') {
      quoted = true;
      cur = '';
    } else if (ch === sep) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

function urlProblem(url) {
  if (!url) return 'missing URL';
  let u;
  try {
    u = new URL(url);
  } catch {
    return 'not a valid URL';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'URL must start with http:// or https://';
  if (!u.hostname) return 'URL has no host';
  return null;
}

/**
 * Rows for the preview: {line, sku, url, errors[]}. Blank lines and a "sku,url" header are skipped.
 * Columns are found from the header when there is one (so "url,sku" or extra columns work too).
 */
export function parseProducts(text) {
  const lines = String(text || '').replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let skuCol = 0;
  let urlCol = 1;
  const rows = [];
  const seen = new Map();
  lines.forEach((raw, i) => {
    if (!raw.trim()) return;
    const cells = splitLine(raw);
    const lower = cells.map((c) => c.toLowerCase());
    if (rows.length === 0 && lower.includes('sku') && lower.some((c) => c === 'url' || c === 'link')) {
      skuCol = lower.indexOf('sku');
      urlCol = lower.findIndex((c) => c === 'url' || c === 'link');
      return;
    }
    const sku = cells[skuCol] || '';
    const url = cells[urlCol] || '';
    const errors = [];
    if (!sku) errors.push('missing SKU');
    else if (sku.length > 128) errors.push('SKU is longer than 128 characters');
    const bad = urlProblem(url);
    if (bad) errors.push(bad);
    if (sku) {
      if (seen.has(sku)) errors.push(`duplicate of line ${seen.get(sku)}`);
      else seen.set(sku, i + 1);
    }
    rows.push({ line: i + 1, sku, url, errors });
  });
  return rows;
}
