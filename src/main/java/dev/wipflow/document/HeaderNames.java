package dev.wipflow.document;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What suppliers call each of wipflow's columns, in the languages they write in, compared after
 * {@link #normalize} (lower case, accents and punctuation gone). A cost column is never a price: wholesale,
 * unit cost, EK and a purchase order's plain "price" are {@code cost}; only a retail column is {@code price}.
 */
public final class HeaderNames {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern OTHER = Pattern.compile("[^\\p{L}\\p{N}#]+");

    /** Field → the names it goes by. {@code option:X} fields are the option named X. */
    static final Map<String, List<String>> NAMES = names(
            "sku", List.of("sku", "item", "item #", "item no", "item number", "item code", "item id", "article", "article no",
                    "article number", "art nr", "art no", "artikel", "artikelnummer", "artikel nr", "artikelnr", "art",
                    "ref", "reference", "ref fournisseur", "reference fournisseur", "code", "product code", "product id",
                    "code article", "codigo", "codigo articulo", "cod", "codice", "codice articolo", "referencia",
                    "part number", "part no", "variant sku", "product sku", "supplier sku", "bestellnummer", "best nr",
                    "varenummer", "varenr", "artikelcode", "kod", "numer katalogowy", "style color", "sku number"),
            "style", List.of("style", "style no", "style number", "style #", "style code", "model", "modell", "modelo",
                    "modele", "model no", "model number", "parent sku", "parent", "stil", "stil nr", "modellnummer",
                    "collection code"),
            "url", List.of("url", "link", "product url", "product link", "supplier url", "page", "product page",
                    "website", "web", "lien", "enlace", "produktlink", "produkt url", "webseite", "link prodotto", "pagina"),
            "title", List.of("title", "name", "product", "product name", "item name", "item description", "product title",
                    "article name", "bezeichnung", "artikelbezeichnung", "produktname", "produktbezeichnung", "artikelname",
                    "designation", "libelle", "nom", "nom du produit", "nombre", "nombre del producto", "nome", "nome prodotto",
                    "style name", "titel", "benaming", "omschrijving"),
            "brand", List.of("brand", "vendor", "marke", "hersteller", "marque", "marca", "manufacturer", "fabricant",
                    "fabricante", "produttore", "merk"),
            "cost", List.of("cost", "unit cost", "cost price", "cost per item", "unit price", "price", "net price",
                    "wholesale", "wholesale price", "whs", "whs price", "ws price", "wsp", "dealer price", "trade price",
                    "purchase price", "buying price", "ek", "ek preis", "ek netto", "netto ek", "einkaufspreis", "einzelpreis",
                    "preis", "stuckpreis", "prix", "prix d achat", "prix achat", "prix unitaire", "prix net", "prix de gros",
                    "precio", "precio coste", "precio de coste", "coste", "costo", "precio unitario", "precio mayorista",
                    "prezzo", "prezzo acquisto", "prezzo unitario", "prezzo all ingrosso", "inkoopprijs", "stuksprijs"),
            "price", List.of("rrp", "srp", "msrp", "retail", "retail price", "recommended retail price", "rrp incl vat",
                    "sales price", "selling price", "uvp", "vk", "vk preis", "verkaufspreis", "empfohlener verkaufspreis",
                    "pvp", "ppc", "prix public", "prix de vente", "prix de vente conseille", "precio venta", "precio de venta",
                    "precio recomendado", "prezzo al pubblico", "prezzo di vendita", "adviesprijs", "verkoopprijs", "shop price"),
            "currency", List.of("currency", "cur", "ccy", "wahrung", "devise", "monnaie", "moneda", "valuta"),
            "quantity", List.of("qty", "quantity", "menge", "anzahl", "stuck", "stk", "quantite", "qte", "cantidad", "cant",
                    "quantita", "qta", "units", "pcs", "pieces", "ordered", "order qty", "qty ordered", "stock", "bestand",
                    "lager", "aantal", "antal", "ilosc"),
            "gtin", List.of("ean", "ean13", "ean 13", "ean code", "ean nummer", "gtin", "gtin13", "gtin 13", "barcode",
                    "upc", "ean upc", "upc ean", "gencod", "code barre", "code barres", "codigo de barras", "codice a barre",
                    "strichcode", "barcode ean"),
            "mpn", List.of("mpn", "manufacturer part number", "mfr part", "mfr part no", "manufacturer sku",
                    "hersteller artikelnummer", "herstellernummer", "reference fabricant", "oem"),
            "description", List.of("description", "long description", "product description", "beschreibung",
                    "produktbeschreibung", "descrizione", "descripcion", "details", "beschrijving", "text"),
            "image", List.of("image", "images", "image url", "image link", "picture", "pictures", "photo", "photos", "bild",
                    "bilder", "bild url", "foto", "fotos", "imagen", "immagine", "img", "main image", "afbeelding"),
            "category", List.of("category", "categorie", "kategorie", "categoria", "product type", "warengruppe", "famille"),
            "status", List.of("status"),
            "option:Color", List.of("colour", "color", "farbe", "couleur", "colore", "kleur", "colour name", "color name",
                    "farbton"),
            "option:Size", List.of("size", "grosse", "groesse", "taille", "talla", "taglia", "maat", "storlek"),
            "option:Finish", List.of("finish", "oberflache", "finition", "acabado", "finitura"),
            "option:Material", List.of("material", "materiau", "materiale", "werkstoff"));

    /** The team's own sheet: its Price column is the shop price (wipflow wrote it). */
    static final Map<String, List<String>> SHEET_NAMES = sheetNames();

    private HeaderNames() {
    }

    /** Lower case, accents and ß folded, every run of other characters one space ({@code Art.-Nr.} → {@code art nr}). */
    public static String normalize(String header) {
        String s = MARKS.matcher(Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFD)).replaceAll("");
        s = s.toLowerCase(Locale.ROOT).replace("ß", "ss").replace("#", " # ");
        return OTHER.matcher(s).replaceAll(" ").strip();
    }

    /**
     * How well a header names {@code field}: 1 for one of its names exactly, 0.75 when it holds one as whole words
     * ({@code Unit cost (EUR)}), less the more other words it has, 0 for none.
     */
    static double score(String normalizedHeader, List<String> names) {
        if (normalizedHeader.isEmpty()) return 0;
        double best = 0;
        String padded = " " + normalizedHeader + " ";
        for (String name : names) {
            if (normalizedHeader.equals(name)) return 1;
            if (name.length() >= 2 && padded.contains(" " + name + " ")) {
                double share = (double) name.length() / normalizedHeader.length();
                best = Math.max(best, 0.55 + 0.25 * share);
            }
        }
        return best;
    }

    private static Map<String, List<String>> names(Object... pairs) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> list = ((List<String>) pairs[i + 1]).stream().map(HeaderNames::normalize).toList();
            m.put((String) pairs[i], list);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private static Map<String, List<String>> sheetNames() {
        Map<String, List<String>> m = new LinkedHashMap<>(NAMES);
        m.put("price", List.of("price", "compare at price"));
        m.put("cost", List.of("cost", "cost per item"));
        return java.util.Collections.unmodifiableMap(m);
    }
}
