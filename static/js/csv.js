// Reading "SKU,URL" lines (pasted or from a CSV file) and checking them before anything is sent.

// Header names a team's own sheet may use (the server reads the same ones).
const SKU_NAMES = ['sku', 'variant sku', 'product sku', 'item sku', 'article number'];
const URL_NAMES = ['url', 'product url', 'supplier url', 'link', 'product link', 'page'];
const MAX_SKU = 100;

/**
 * The separator of the first line that has one, as the server decides it: a tab (rows copied out of a
 * spreadsheet), else whichever of ';' (Excel in many European locales) and ',' the line holds more of.
 */
export function separatorOf(lines) {
  for (const line of lines) {
    if (line.includes('\t')) return '\t';
    const semicolons = line.split(';').length - 1;
    const commas = line.split(',').length - 1;
    if (semicolons + commas > 0) return semicolons > commas ? ';' : ',';
  }
  return ',';
}

/** Split one CSV line on `sep`, honouring double quotes. */
export function splitLine(line, sep = separatorOf([line])) {
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
  const sep = separatorOf(lines.slice(0, 20));
  let skuCol = 0;
  let urlCol = 1;
  const rows = [];
  const seen = new Map();
  lines.forEach((raw, i) => {
    if (!raw.trim()) return;
    const cells = splitLine(raw, sep);
    const lower = cells.map((c) => c.toLowerCase());
    const named = (names) => names.map((n) => lower.indexOf(n)).find((i) => i >= 0) ?? -1;
    if (rows.length === 0 && (named(SKU_NAMES) >= 0 || named(URL_NAMES) >= 0)) {
      if (named(SKU_NAMES) >= 0 && named(URL_NAMES) >= 0) {
        skuCol = named(SKU_NAMES);
        urlCol = named(URL_NAMES);
        return;
      }
      rows.push({ line: i + 1, sku: '', url: '', errors: ['the header needs both an sku and a url column'] });
      return;
    }
    const sku = cells[skuCol] || '';
    const url = cells[urlCol] || '';
    const errors = [];
    if (!sku) errors.push('missing SKU');
    else if (sku.length > MAX_SKU) errors.push(`SKU is longer than ${MAX_SKU} characters`);
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
