package dev.wipflow.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wipflow.fakes.FakeLlm;
import dev.wipflow.net.Http;
import dev.wipflow.run.RetryLater;
import dev.wipflow.run.RunContext;
import dev.wipflow.run.StepFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatClientTest {
    static final String KEY = "sk-test-secret-123";
    final FakeLlm llm = new FakeLlm();
    final Http http = Http.of(new OkHttpClient.Builder());
    ChatClient chat;

    @BeforeEach
    void start() {
        llm.start();
        chat = client(llm.baseUrl());
    }

    @AfterEach
    void stop() {
        llm.close();
    }

    ChatClient client(String baseUrl) {
        return new ChatClient(http, baseUrl, KEY, "test-model", Duration.ofSeconds(10), Duration.ofMillis(10));
    }

    @Test
    void asks_for_schema_shaped_json_and_counts_tokens() {
        llm.reply("{\"answer\":\"yes\"}");
        RunContext ctx = RunContext.unbounded();

        JsonNode answer = chat.completeJson("system", "user", "thing", Schemas.object(Map.of("answer", Schemas.string())), ctx);

        assertThat(answer.path("answer").asText()).isEqualTo("yes");
        assertThat(ctx.llmTokens()).isEqualTo(FakeLlm.TOKENS_PER_ANSWER);
        JsonNode request = llm.requests().get(0);
        assertThat(request.path("model").asText()).isEqualTo("test-model");
        assertThat(request.path("response_format").path("type").asText()).isEqualTo("json_schema");
        assertThat(request.path("response_format").path("json_schema").path("name").asText()).isEqualTo("thing");
        assertThat(request.path("messages").path(1).path("content").asText()).isEqualTo("user");
        assertThat(llm.authorizations()).containsExactly("Bearer " + KEY);
    }

    @Test
    void base_url_works_with_or_without_v1() {
        assertThat(ChatClient.endpoint("https://api.openai.com/v1/").toString())
                .isEqualTo("https://api.openai.com/v1/chat/completions");
        assertThat(ChatClient.endpoint("http://localhost:11434").toString())
                .isEqualTo("http://localhost:11434/v1/chat/completions");
        assertThat(ChatClient.endpoint("https://openrouter.ai/api/v1").toString())
                .isEqualTo("https://openrouter.ai/api/v1/chat/completions");
        llm.reply("{}");
        client(llm.baseUrl() + "/v1").completeJson("s", "u", "x", Schemas.object(Map.of()), RunContext.unbounded());
        assertThat(llm.requests()).hasSize(1);
    }

    @Test
    void provider_paths_are_kept_and_a_bare_host_gets_v1() {
        assertThat(ChatClient.endpoint("https://generativelanguage.googleapis.com/v1beta/openai/").toString())
                .isEqualTo("https://generativelanguage.googleapis.com/v1beta/openai/chat/completions");
        assertThat(ChatClient.endpoint("https://api.groq.com/openai/v1").toString())
                .isEqualTo("https://api.groq.com/openai/v1/chat/completions");
        assertThat(ChatClient.endpoint("https://api.openai.com/v1/chat/completions").toString())
                .isEqualTo("https://api.openai.com/v1/chat/completions");
        assertThat(ChatClient.endpoint("https://api.openai.com/").toString())
                .isEqualTo("https://api.openai.com/v1/chat/completions");
        assertThat(ChatClient.endpoint("https://openrouter.ai/api").toString())
                .isEqualTo("https://openrouter.ai/api/v1/chat/completions");
        assertThat(ChatClient.endpoint("https://my-resource.openai.azure.com/openai").toString())
                .isEqualTo("https://my-resource.openai.azure.com/openai/v1/chat/completions");
    }

    @Test
    void a_model_without_structured_outputs_is_asked_more_simply_from_then_on() {
        llm.rejectFormats("json_schema", "json_object");
        llm.reply("Here you are:\n```json\n{\"answer\": \"yes\"}\n```").reply("{\"answer\": \"again\"}");
        JsonNode schema = Schemas.object(Map.of("answer", Schemas.string()));

        assertThat(chat.completeJson("system", "user", "thing", schema, RunContext.unbounded()).path("answer").asText())
                .isEqualTo("yes");
        assertThat(chat.completeJson("system", "user", "thing", schema, RunContext.unbounded()).path("answer").asText())
                .isEqualTo("again");

        assertThat(llm.requests()).extracting(r -> r.path("response_format").path("type").asText("none"))
                .containsExactly("json_schema", "json_object", "none", "none");
        assertThat(llm.requests().get(2).path("messages").path(0).path("content").asText())
                .as("without a schema to hold it, the model is shown the schema").contains("JSON schema", "\"answer\"");
    }

    @Test
    void json_in_a_code_fence_or_with_prose_around_it_is_read() throws Exception {
        assertThat(chat.parse("```json\n{\"a\":1}\n```").path("a").asInt()).isEqualTo(1);
        assertThat(chat.parse("Sure! {\"a\":2} Hope this helps.").path("a").asInt()).isEqualTo(2);
        assertThatThrownBy(() -> chat.parse("[1,2]")).isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
    }

    @Test
    void invalid_json_is_asked_again_once() {
        llm.reply("Sure! Here is the JSON you asked for:").reply("{\"ok\":true}");
        JsonNode answer = chat.completeJson("s", "u", "x", Schemas.object(Map.of()), RunContext.unbounded());
        assertThat(answer.path("ok").asBoolean()).isTrue();
    }

    @Test
    void invalid_json_twice_is_a_clear_failure() {
        llm.reply("garbage").reply("more garbage");
        assertThatThrownBy(() -> chat.completeJson("s", "u", "x", Schemas.object(Map.of()), RunContext.unbounded()))
                .isInstanceOf(StepFailure.class).hasMessageContaining("answered invalid JSON twice: more garbage");
    }

    @Test
    void a_refusal_is_a_failure_with_the_reason() {
        llm.refuse("I can't help with that.");
        assertThatThrownBy(() -> chat.completeJson("s", "u", "x", Schemas.object(Map.of()), RunContext.unbounded()))
                .isInstanceOf(StepFailure.class).hasMessage("the LLM (test-model) refused: I can't help with that.");
    }

    @Test
    void rate_limits_are_retried_honouring_retry_after() {
        llm.status(429, "0").status(503, null).reply("{\"ok\":1}");
        JsonNode answer = chat.completeJson("s", "u", "x", Schemas.object(Map.of()), RunContext.unbounded());
        assertThat(answer.path("ok").asInt()).isEqualTo(1);
        assertThat(llm.requests()).hasSize(3);
    }

    @Test
    void rate_limited_past_the_retries_is_a_clear_failure() {
        llm.status(429, "0").status(429, "0").status(429, "0");
        assertThatThrownBy(() -> chat.completeJson("s", "u", "x", Schemas.object(Map.of()), RunContext.unbounded()))
                .isInstanceOf(StepFailure.class).hasMessageContaining("failed 3 times, last: 429 Rate limit reached");
    }

    @Test
    void a_retry_after_past_the_budget_is_retry_later() {
        llm.status(429, "60");
        RunContext ctx = new RunContext(Instant.now().plusSeconds(5), false, null);
        assertThatThrownBy(() -> chat.completeJson("s", "u", "x", Schemas.object(Map.of()), ctx))
                .isInstanceOf(RetryLater.class);
    }

    @Test
    void a_rejected_key_is_not_shown() {
        llm.status(401, null);
        assertThatThrownBy(() -> chat.completeJson("s", "u", "x", Schemas.object(Map.of()), RunContext.unbounded()))
                .isInstanceOf(StepFailure.class).hasMessageContaining("refused the request: 401")
                .hasMessageNotContaining(KEY);
    }
}
