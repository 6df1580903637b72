/**
 * wipflow cleaner — an Apps Script web app that cleans one catalog row in place.
 *
 * wipflow POSTs {"spreadsheetId", "sheet", "row", "sku"} (JSON) to the deployment's /exec URL after writing the
 * row. The script finds the columns by their header names, cleans the cells, writes back only what changed and
 * answers {"ok": true, "changed": [...]} or {"ok": false, "error": "..."}. See README.md for deployment.
 *
 * Optional shared key: set the script property WIPFLOW_KEY and add ?key=<same value> to APPS_SCRIPT_URL.
 */

var TRACKING_PARAM = /^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|_ga|_gl|igshid|spm|srsltid|ref|ref_src|trk|cmpid)$/i;
var CURRENCY_SYMBOLS = { '€': 'EUR', '$': 'USD', '£': 'GBP', '¥': 'JPY', 'CHF': 'CHF', 'kr': 'SEK', 'zł': 'PLN' };
var UNITS = [
  [/(\d)\s*(millimet(?:er|re)s?|mm)\b/gi, '$1 mm'],
  [/(\d)\s*(centimet(?:er|re)s?|cm)\b/gi, '$1 cm'],
  [/(\d)\s*(met(?:er|re)s?)\b/gi, '$1 m'],
  [/(\d)\s*(kilograms?|kgs?)\b/gi, '$1 kg'],
  [/(\d)\s*(grams?|gr)\b/gi, '$1 g'],
  [/(\d)\s*(lit(?:er|re)s?|ltrs?|ltr)\b/gi, '$1 L'],
  [/(\d)\s*(millilit(?:er|re)s?|ml)\b/gi, '$1 ml'],
  [/(\d)\s*(inch(?:es)?)\b/gi, '$1 in']
];

function doPost(e) {
  try {
    checkKey_(e);
    var req = JSON.parse(e.postData && e.postData.contents || '{}');
    if (!req.spreadsheetId || !req.sheet || !(req.row >= 2) || !req.sku) {
      return answer_({ ok: false, error: 'expected JSON {spreadsheetId, sheet, row (>= 2), sku}' });
    }
    return answer_(cleanRow_(req.spreadsheetId, String(req.sheet), Number(req.row), String(req.sku)));
  } catch (err) {
    return answer_({ ok: false, error: String(err && err.message || err) });
  }
}

/** A GET of the /exec URL tells that the deployment works. */
function doGet() {
  return answer_({ ok: true, service: 'wipflow-cleaner' });
}

function cleanRow_(spreadsheetId, sheetName, rowNum, sku) {
  var sheet = SpreadsheetApp.openById(spreadsheetId).getSheetByName(sheetName);
  if (!sheet) return { ok: false, error: 'no tab named "' + sheetName + '"' };
  var width = sheet.getLastColumn();
  var headers = sheet.getRange(1, 1, 1, width).getDisplayValues()[0].map(function (h) { return String(h).trim(); });
  var range = sheet.getRange(rowNum, 1, 1, width);
  var values = range.getDisplayValues()[0];
  var col = function (name) {
    for (var i = 0; i < headers.length; i++) if (headers[i].toLowerCase() === name.toLowerCase()) return i;
    return -1;
  };
  var skuCol = col('SKU');
  if (skuCol < 0) return { ok: false, error: 'tab "' + sheetName + '" has no SKU column' };
  if (String(values[skuCol]).trim() !== sku.trim()) {
    return { ok: false, error: 'row ' + rowNum + ' holds SKU "' + values[skuCol] + '", not "' + sku + '"' };
  }
  var changed = [];
  var out = values.slice();
  for (var c = 0; c < headers.length; c++) {
    if (!headers[c]) continue;
    var cleaned = cleanCell_(headers[c], String(values[c]), values, col);
    if (cleaned !== values[c]) {
      out[c] = /^[=+]/.test(cleaned) ? "'" + cleaned : cleaned;
      changed.push(headers[c]);
    }
  }
  if (changed.length) {
    changed.forEach(function (name) { sheet.getRange(rowNum, col(name) + 1).setValue(out[col(name)]); });
  }
  return { ok: true, row: rowNum, changed: changed };
}

function cleanCell_(header, value, row, col) {
  switch (header.toLowerCase()) {
    case 'body html': return cleanHtml_(value);
    case 'images': return cleanImages_(value);
    case 'price':
    case 'compare at price': return cleanPrice_(value);
    case 'currency': return cleanCurrency_(value);
    case 'specs':
    case 'title': return normaliseUnits_(cleanText_(value));
    case 'features': return value.split(/\n/).map(cleanText_).filter(String).join('\n');
    default: return cleanText_(value);
  }
}

/** Trims, turns non-breaking and zero-width spaces into plain ones, collapses runs of whitespace. */
function cleanText_(value) {
  return value.replace(/[\u200B-\u200D\uFEFF]/g, '').replace(/\u00A0/g, ' ').replace(/[ \t\r\f\v]+/g, ' ')
      .replace(/ *\n */g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** "40x50 CM" → "40 × 50 cm", "10kg" → "10 kg", "5 Ltr" → "5 L". */
function normaliseUnits_(value) {
  var v = value.replace(/(\d)\s*[xX×*]\s*(?=\d)/g, '$1 × ');
  UNITS.forEach(function (u) { v = v.replace(u[0], u[1]); });
  return v.replace(/(\d)\s*"/g, '$1 in').replace(/ +([,;])/g, '$1');
}

/** Drops scripts, styles, event handlers and empty paragraphs; collapses whitespace. */
function cleanHtml_(value) {
  return value.replace(/<(script|style|iframe)[\s\S]*?<\/\1>/gi, '')
      .replace(/\s+on[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
      .replace(/\s+style\s*=\s*("[^"]*"|'[^']*')/gi, '')
      .replace(/<p>\s*(&nbsp;|\u00A0)?\s*<\/p>/gi, '')
      .replace(/\s+/g, ' ').replace(/>\s+</g, '><').trim();
}

/** Removes tracking parameters and duplicates; keeps the separator the row used. */
function cleanImages_(value) {
  var sep = value.indexOf('\n') >= 0 ? '\n' : (value.indexOf(' | ') >= 0 ? ' | ' : ', ');
  var seen = {};
  return value.split(/\s*\n\s*|\s*\|\s*|,\s*(?=https?:)|\s+(?=https?:)/).map(function (url) {
    url = url.trim();
    var q = url.indexOf('?');
    if (q < 0) return url;
    var hash = url.indexOf('#') >= 0 ? url.substring(url.indexOf('#')) : '';
    var query = url.substring(q + 1, url.length - hash.length).split('&').filter(function (p) {
      return p && !TRACKING_PARAM.test(decodeURIComponent(p.split('=')[0]));
    });
    return url.substring(0, q) + (query.length ? '?' + query.join('&') : '') + hash;
  }).filter(function (url) {
    if (!/^https?:\/\//i.test(url) || seen[url]) return false;
    seen[url] = true;
    return true;
  }).join(sep);
}

/** "1.299,00 €" → "1299.00"; "$ 45" → "45.00"; anything unreadable is left as it was. */
function cleanPrice_(value) {
  var v = value.replace(/[^\d.,-]/g, '');
  if (!v) return value.trim();
  var lastComma = v.lastIndexOf(','), lastDot = v.lastIndexOf('.');
  if (lastComma > lastDot) v = v.replace(/\./g, '').replace(',', '.');
  else v = v.replace(/,/g, '');
  var n = Number(v);
  return isFinite(n) ? n.toFixed(2) : value.trim();
}

function cleanCurrency_(value) {
  var v = value.trim();
  if (CURRENCY_SYMBOLS[v]) return CURRENCY_SYMBOLS[v];
  return /^[a-z]{3}$/i.test(v) ? v.toUpperCase() : v;
}

function checkKey_(e) {
  var expected = PropertiesService.getScriptProperties().getProperty('WIPFLOW_KEY');
  if (expected && (!e.parameter || e.parameter.key !== expected)) throw new Error('wrong or missing key');
}

function answer_(obj) {
  return ContentService.createTextOutput(JSON.stringify(obj)).setMimeType(ContentService.MimeType.JSON);
}
