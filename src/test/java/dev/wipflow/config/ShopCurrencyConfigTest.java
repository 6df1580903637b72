package dev.wipflow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ShopCurrencyConfigTest {
    @Test
    void shop_currency_is_a_three_letter_code_or_unset() {
        assertThat(Config.from(Map.of("SHOP_CURRENCY", "gbp"), false).shopCurrency()).isEqualTo("GBP");
        assertThat(Config.from(Map.of(), false).shopCurrency()).isNull();
        assertThatThrownBy(() -> Config.from(Map.of("SHOP_CURRENCY", "pounds"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SHOP_CURRENCY");
    }
}
