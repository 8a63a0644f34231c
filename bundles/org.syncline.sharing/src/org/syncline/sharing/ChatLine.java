package org.syncline.sharing;

import java.time.Instant;

/** One chat line of a room, stamped by the relay. */
public record ChatLine(String room, String sender, Instant at, String text) {
}
