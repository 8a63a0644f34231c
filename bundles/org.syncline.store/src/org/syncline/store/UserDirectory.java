package org.syncline.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.syncline.core.ErrorCode;
import org.syncline.core.Names;
import org.syncline.core.SynclineException;
import org.syncline.store.internal.GroupTable;
import org.syncline.store.internal.UserTable;
import org.syncline.store.internal.UserTable.StoredUser;

/** The accounts and groups of one server, with the rules that keep them sound. */
public final class UserDirectory {
    public static final int MIN_PASSWORD_LENGTH = 8;
    public static final int MAX_PASSWORD_LENGTH = 1024;
    // Verified in place of a real hash when the name is unknown, so the answer takes as long as for a wrong
    // password and does not tell which names exist. No password derives to all zero bytes.
    static final String DECOY_HASH = "$" + PasswordHasher.ARGON2ID + "$v=19$m=" + PasswordHasher.MEMORY_KIB
            + ",t=" + PasswordHasher.PASSES + ",p=" + PasswordHasher.LANES + "$"
            + Base64.getEncoder().withoutPadding().encodeToString(new byte[16]) + "$"
            + Base64.getEncoder().withoutPadding().encodeToString(new byte[32]);

    private final Database db;
    private final PasswordHasher hasher;

    public UserDirectory(Database db, PasswordHasher hasher) {
        this.db = Objects.requireNonNull(db, "db");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    public User create(String name, char[] password, Set<Role> roles) {
        Names.requireUserName(name);
        requirePassword(password);
        User user = new User(name, roles, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        // Hashing takes a good part of a second: done before the transaction, not while it holds locks.
        String hash = hasher.hash(password);
        return db.inTransaction(c -> {
            if (!UserTable.insert(c, user, hash)) {
                throw new SynclineException(ErrorCode.ALREADY_EXISTS,
                        "A user named '" + name + "' already exists; choose another name.");
            }
            return user;
        });
    }

    /** Empty for an unknown name, including one that is not a valid user name at all. */
    public Optional<User> find(String name) {
        return stored(name).map(StoredUser::user);
    }

    /** Every user, ordered by name. */
    public List<User> list() {
        return db.inTransaction(UserTable::list);
    }

    public void setPassword(String name, char[] password) {
        Names.requireUserName(name);
        requirePassword(password);
        String hash = hasher.hash(password);
        db.inTransaction(c -> {
            if (!UserTable.setPasswordHash(c, name, hash)) {
                throw noSuchUser(name);
            }
            return null;
        });
    }

    /** Replaces the user's roles; refuses to leave the server without an administrator. */
    public void setRoles(String name, Set<Role> roles) {
        Names.requireUserName(name);
        Set<Role> wanted = new User(name, roles, Instant.EPOCH).roles();
        db.inTransaction(c -> {
            UserTable.lockRoles(c);
            if (!UserTable.exists(c, name)) {
                throw noSuchUser(name);
            }
            if (UserTable.roles(c, name).contains(Role.ADMIN) && !wanted.contains(Role.ADMIN)
                    && UserTable.adminsOtherThan(c, name) == 0) {
                throw lastAdmin(name);
            }
            UserTable.replaceRoles(c, name, wanted);
            return null;
        });
    }

    /**
     * Disables or enables the account. A disabled user keeps everything (groups, folders, history) but cannot
     * log in; refuses to disable the last enabled administrator.
     */
    public void setDisabled(String name, boolean disabled) {
        Names.requireUserName(name);
        db.inTransaction(c -> {
            UserTable.lockRoles(c);
            User user = UserTable.find(c, name).orElseThrow(() -> noSuchUser(name)).user();
            if (disabled && user.isAdmin() && !user.disabled() && enabledAdminsOtherThan(c, name) == 0) {
                throw lastAdmin(name);
            }
            UserTable.setDisabled(c, name, disabled);
            return null;
        });
    }

    private static long enabledAdminsOtherThan(Connection c, String name) throws SQLException {
        return UserTable.list(c).stream().filter(u -> u.isAdmin() && !u.disabled() && !u.name().equals(name)).count();
    }

    /** Removes the user with its roles and memberships; refuses to remove the last administrator. */
    public void remove(String name) {
        Names.requireUserName(name);
        db.inTransaction(c -> {
            UserTable.lockRoles(c);
            if (!UserTable.exists(c, name)) {
                throw noSuchUser(name);
            }
            if (UserTable.roles(c, name).contains(Role.ADMIN) && UserTable.adminsOtherThan(c, name) == 0) {
                throw lastAdmin(name);
            }
            return UserTable.delete(c, name);
        });
    }

    /**
     * The user when the password is right; empty for a wrong password, an unknown or an invalid name. A right
     * password whose stored hash is of an older scheme or weaker parameters gets its hash replaced by a
     * current one, since only now is the password at hand. A stored hash that cannot be checked at all is
     * refused with {@link ErrorCode#INTEGRITY} naming the user, so an administrator knows to reset it. A right
     * password of a disabled user is refused with {@link ErrorCode#ACCOUNT_DISABLED}; a wrong one is only wrong,
     * so the refusal tells nothing to someone who does not know the password.
     */
    public Optional<User> authenticate(String name, char[] password) {
        Optional<StoredUser> stored = stored(name);
        if (stored.isEmpty()) {
            hasher.verify(password == null ? new char[1] : password, DECOY_HASH);
            return Optional.empty();
        }
        String hash = stored.get().passwordHash();
        boolean right;
        try {
            right = hasher.verify(password, hash);
        } catch (SynclineException e) {
            throw new SynclineException(e.code(), e.getMessage().replace("The stored password hash",
                    "The stored password hash of '" + name + "'"), e);
        }
        if (!right) {
            return Optional.empty();
        }
        if (stored.get().user().disabled()) {
            throw new SynclineException(ErrorCode.ACCOUNT_DISABLED, "The user '" + name
                    + "' is disabled; ask an administrator to enable it.");
        }
        if (hasher.needsRehash(hash)) {
            // Hashing takes a good part of a second: done before the transaction, not while it holds locks.
            String upgraded = hasher.hash(password);
            db.inTransaction(c -> UserTable.replacePasswordHash(c, name, hash, upgraded));
        }
        return Optional.of(stored.get().user());
    }

    /** True before the first user exists, when a server asks for its first administrator. */
    public boolean isEmpty() {
        return db.inTransaction(UserTable::isEmpty);
    }

    public void createGroup(String group) {
        requireGroupName(group);
        Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        db.inTransaction(c -> {
            if (!GroupTable.insert(c, group, created)) {
                throw new SynclineException(ErrorCode.ALREADY_EXISTS,
                        "A group named '" + group + "' already exists; choose another name.");
            }
            return null;
        });
    }

    /** Removes the group and its memberships; the users stay. */
    public void removeGroup(String group) {
        requireGroupName(group);
        db.inTransaction(c -> {
            if (!GroupTable.delete(c, group)) {
                throw noSuchGroup(group);
            }
            return null;
        });
    }

    /** Adds the user to the group; adding a member again changes nothing. */
    public void addMember(String group, String user) {
        requireGroupName(group);
        Names.requireUserName(user);
        db.inTransaction(c -> {
            requireGroupAndUser(c, group, user);
            GroupTable.addMember(c, group, user);
            return null;
        });
    }

    /** Takes the user out of the group; taking out a user who is not a member changes nothing. */
    public void removeMember(String group, String user) {
        requireGroupName(group);
        Names.requireUserName(user);
        db.inTransaction(c -> {
            requireGroupAndUser(c, group, user);
            GroupTable.removeMember(c, group, user);
            return null;
        });
    }

    /** What {@link #namesStartingWith} found: user names and group names, each in order. */
    public record NameMatches(List<String> users, List<String> groups) {
    }

    /** The most names {@link #namesStartingWith} gives of each kind. */
    public static final int MAX_NAME_MATCHES = 50;

    /**
     * Names to suggest where something is shared: enabled users and groups whose names start with {@code prefix}
     * (any case: names are lower-case), at most {@code limit} of each (1 to {@value #MAX_NAME_MATCHES}), in name order.
     * A prefix no name can start with (blank, too long, characters names do not hold) matches nothing.
     */
    public NameMatches namesStartingWith(String prefix, int limit) {
        if (limit < 1 || limit > MAX_NAME_MATCHES) {
            throw new IllegalArgumentException("limit " + limit);
        }
        String p = prefix == null ? "" : prefix.strip().toLowerCase(java.util.Locale.ROOT);
        if (p.isEmpty() || p.length() > 64 || !p.matches("[a-z0-9._-]+")) {
            return new NameMatches(List.of(), List.of());
        }
        String like = p.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return db.inTransaction(c -> new NameMatches(UserTable.enabledNamesLike(c, like, limit), GroupTable.namesLike(c, like, limit)));
    }

    /** Every group, ordered by name. */
    public List<String> groups() {
        return db.inTransaction(GroupTable::names);
    }

    /** The groups the user belongs to, ordered by name. */
    public List<String> groupsOf(String user) {
        Names.requireUserName(user);
        return db.inTransaction(c -> {
            if (!UserTable.exists(c, user)) {
                throw noSuchUser(user);
            }
            return GroupTable.groupsOf(c, user);
        });
    }

    /** The members of the group, ordered by name. */
    public List<String> members(String group) {
        requireGroupName(group);
        return db.inTransaction(c -> {
            if (!GroupTable.exists(c, group)) {
                throw noSuchGroup(group);
            }
            return GroupTable.members(c, group);
        });
    }

    private Optional<StoredUser> stored(String name) {
        if (!isValidName(name)) {
            return Optional.empty();
        }
        return db.inTransaction(c -> UserTable.find(c, name));
    }

    private static void requireGroupAndUser(Connection c, String group, String user) throws SQLException {
        if (!GroupTable.exists(c, group)) {
            throw noSuchGroup(group);
        }
        if (!UserTable.exists(c, user)) {
            throw noSuchUser(user);
        }
    }

    private static boolean isValidName(String name) {
        try {
            Names.requireUserName(name);
            return true;
        } catch (SynclineException e) {
            return false;
        }
    }

    private static void requirePassword(char[] password) {
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "A password needs at least "
                    + MIN_PASSWORD_LENGTH + " characters; choose a longer one.");
        }
        if (password.length > MAX_PASSWORD_LENGTH) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "A password may have at most "
                    + MAX_PASSWORD_LENGTH + " characters; choose a shorter one.");
        }
    }

    // Group names follow the user-name rule; only the wording of the error differs.
    private static void requireGroupName(String group) {
        try {
            Names.requireUserName(group);
        } catch (SynclineException e) {
            throw new SynclineException(e.code(), e.getMessage().replace("user name", "group name"));
        }
    }

    private static SynclineException lastAdmin(String name) {
        return new SynclineException(ErrorCode.INVALID_ARGUMENT, "'" + name
                + "' is the last administrator; make another user an administrator first.");
    }

    private static SynclineException noSuchUser(String name) {
        return new SynclineException(ErrorCode.NOT_FOUND, "There is no user named '" + name
                + "'; check the name against the list of users.");
    }

    private static SynclineException noSuchGroup(String group) {
        return new SynclineException(ErrorCode.NOT_FOUND, "There is no group named '" + group
                + "'; check the name against the list of groups.");
    }
}
