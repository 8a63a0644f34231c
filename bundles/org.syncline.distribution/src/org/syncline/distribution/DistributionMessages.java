package org.syncline.distribution;

/**
 * The message catalogue of distribution. Every name is {@code distribution.<verb>}. Any logged-in user may
 * read the topology; saving it needs the admin role or the distribution-manage right ({@link #MANAGE_GRANT}). The topology travels as XMI bytes streamed after the body.
 */
public final class DistributionMessages {
    public static final String CAPABILITY = "distribution";
    /** Body: empty. Answer: the current {@link TopologyVersion} (version 0 before the first save). */
    public static final String TOPOLOGY_INFO = "distribution.topology.info";
    /** Download. Body: empty. The XMI of the current topology, then its {@link TopologyVersion}. */
    public static final String TOPOLOGY_GET = "distribution.topology.get";
    /**
     * Upload of a whole topology as XMI. Body: baseVersion, the version the change was made on. Refused when
     * the model has errors, or when another save came after baseVersion. Answer: a {@link TopologySaved}.
     */
    public static final String TOPOLOGY_SAVE = "distribution.topology.save";
    /** Any user may subscribe; every accepted save pushes {@link #TOPOLOGY_CHANGED}. */
    public static final String TOPOLOGY_TOPIC = "distribution.topology";
    /** Body: the new {@link TopologyVersion} (version, savedBy, savedAt, summary). */
    public static final String TOPOLOGY_CHANGED = "distribution.topology.changed";

    /** Agents only (Access.MEMBER). Body: name, host, port, roles (comma-separated), intervalSeconds. Answer: name (in the topology). */
    public static final String AGENT_HELLO = "distribution.agent.hello";
    /** Agents only, after hello. Body: an {@link AgentSample}. Answer: empty. */
    public static final String AGENT_SAMPLE = "distribution.agent.sample";
    /** Any user. Body: empty. Answer: agents, a list of {@link AgentInfo}. */
    public static final String AGENTS = "distribution.agents";
    /**
     * Any user. Body: agent (its name), since (ISO-8601). Answer: resolution ({@code raw} when since is within
     * the raw retention, else {@code minute}: 1-minute averages) and samples, oldest first.
     */
    public static final String MONITOR = "distribution.monitor";
    /** Any user may subscribe; every sample an agent reports pushes {@link #SAMPLE} with the {@link AgentSample}. */
    public static final String SAMPLES_TOPIC = "distribution.samples";
    public static final String SAMPLE = "distribution.sample";
    /**
     * Any user may subscribe; each change of an agent's state (online, offline after missed heartbeats,
     * overloaded, alerting) pushes {@link #AGENT_STATE} with the {@link AgentInfo}, with or without alert rules.
     */
    public static final String AGENT_STATES_TOPIC = "distribution.agent.states";
    public static final String AGENT_STATE = "distribution.agent.state";
    /** Any user. Body: all (true: with history). Answer: alerts, newest first. */
    public static final String ALERT_LIST = "distribution.alert.list";
    /** Any user may subscribe; each raise and clear pushes {@link #ALERT} with an {@link AlertEvent}. */
    public static final String ALERTS_TOPIC = "distribution.alerts";
    public static final String ALERT = "distribution.alert";
    /** Any user. Answer: rules, a list of {@link AlertRule}. */
    public static final String ALERT_RULES = "distribution.alert.rules";
    /** Admins. Body: an {@link AlertRule} (id ignored). Answer: the rule as stored. */
    public static final String ALERT_RULE_ADD = "distribution.alert.rule.add";
    /** Admins. Body: id. Answer: the removed rule; its open alerts are cleared. */
    public static final String ALERT_RULE_REMOVE = "distribution.alert.rule.remove";
    // The distribution-manage right: users and groups that may change the topology and the jobs (save, create,
    // edit, enable, disable, remove) without the admin role. Admins always may; everyone else only reads.
    /** Any user. Body: empty. Answer: grants, a list of {@link ManageGrant}. */
    public static final String MANAGE_LIST = "distribution.manage.list";
    /** Admins. Body: kind (user or group), subject. Answer: the {@link ManageGrant} as stored. */
    public static final String MANAGE_GRANT = "distribution.manage.grant";
    /** Admins. Body: kind (user or group), subject. Answer: the removed {@link ManageGrant}. */
    public static final String MANAGE_REVOKE = "distribution.manage.revoke";
    /**
     * Admins. Body: all (true: with the delivered entries). Answer: entries, a list of {@link OutboxEntry} (alert
     * deliveries by e-mail and webhook, kept in the master's database until sent or given up), newest first.
     */
    public static final String ALERT_OUTBOX = "distribution.alert.outbox";
    /**
     * Admins. Body: id. A pending entry is tried again now; a given-up (failed) one is made pending again with
     * its attempts counted from 0 (its last reason kept until the next attempt). Answer: the {@link OutboxEntry}.
     * Refused with CONFLICT for a delivered or discarded entry, NOT_FOUND for an unknown id.
     */
    public static final String ALERT_OUTBOX_RETRY = "distribution.alert.outbox.retry";
    /** Admins. Body: id. A pending or given-up entry is never sent (state discarded, who and why kept as the reason). Answer: the entry. */
    public static final String ALERT_OUTBOX_DISCARD = "distribution.alert.outbox.discard";
    /** Admins may subscribe; every new entry and every change of one (attempt, delivery, retry, discard) pushes {@link #OUTBOX_CHANGED}. */
    public static final String OUTBOX_TOPIC = "distribution.outbox";
    /** Body: the {@link OutboxEntry} as it is now. */
    public static final String OUTBOX_CHANGED = "distribution.outbox.changed";
    /** Admins. Answer: {@link IngestStats} of sample handling on the master. */
    public static final String STATS = "distribution.stats";

    // Replication jobs (issue #13). Reading is open to every user; changes need the admin role or the
    // distribution-manage right ("Admins" on create, update, remove, enable and disable means both; runs need the
    // admin role). Job names are 1-64 letters, digits, '.', '_' or '-'.
    /** Any user. Body: empty. Answer: jobs, a list of {@link Job}, by name. */
    public static final String JOB_LIST = "distribution.job.list";
    /** Any user. Body: name. Answer: the {@link Job}. */
    public static final String JOB_GET = "distribution.job.get";
    /** Admins. Body: a {@link Job} (id and audit fields ignored), checked against the current topology. Answer: the job as stored. */
    public static final String JOB_CREATE = "distribution.job.create";
    /** Admins. Body: name (the job's current name) and job (the whole new definition; it may rename). Answer: the job as stored. */
    public static final String JOB_UPDATE = "distribution.job.update";
    /** Admins. Body: name. Answer: the removed job. */
    public static final String JOB_REMOVE = "distribution.job.remove";
    /** Admins. Body: name. Answer: the job, enabled. */
    public static final String JOB_ENABLE = "distribution.job.enable";
    /** Admins. Body: name. Answer: the job, disabled. */
    public static final String JOB_DISABLE = "distribution.job.disable";
    /**
     * Any user. Body: name. Answer: the {@link org.syncline.distribution.routing.RoutePlan} a run of the job would
     * take now: its targets in the current topology, agents that are not online left out.
     */
    public static final String JOB_PLAN = "distribution.job.plan";
    /** Any user may subscribe; every change of a job pushes {@link #JOB_CHANGED} with a {@link JobChange}. */
    public static final String JOBS_TOPIC = "distribution.jobs";
    public static final String JOB_CHANGED = "distribution.job.changed";

    // Runs of replication jobs (issue #13, run engine). The master drives each run hop by hop over its member
    // connections to the agents (TLS, certificates pinned at enrollment).
    /**
     * Admins. Body: name, path (optional: one file or directory on the source, relative to its distribution root,
     * inside one of the job's source paths). Plans the tree now and starts the run. Answer: the {@link JobRun},
     * state running; refused with CONFLICT while the job runs already.
     */
    public static final String JOB_RUN = "distribution.job.run";
    /** Any user. Body: name, limit (optional, default 20). Answer: runs, a list of {@link JobRun}, newest first. */
    public static final String JOB_LOG = "distribution.job.log";
    /** Any user. Body: id. Answer: the {@link JobRun}. */
    public static final String JOB_RUN_GET = "distribution.job.run.get";
    /**
     * Any user. Body: id, after (a cursor: absent from the start), limit (absent: the most a page holds, 20,000 or
     * 8 MiB). Answer: a {@link RunFilesPage}: files, the {@link RunFile} reports of the run's targets in the order they
     * came, next (the cursor after them) and more. A run of 10,000 files to 16 targets has 160,000 reports, more
     * than one reply carries.
     */
    public static final String JOB_RUN_FILES = "distribution.job.run.files";

    /**
     * Any user may subscribe; while a run goes on the master pushes {@link #RUN_CHANGED} with the {@link JobRun} as
     * it stands (totals so far, each target with its state: pending, receiving, ok, failed, left out, out of date),
     * at its start, when a target's state changes, at most about four times a second per run in between, and at its
     * end (state no longer running).
     */
    public static final String RUNS_TOPIC = "distribution.runs";
    public static final String RUN_CHANGED = "distribution.run.changed";
    /**
     * Any user. Body: name. Answer: targets, the {@link OutOfDateTarget}s the job is out of date on (left out of,
     * dropped out of or failed in a run, and not reached by a whole run of the job since), by server.
     */
    public static final String JOB_OUT_OF_DATE = "distribution.job.outofdate";
    /**
     * Admins. Body: name. Catches the job up now on the targets it is out of date on (a run of trigger recovery
     * limited to them): the manual recovery policy's action, open to every policy. NOT_FOUND when it is out of date
     * nowhere, CONFLICT while the job runs. Answer: the {@link JobRun} as it started.
     */
    public static final String JOB_RECOVER = "distribution.job.recover";

    // Real-time triggers: the source agent watches the source paths of its enabled real-time jobs and tells the
    // master what changed; the master starts a run of the job limited to the changed folders.
    /** Agents only, after hello. Body: empty. Answer: paths, what this agent watches (relative to its distribution root). */
    public static final String AGENT_WATCHES = "distribution.agent.watches";
    /** Agents only, after hello. Body: paths, what changed below the watched paths (debounced). Answer: empty. */
    public static final String AGENT_CHANGES = "distribution.agent.changes";

    // Content on an agent, asked for by the master it joined only (Access.MEMBER plus a check that the session is
    // that master). Paths are relative to the agent's distribution root (--set distribution.root=DIR).
    /**
     * Body: dir, since (the digest of the listing the master holds as its base for this agent and dir; "" or absent:
     * none). Answer: digest (of the listing now: each file's path, size and sha256 in path order) and either files
     * (path below dir, size, sha256) of every regular file below it (none when it is missing), or, when since names
     * the listing this agent last reported for dir, since, changed (the files added or in another version) and
     * removed (their paths) since then. An agent without incremental scans answers files only.
     */
    public static final String CONTENT_SCAN = "distribution.content.scan";
    /**
     * Download: the same body as {@link #CONTENT_SCAN}; the stream carries its answer, as UTF-8 JSON. A listing is
     * ~150 bytes a file, so a folder of ~110,000 files (fewer with long paths) answers more than one reply's 16 MiB
     * frame. Answer: bytes (of the stream). The master asks this first and an agent that does not know it with
     * {@link #CONTENT_SCAN}.
     */
    public static final String CONTENT_SCAN_STREAM = "distribution.content.scan.stream";
    /** Body: path. Answer: signature, the file's core.delta Signature, Base64 (of an empty file when it is missing). */
    public static final String CONTENT_SIGNATURE = "distribution.content.signature";
    /**
     * Download. Body: path, signature (Base64), codec (deflate when absent, or zstd), level (0: plain, 1-9), sha256 (the version wanted). The
     * delta of the file against the signature; fails with CONFLICT when the file is not that version.
     */
    public static final String CONTENT_DELTA = "distribution.content.delta";
    /**
     * Upload of a delta. Body: path, codec, level, sha256, delta (false: made against nothing, a whole-file hop, so
     * the file here is replaced; true when absent). Applied atomically and verified. Answer: sha256.
     */
    public static final String CONTENT_PATCH = "distribution.content.patch";
    /**
     * Body: none. Answer: codecs, the compressions the agent reads and writes ({@code deflate}, {@code zstd}). An
     * agent without this message reads deflate only. CONTENT_DELTA, CONTENT_PATCH, HOP_PULL and HOP_DELTA take
     * codec (deflate when absent) next to level.
     */
    public static final String CONTENT_CODECS = "distribution.content.codecs";
    /** Body: path. Deletes the file. Answer: deleted (whether it was there). */
    public static final String CONTENT_DELETE = "distribution.content.delete";

    // Direct hops: a hop parent -> child moves its bytes over the agents' own TLS endpoints. The parent issues, at
    // the master's request, a hop ticket (a lasting protocol ticket, TransferTickets.issueLasting) bound to the run,
    // the child and the paths the parent may serve; the master hands it to the child, which logs in at the parent
    // with it (#ticket:distribution:ID) or reuses its link kept open from an earlier run, and pulls each file with
    // the run's ticket in every message; the master only records state. HOP_GRANT, HOP_OPEN, HOP_PULL and HOP_END
    // come from the master this agent joined only.
    /** Body: run, child, paths (what the parent may serve, below its root). Answer: ticket (id), secret. */
    public static final String HOP_GRANT = "distribution.hop.grant";
    /**
     * Body: run, parent, host, port, fingerprint (the parent's pinned certificate), ticket, secret, cap (bytes per
     * second, 0: none). Opens the child's link to the parent, or keeps the one open for the same address and
     * certificate; CONNECTION_FAILED when it cannot. Answer: empty.
     */
    public static final String HOP_OPEN = "distribution.hop.open";
    /**
     * Body: run, parent, from (path at the parent), to (path at the child), sha256, level, delta (whether to send a
     * signature of the child's copy). The child pulls the file over its link, verifies and writes it atomically.
     * Answer: wireBytes (signature and delta that travelled).
     */
    public static final String HOP_PULL = "distribution.hop.pull";
    /** Body: run. The run ended: its tickets on this agent are revoked (links stay open until idle). Answer: empty. */
    public static final String HOP_END = "distribution.hop.end";
    /**
     * Download, at the parent, by a child logged in with a hop ticket. Body: ticket, secret (the run's ticket, which
     * may differ from the one the link logged in with), path, signature (Base64), level, sha256. The ticket is
     * checked for every message: the path must be inside the paths granted to it.
     */
    public static final String HOP_DELTA = "distribution.hop.delta";

    private DistributionMessages() {
    }
}
