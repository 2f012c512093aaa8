package io.triage.gateway.messaging;

/**
 * Whether this replica's subscription of {@code ticket-events} has been continuous. Events published while it was
 * gone are lost to this replica for good (the subscription is non-durable), so the first observation of it being
 * back after a gap is when every client must resync.
 */
final class SubscriptionState {

    private boolean lost;

    /** Records one observation; true exactly when the subscription is back after having been seen lost. */
    synchronized boolean observe(boolean subscribed) {
        if (!subscribed) {
            lost = true;
            return false;
        }
        boolean recovered = lost;
        lost = false;
        return recovered;
    }
}
