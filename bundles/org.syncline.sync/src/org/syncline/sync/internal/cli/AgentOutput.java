package org.syncline.sync.internal.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.syncline.core.json.Json;
import org.syncline.sync.internal.engine.SyncEngine;

/**
 * What the agent prints: one line per event, as text for people ({@code HH:MM:SS text}) or, with
 * {@code --json}, one JSON object a line for programs: {@code event} is {@code log} (an action or warning,
 * in {@code text}), {@code watching}, {@code state} (a pair's state changed; offline with {@code since},
 * {@code reason} and {@code retryAt} when known), {@code ready} or {@code synced}
 * (a pair's counters, after its first and later syncs that moved something).
 */
final class AgentOutput {
    private final PrintStream out;
    private final boolean json;

    AgentOutput(PrintStream out, boolean json) {
        this.out = out;
        this.json = json;
    }

    /** A line not about one pair. */
    void say(String text) {
        emit(text, event("log", null, "text", text));
    }

    /** An action or warning of one pair. */
    void say(SyncEngine pair, String text) {
        emit(text, event("log", pair, "text", text));
    }

    void watching(SyncEngine pair) {
        emit("watching " + pair.localDir() + " = " + pair.folder(), event("watching", pair));
    }

    /** The pair's state changed (json only: people see the actions and the counters). */
    void state(SyncEngine pair, SyncEngine.State state) {
        if (json) {
            org.syncline.core.Outage o = state == SyncEngine.State.OFFLINE ? pair.outage() : null;
            emit(null, event("state", pair, "state", name(state), "error", pair.lastError(), "since", o == null ? null : o.since().toString(),
                    "reason", o == null ? null : o.reason(), "retryAt", o == null || o.retryAt() == null ? null : o.retryAt().toString()));
        }
    }

    void counters(SyncEngine pair, boolean first) {
        emit((first ? "ready " : "synced ") + pair.localDir() + " = " + pair.folder() + ": " + pair.stats(),
                event(first ? "ready" : "synced", pair, "counters", pair.stats().counters()));
    }

    static String name(SyncEngine.State state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Map<String, Object> event(String kind, SyncEngine pair, Object... more) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("time", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        o.put("event", kind);
        if (pair != null) {
            o.put("folder", pair.folder());
            o.put("dir", pair.localDir().toString());
        }
        for (int i = 0; i < more.length; i += 2) {
            if (more[i + 1] != null) {
                o.put((String) more[i], more[i + 1]);
            }
        }
        return o;
    }

    private synchronized void emit(String text, Map<String, Object> object) {
        if (json) {
            out.println(Json.write(object));
        } else if (text != null) {
            out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + text);
        }
        out.flush();
    }
}
