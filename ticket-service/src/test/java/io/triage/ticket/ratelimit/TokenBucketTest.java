package io.triage.ticket.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The bucket on a clock the test controls, so its arithmetic is checked exactly, without waiting. */
class TokenBucketTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void allowsTheBurstThenSaysHowLongUntilTheNextToken() {
        TokenBucket bucket = new TokenBucket(3, 2.0, 0);

        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isEqualTo(SECOND / 2);
        assertThat(bucket.take(SECOND / 4)).isEqualTo(SECOND / 4);
        assertThat(bucket.take(SECOND / 2)).isZero();
        assertThat(bucket.take(SECOND / 2)).isEqualTo(SECOND / 2);
    }

    @Test
    void refillsAtTheRateButNeverBeyondTheBurst() {
        TokenBucket bucket = new TokenBucket(2, 10.0, 0);
        bucket.take(0);
        bucket.take(0);
        assertThat(bucket.full(0)).isFalse();

        assertThat(bucket.full(SECOND)).isTrue();
        assertThat(bucket.take(SECOND)).isZero();
        assertThat(bucket.take(SECOND)).isZero();
        assertThat(bucket.take(SECOND)).isPositive();
    }

    @Test
    void refusedAttemptsDoNotUseTokens() {
        TokenBucket bucket = new TokenBucket(1, 1.0, 0);
        bucket.take(0);
        for (int i = 0; i < 10; i++) {
            assertThat(bucket.take(SECOND / 2)).isPositive();
        }
        assertThat(bucket.take(SECOND)).isZero();
    }
}
