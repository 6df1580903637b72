package dev.wipflow.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceParserTest {
    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "$1,299.00|1299.00|USD|",
            "1.299,00 €|1299.00|EUR|",
            "1 299,00 zł|1299.00|PLN|",
            "1\u00a0299,00\u00a0zł|1299.00|PLN|",
            "1\u202f299,00\u2009€|1299.00|EUR|",
            "CHF 1'299.–|1299|CHF|",
            "CHF 1’299.50|1299.50|CHF|",
            "Fr. 89.90|89.90|CHF|",
            "£45|45|GBP|",
            "From $19.99|19.99|USD|",
            "19,99 EUR|19.99|EUR|",
            "$19.99 – $29.99|19.99|USD|",
            "19,99 € - 29,99 €|19.99|EUR|",
            "kr 1.299,-|1299|SEK|",
            "1 299 kr|1299|SEK|",
            "¥12,800|12800|JPY|",
            "￥12,800（税込）|12800|JPY|",
            "12,800円|12800|JPY|",
            "R$ 1.299,90|1299.90|BRL|",
            "US$ 49|49|USD|",
            "CA$ 1,049.99|1049.99|CAD|",
            "A$89.00|89.00|AUD|",
            "€ 49,-|49|EUR|",
            "€1.299|1299|EUR|",
            "-20% 79,99 €|79.99|EUR|",
            "Sale price $1,099.00 USD|1099.00|USD|",
            "1299|1299||",
            "Price: 0,50 €|0.50|EUR|",
            "2.499,95 Kč|2499.95|CZK|",
            "12 990 Ft|12990|HUF|",
            "€1,234,567.89|1234567.89|EUR|",
            "$1,299|1299|CAD|CA",
            "$1,299|1299|AUD|AU",
            "kr 499|499|NOK|NO",
            "499,00 kr.|499.00|DKK|DK",
            "49,90|49.90|EUR|DE",
    })
    void reads_prices_as_shops_write_them(String text, String amount, String currency, String country) {
        Money money = PriceParser.parse(text, new CurrencyHint(null, country)).orElseThrow();

        assertThat(money.amount()).isEqualByComparingTo(new BigDecimal(amount));
        assertThat(money.currency()).isEqualTo(currency);
    }

    @ParameterizedTest
    @CsvSource({"$,CAD", "kr,NOK"})
    void a_declared_page_currency_settles_an_ambiguous_symbol(String mark, String declared) {
        assertThat(PriceParser.parse(mark + " 10", new CurrencyHint(declared, "US")).orElseThrow().currency())
                .isEqualTo(declared);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1299.00|1299.00", "1299|1299", "1.299,00|1299.00", "0.5|0.5", "12.5|12.5"})
    void machine_amounts_use_a_dot_but_hand_written_ones_still_work(String value, String expected) {
        assertThat(PriceParser.amount(value).orElseThrow()).isEqualByComparingTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Sold out", "''", "Price on request", "%%%"})
    void text_without_an_amount_gives_nothing(String text) {
        assertThat(PriceParser.parse(text, CurrencyHint.NONE)).isEmpty();
    }
}
