// Small formatting helpers shared by the panels.

export function duration(ms) {
  if (ms == null || !isFinite(ms)) return '–';
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}

export function when(iso) {
  if (!iso) return '–';
  const d = new Date(iso);
  if (isNaN(d)) return String(iso);
  const today = new Date().toDateString() === d.toDateString();
  return today ? d.toLocaleTimeString() : d.toLocaleString();
}

export function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A field value as readable text: arrays joined, objects as "key: value" pairs. */
export function valueText(value) {
  if (value == null) return '';
  if (Array.isArray(value)) return value.map(valueText).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value).map(([k, v]) => `${k}: ${valueText(v)}`).join('; ');
  }
  return String(value);
}

export const STEPS = ['sheet_row', 'extract', 'describe', 'clean', 'finalize'];
export const STATUSES = ['pending', 'processing', 'review', 'ready', 'failed', 'cancelled'];

/** A status in the words a catalog team uses. */
export const STATUS_LABELS = { review: 'needs review' };
export const statusLabel = (status) => STATUS_LABELS[status] || status;

/** A price with its currency ("129.00 EUR"), or '' when there is none. */
export function money(amount, currency) {
  if (amount == null || amount === '') return '';
  const n = Number(amount);
  const text = Number.isFinite(n) ? n.toFixed(2) : String(amount);
  return currency ? `${text} ${currency}` : text;
}

/** schema.org availability ("https://schema.org/InStock", "in_stock") as words ("in stock"). */
export function availabilityText(value) {
  if (value == null || value === '') return '';
  const name = String(value).replace(/^https?:\/\/schema\.org\//i, '');
  return name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
}

/** Why a product in review waits for a person, from its `missing` list ("variant": its SKU matched no variant). */
export function reviewReason(p) {
  const missing = p.missing || [];
  const fields = missing.filter((m) => m !== 'variant');
  const parts = [];
  if (fields.length) parts.push(`missing ${fields.join(', ')}`);
  if (missing.includes('variant')) parts.push("the SKU matched none of the page's variants");
  return parts.join('; ');
}
