package dev.wipflow.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wipflow.fakes.FakeVariantShop;
import dev.wipflow.net.Http;
import dev.wipflow.run.RunContext;
import dev.wipflow.wip.ProductFields;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The image check with the real fetcher over HTTP, against pictures that load, are missing, are pages or hang. */
class ImageCheckTest {
    private final FakeVariantShop shop = new FakeVariantShop();
    private final ImageCheck check = new ImageCheck(new SafeFetcher(Http.of(new OkHttpClient.Builder()), true, FetchLimits.DEFAULT));

    @BeforeEach
    void start() {
        shop.start();
    }

    @AfterEach
    void stop() {
        shop.close();
    }

    private ProductFields withImages(String... names) {
        return ProductFields.of(Map.of("title", "Soap Dish",
                "images", java.util.Arrays.stream(names).map(n -> shop.url() + "/img/" + n).toList()), Map.of("images", "json-ld"));
    }

    @Test
    void a_picture_that_never_answers_is_dropped_within_the_per_image_limit() {
        RunContext ctx = new RunContext(Instant.now().plusSeconds(30), false, null);
        long began = System.nanoTime();
        ProductFields f = check.check(withImages("a.png", "hang.jpg", "b.png"), ctx);
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(ImageCheck.EACH.plusSeconds(2));
        assertThat(f.images()).containsExactly(shop.url() + "/img/a.png", shop.url() + "/img/b.png");
        assertThat(ctx.warnings()).singleElement().asString().contains("/img/hang.jpg").contains("did not answer");
    }

    @Test
    void when_the_budget_cannot_fit_another_check_the_rest_are_kept_unchecked_with_one_warning() {
        RunContext ctx = new RunContext(Instant.now().plus(ImageCheck.EACH).plusMillis(1500), false, null);
        ProductFields f = check.check(withImages("hang.jpg", "missing.jpg", "c.png"), ctx);
        assertThat(f.images()).containsExactly(shop.url() + "/img/missing.jpg", shop.url() + "/img/c.png");
        assertThat(ctx.warnings()).hasSize(2);
        assertThat(ctx.warnings().get(1)).isEqualTo("extract: 2 images were kept without checking (the request's time ran out)");
    }

    @Test
    void only_the_first_ten_are_checked_and_a_warning_is_not_repeated() {
        RunContext ctx = RunContext.unbounded();
        String[] names = new String[12];
        for (int i = 0; i < names.length; i++) names[i] = i == 11 ? "missing.jpg" : "p" + i + ".png";
        ProductFields f = check.check(withImages(names), ctx);
        assertThat(f.images()).hasSize(12);
        ctx.warn("extract: 2 images were kept without checking (only the first 10 are checked)");
        assertThat(ctx.warnings()).containsExactly("extract: 2 images were kept without checking (only the first 10 are checked)");
        assertThat(check.check(withImages("missing.jpg", "p1.png"), ctx).images()).containsExactly(shop.url() + "/img/p1.png");
        assertThat(ctx.warnings()).hasSize(2).last().asString().contains("404");
    }
}
