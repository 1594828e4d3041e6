package dev.switchboard.server.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tokens are made random and URL-safe, kept as SHA-256 only, and matched by hash. */
class ApiTokensTest {
    @Test
    void aNewTokenIsPrefixedUrlSafeAndCarries32RandomBytes() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String token = ApiTokens.generate(random);
            assertThat(token).startsWith("sbt_").hasSize(4 + 43).matches("sbt_[A-Za-z0-9_-]+");
            seen.add(token);
        }
        assertThat(seen).hasSize(200);
    }

    @Test
    void theHashIsTheHexSha256OfTheToken() {
        assertThat(ApiTokens.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void aTokenMatchesOnlyTheEntryWithItsHash() {
        String token = ApiTokens.generate(new SecureRandom());
        ApiTokens tokens = new ApiTokens(List.of(new ApiToken("a", "alice", ApiTokens.hash("other")),
                new ApiToken("b", "bob", ApiTokens.hash(token).toUpperCase())));

        assertThat(tokens.match(token)).get().extracting(ApiToken::name).isEqualTo("b");
        assertThat(tokens.match(token + "x")).isEmpty();
        assertThat(tokens.match("")).isEmpty();
        assertThat(tokens.match(null)).isEmpty();
    }

    @Test
    void aHashThatIsNot64HexDigitsOrATwiceUsedNameIsRefused() {
        assertThatThrownBy(() -> new ApiToken("a", "alice", "abc")).hasMessageContaining("64 hex digits");
        String hash = ApiTokens.hash("x");
        assertThatThrownBy(() -> new ApiTokens(List.of(new ApiToken("a", "alice", hash),
                new ApiToken("a", "bob", hash)))).hasMessageContaining("two API tokens are named a");
    }
}
