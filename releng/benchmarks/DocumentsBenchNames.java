package org.syncline.documents.internal.server;

/** Deterministic, varied document names for the search benchmark: the seeder writes them, the driver queries parts of them. */
public final class DocumentsBenchNames {
    private static final String[] WORDS = {"report", "budget", "invoice", "minutes", "contract", "design", "review", "plan", "summary",
        "notes", "draft", "final", "roadmap", "offer", "spec", "manual", "audit", "forecast", "payroll", "policy", "memo", "slides",
        "schedule", "backlog", "release", "incident", "survey", "pricing", "agenda", "proposal", "quote", "order", "receipt", "claim",
        "travel", "hiring", "training", "security", "network", "storage", "customer", "supplier", "quarter", "annual", "weekly",
        "project", "archive", "legal", "tax", "photo"};
    private static final String[] EXT = {"pdf", "docx", "xlsx", "txt", "png", "pptx", "csv", "md"};
    private static final String[] MIME = {"application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/plain", "image/png",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation", "text/csv", "text/markdown"};
    private static final String[] AUTHORS = {"ann", "ben", "carla", "dev", "erik", "fatima", "gus", "hana"};

    private DocumentsBenchNames() {
    }

    /** e.g. {@code budget-review-2024-0012345.xlsx}: two words, a year and a 7-digit serial, so substrings range from common to unique. */
    public static String name(int i) {
        long h = mix(i);
        return WORDS[(int) (h % WORDS.length)] + "-" + WORDS[(int) ((h >>> 8) % WORDS.length)] + "-" + (2015 + (h >>> 16) % 12) + "-"
                + String.format("%07d", i) + "." + EXT[i % EXT.length];
    }

    public static String mime(int i) {
        return MIME[i % EXT.length];
    }

    public static String author(int i) {
        return AUTHORS[(int) ((mix(i) >>> 24) % AUTHORS.length)];
    }

    public static String tag(int i) {
        return "batch" + (i % 100);
    }

    private static long mix(long x) {
        x = (x ^ (x >>> 33)) * 0xff51afd7ed558ccdL;
        x = (x ^ (x >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return (x ^ (x >>> 33)) & Long.MAX_VALUE;
    }
}
