// The variants a supplier page sells (finishes, sizes …), with the one that is this product marked.

import { h, safeUrl } from './dom.js';
import { money, availabilityText } from './format.js';

export function variantsSection(p) {
  const f = p.fields || {};
  const variants = f.variants || [];
  if (!variants.length) return null;
  const mine = variants.some((v) => v.matched);
  return [
    h('h3', {}, 'Variants on the page', f.group && f.group.title ? h('span', { class: 'muted' }, ` · ${f.group.title}`) : null),
    mine ? null : h('p', { class: 'review-box' }, `None of the page's ${variants.length} variants is ${p.sku}: check the URL or the SKU.`),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'variants', id: 'detail-variants' },
        h('thead', {}, h('tr', {}, ['', 'SKU', 'Options', 'Price', 'Availability', ''].map((t) => h('th', { scope: 'col' }, t)))),
        h(
          'tbody',
          {},
          variants.map((v) => {
            const img = safeUrl(v.image || '');
            return h(
              'tr',
              { class: v.matched ? 'matched' : null, dataset: { sku: v.sku || '', matched: v.matched ? 'true' : 'false' } },
              h('td', { class: 'thumb' }, img ? h('img', { src: img, alt: '', loading: 'lazy', referrerpolicy: 'no-referrer', width: '32', height: '32' }) : null),
              h('td', {}, v.sku || '–'),
              h('td', {}, Object.entries(v.options || {}).map(([k, x]) => `${k}: ${x}`).join(', ')),
              h('td', {}, money(v.price, f.currency)),
              h('td', {}, availabilityText(v.availability)),
              h('td', {}, v.matched ? h('strong', {}, 'this product') : ''),
            );
          }),
        ),
      ),
    ),
  ];
}
