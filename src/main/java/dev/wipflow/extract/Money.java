package dev.wipflow.extract;

import java.math.BigDecimal;

/** An amount and its ISO 4217 currency; the currency is {@code null} when neither the text nor the page said. */
public record Money(BigDecimal amount, String currency) {
}
