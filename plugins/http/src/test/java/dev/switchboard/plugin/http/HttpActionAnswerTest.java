package dev.switchboard.plugin.http;

import dev.switchboard.testkit.RecordingJobContext;
import static dev.switchboard.plugin.http.Actions.run;
import static dev.switchboard.plugin.http.Actions.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.switchboard.api.action.Action;
import dev.switchboard.api.action.ActionResult;
import dev.switchboard.api.command.ArgSpec;
import dev.switchboard.api.command.ArgType;
import dev.switchboard.api.command.CommandSpec;
import dev.switchboard.api.reply.Reply;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the user hears back: replies built from the answer, and user-safe failures. */
class HttpActionAnswerTest {
    private static final String STATUS_JSON = "{\"data\": {\"status\": \"green\", \"number\": 42, \"tags\": [\"a\"]}}";

    private final LocalServer server = new LocalServer();
    private final RecordingJobContext context = new RecordingJobContext();

    @AfterEach
    void stop() {
        server.close();
    }

    private Map<String, Object> get(String path, Object... more) {
        Map<String, Object> settings = new java.util.LinkedHashMap<>(Map.of("url", server.base() + path));
        for (int i = 0; i < more.length; i += 2) {
            settings.put((String) more[i], more[i + 1]);
        }
        return settings;
    }

    @Test
    void extractedValuesFillTheReplyTemplate() throws Exception {
        server.answer(200, "application/json", STATUS_JSON);

        ActionResult result = run("status {job}", get("/status/{job}", "reply", "build {number} of {job} is {status}",
                "extract", Map.of("status", "/data/status", "number", "/data/number")), Map.of("job", "web"), context);

        assertThat(result).isEqualTo(ActionResult.ok(Reply.text("build 42 of web is green")));
    }

    @Test
    void theDefaultReplyIsTheStatusCodeAndTheExtractedValues() throws Exception {
        server.answer(201, "application/json", STATUS_JSON);

        Map<String, Object> extract = new java.util.LinkedHashMap<>();
        extract.put("status", "/data/status");
        extract.put("tags", "/data/tags");

        ActionResult result = run("status", get("/status", "extract", extract), Map.of(), context);

        assertThat(text(result)).isEqualTo("HTTP 201\nstatus: green\ntags: [\"a\"]");
    }

    @Test
    void anUnexpectedStatusNamesMethodAndPathOnly() throws Exception {
        server.answer(503, "text/plain", "token=s3cr3t is wrong");

        ActionResult result = run("deploy {env}", get("/deploy/{env}?token=s3cr3t-q", "method", "POST",
                "headers", Map.of("Authorization", "Bearer s3cr3t-h")), Map.of("env", "prod"), context);

        assertThat(result).isEqualTo(ActionResult.failed("POST /deploy/prod answered 503"));
    }

    @Test
    void configuredSuccessCodesReplaceAny2xx() throws Exception {
        server.answer(404, "application/json", "{}");
        assertThat(run("gone", get("/gone", "successCodes", List.of(404)), Map.of(), context))
                .isEqualTo(ActionResult.ok(Reply.text("HTTP 404")));

        server.answer(200, "application/json", "{}");
        assertThat(run("gone", get("/gone", "successCodes", List.of(404)), Map.of(), context))
                .isEqualTo(ActionResult.failed("GET /gone answered 200"));
    }

    @Test
    void aMissingPointerIsNamed() throws Exception {
        server.answer(200, "application/json", STATUS_JSON);

        ActionResult result = run("status", get("/status", "extract", Map.of("state", "/data/state")), Map.of(),
                context);

        assertThat(result).isEqualTo(ActionResult.failed("response has no /data/state"));
    }

    @Test
    void aBodyThatIsNotJsonCannotBeExtractedFrom() throws Exception {
        server.answer(200, "text/html", "<html>login</html>");

        ActionResult result = run("status", get("/status", "extract", Map.of("s", "/data/status")), Map.of(), context);

        assertThat(result).isEqualTo(ActionResult.failed(
                "GET /status answered 200 but not with JSON (text/html), so nothing could be extracted"));
    }

    @Test
    void anOversizedAnswerIsNotReadIntoMemory() throws Exception {
        server.answer(200, "application/json", new byte[HttpAction.MAX_RESPONSE_BYTES + 10]);

        ActionResult result = run("status", get("/big", "extract", Map.of("s", "/s")), Map.of(), context);

        assertThat(result).isEqualTo(ActionResult.failed("GET /big answered with a body too large to read"));
    }

    @Test
    void aSlowServerGivesATimeoutMessage() {
        server.hang();
        long started = System.nanoTime();

        ActionResult result = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> run("slow", get("/slow", "timeout", "300ms"), Map.of(), context));

        assertThat(result).isEqualTo(ActionResult.failed("no answer from 127.0.0.1:" + server.port() + " within 300ms"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aServerThatIsDownIsReportedAsUnreachable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            port = socket.getLocalPort();
        }

        ActionResult result = run("ping", Map.of("url", "http://127.0.0.1:" + port + "/ping"), Map.of(), context);

        assertThat(result).isEqualTo(ActionResult.failed("cannot reach 127.0.0.1:" + port + ": connection refused"));
    }

    @Test
    void secretsInHeadersQueryAndSecretArgumentsNeverReachAnyResultText() throws Exception {
        CommandSpec command = new CommandSpec("secret.call", List.of("call {key}"),
                Map.of("key", new ArgSpec("key", new ArgType.Text(100), true, "")), "", List.of(), null, null, null,
                new dev.switchboard.api.command.ActionSpec("http", get("/users/{key}?token=s3cr3t-q",
                        "method", "DELETE", "timeout", "300ms", "headers", Map.of("Authorization", "Bearer s3cr3t-h"),
                        "extract", Map.of("x", "/missing"))), null);
        Action action = Actions.action(command);
        var request = Requests.request(command, Map.of("key", "s3cr3t-arg"));

        server.answer(500, "text/plain", "boom");
        String answered = text(action.run(request, context));
        server.answer(200, "application/json", "{}");
        String missing = text(action.run(request, context));
        server.hang();
        String timedOut = text(action.run(request, context));

        assertThat(answered).isEqualTo("DELETE /users/*** answered 500");
        assertThat(List.of(answered, missing, timedOut)).allSatisfy(t -> assertThat(t).doesNotContain("s3cr3t"));
    }

    @Test
    void cancelDuringASlowRequestReturnsPromptly() {
        server.hang();
        CompletableFuture<ActionResult> done = startInBackground(new AtomicReference<>());
        await().atMost(Duration.ofSeconds(5)).until(() -> !server.received().isEmpty());

        context.cancel();

        await().atMost(Duration.ofSeconds(2)).until(done::isDone);
        assertThat(done.join()).isEqualTo(ActionResult.failed("GET /slow was cancelled"));
    }

    @Test
    void anInterruptedJobThreadGivesUpPromptly() {
        server.hang();
        AtomicReference<Thread> thread = new AtomicReference<>();
        CompletableFuture<ActionResult> done = startInBackground(thread);
        await().atMost(Duration.ofSeconds(5)).until(() -> !server.received().isEmpty());

        thread.get().interrupt();

        await().atMost(Duration.ofSeconds(2)).until(done::isCompletedExceptionally);
        assertThat(done.exceptionNow()).isInstanceOf(InterruptedException.class);
    }

    private CompletableFuture<ActionResult> startInBackground(AtomicReference<Thread> thread) {
        CompletableFuture<ActionResult> done = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            thread.set(Thread.currentThread());
            try {
                done.complete(run("slow", get("/slow", "timeout", "30s"), Map.of(), context));
            } catch (InterruptedException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }
}
