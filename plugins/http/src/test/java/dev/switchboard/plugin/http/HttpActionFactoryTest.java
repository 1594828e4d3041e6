package dev.switchboard.plugin.http;

import static dev.switchboard.plugin.http.Requests.command;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.action.ActionFactory.Configured;
import dev.switchboard.api.action.ActionFactory.Problem;
import dev.switchboard.api.command.CommandSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpActionFactoryTest {
    private static Configured configure(String template, Map<String, Object> settings) {
        CommandSpec command = command(template, settings);
        return new HttpActionFactory().configure(command.action(), command);
    }

    private static List<Problem> problems(Configured configured) {
        assertThat(configured).isInstanceOf(Configured.Rejected.class);
        return ((Configured.Rejected) configured).problems();
    }

    @Test
    void everyProblemIsListedWithItsSettingPath() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("method", "FETCH");
        settings.put("url", "https://api.example.com/deploy/{servce}");
        settings.put("headers", Map.of("Bad Header", "x", "Host", "evil", "Authorization", "Bearer {nope}"));
        settings.put("body", Map.of("service", "{service}", "items", List.of("ok", "{missing}")));
        settings.put("timeout", "soon");
        settings.put("successCodes", List.of(200, 700));
        settings.put("extract", Map.of("status", "data/status", "service", "/service", "ok", "/ok"));
        settings.put("reply", "{status} {unknown}");
        settings.put("colour", "red");

        Configured configured = configure("deploy {service}", settings);

        assertThat(problems(configured)).extracting(Problem::setting).containsExactlyInAnyOrder("colour", "method",
                "url", "headers.Bad Header", "headers.Host", "headers.Authorization", "body.items[1]", "timeout",
                "successCodes[1]", "extract.status", "extract.service", "reply");
    }

    @Test
    void theHostCannotComeFromAnArgument() {
        for (String url : List.of("https://{host}/x", "https://api.{env}.example.com/x", "{scheme}://h/x",
                "https://h:{port}/x")) {
            assertThat(problems(configure("go {host} {env} {scheme} {port}", Map.of("url", url))))
                    .singleElement().satisfies(p -> assertThat(p.message()).contains("fixed by the server"));
        }
    }

    @Test
    void credentialsInTheUrlAreRefusedWithoutRepeatingThem() {
        Problem problem = problems(configure("go", Map.of("url", "https://bot:hunter2@ci.example.com/x")))
                .getFirst();

        assertThat(problem.setting()).isEqualTo("url");
        assertThat(problem.message()).contains("Authorization").doesNotContain("hunter2");
    }

    @Test
    void aBrokenHeaderTemplateDoesNotEchoTheSecretInIt() {
        Problem problem = problems(configure("go", Map.of("url", "https://ci.example.com/x",
                "headers", Map.of("Authorization", "Bearer s3cr3t}")))).getFirst();

        assertThat(problem.setting()).isEqualTo("headers.Authorization");
        assertThat(problem.message()).doesNotContain("s3cr3t");
    }

    @Test
    void urlsThatAreNotAbsoluteHttpOrCarryAFragmentAreRefused() {
        for (String url : List.of("/relative/path", "ftp://files.example.com/x", "https://h/x#{frag}",
                "https://h/a/../b")) {
            assertThat(problems(configure("go {frag}", Map.of("url", url)))).extracting(Problem::setting)
                    .containsExactly("url");
        }
        assertThat(problems(configure("go", Map.of()))).extracting(Problem::setting).containsExactly("url");
    }

    @Test
    void theReplyMayUseArgumentsAndExtractedNames() {
        Configured configured = configure("status {job}", Map.of("url", "https://ci.example.com/job/{job}",
                "extract", Map.of("state", "/state"), "reply", "{job} is {state}", "timeout", "2m",
                "successCodes", List.of(200, 202), "method", "post", "body", List.of("{job}", 1, true)));

        assertThat(configured).isInstanceOf(Configured.Ready.class);
    }
}
