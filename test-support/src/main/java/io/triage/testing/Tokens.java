package io.triage.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Signed access tokens shaped like Keycloak's for realm {@code triage}: issuer, {@code aud}, {@code azp},
 * {@code preferred_username} and realm roles under {@code realm_access.roles}. Also the bad ones an attacker or a
 * misconfigured client would send: expired, for another audience, or signed with a foreign key.
 */
public final class Tokens {

    public static final String AUDIENCE = "triage-api";
    public static final String KEY_ID = "test-signing-key";

    private static final KeyPair SIGNING = newKeyPair();
    private static final KeyPair FOREIGN = newKeyPair();
    private static volatile String issuer = "http://localhost/realms/triage";

    private Tokens() {}

    /** An agent working the given teams. */
    public static String agent(String username, String... teams) {
        return user(username, Set.of("agent"), List.of(teams));
    }

    public static String admin(String username) {
        return user(username, Set.of("admin", "agent"), List.of());
    }

    /** A service-account token, as Keycloak issues for client credentials of an internal system. */
    public static String integration(String clientId) {
        return sign(claims("service-account-" + clientId, clientId, Set.of("integration"), List.of()), SIGNING);
    }

    public static String user(String username, Set<String> roles, List<String> teams) {
        return sign(claims(username, "agent-dashboard", roles, teams), SIGNING);
    }

    public static String expired(String username) {
        JwtClaimsBuilder claims = claims(username, "agent-dashboard", Set.of("agent"), List.of())
                .issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600));
        return sign(claims, SIGNING);
    }

    public static String wrongAudience(String username) {
        return sign(
                claims(username, "agent-dashboard", Set.of("agent"), List.of()).audience("another-api"), SIGNING);
    }

    /** Same claims and key id as a valid token, but signed by a key the provider never published. */
    public static String foreignKey(String username) {
        return sign(claims(username, "agent-dashboard", Set.of("agent"), List.of()), FOREIGN);
    }

    static void useIssuer(String newIssuer) {
        issuer = newIssuer;
    }

    static String publicJwks() {
        RSAPublicKey key = (RSAPublicKey) SIGNING.getPublic();
        return """
                {"keys":[{"kty":"RSA","kid":"%s","use":"sig","alg":"RS256","n":"%s","e":"%s"}]}
                """.formatted(KEY_ID, base64Url(key.getModulus()), base64Url(key.getPublicExponent()));
    }

    private static JwtClaimsBuilder claims(String username, String azp, Set<String> roles, List<String> teams) {
        Instant now = Instant.now();
        JwtClaimsBuilder claims = Jwt.issuer(issuer)
                .subject(UUID.nameUUIDFromBytes(username.getBytes()).toString())
                .audience(AUDIENCE)
                .claim("azp", azp)
                .claim("typ", "Bearer")
                .claim("preferred_username", username)
                .claim("realm_access", Map.of("roles", List.copyOf(roles)))
                .issuedAt(now)
                .expiresAt(now.plusSeconds(900));
        if (!teams.isEmpty()) {
            claims.claim("teams", teams);
        }
        return claims;
    }

    private static String sign(JwtClaimsBuilder claims, KeyPair keys) {
        return claims.jws()
                .keyId(KEY_ID)
                .algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256)
                .sign(keys.getPrivate());
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
