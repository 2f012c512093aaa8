package io.triage.gateway.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubscriptionStateTest {

    @Test
    void aContinuousSubscriptionNeverAsksForAResync() {
        SubscriptionState state = new SubscriptionState();
        assertThat(state.observe(true)).isFalse();
        assertThat(state.observe(true)).isFalse();
    }

    @Test
    void theFirstObservationAfterAGapAsksForOneResync() {
        SubscriptionState state = new SubscriptionState();
        state.observe(true);
        assertThat(state.observe(false)).isFalse();
        assertThat(state.observe(false)).isFalse();
        assertThat(state.observe(true)).isTrue();
        assertThat(state.observe(true)).isFalse();
    }

    @Test
    void aSubscriptionThatStartsLateAsksForAResyncOnceItExists() {
        // clients may connect before the broker is reachable; they missed whatever was published meanwhile
        SubscriptionState state = new SubscriptionState();
        assertThat(state.observe(false)).isFalse();
        assertThat(state.observe(true)).isTrue();
    }
}
