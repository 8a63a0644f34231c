package org.syncline.store.internal;

import java.util.List;

import org.syncline.store.Migration;

/** Every migration this code knows, oldest first. Append only. */
public final class Schema {
    public static final List<Migration> MIGRATIONS = List.of(
            Migration.sql(1, "users, roles, groups",
                    """
                    CREATE TABLE users (
                        name VARCHAR(64) NOT NULL PRIMARY KEY,
                        password_hash VARCHAR(256) NOT NULL,
                        created TIMESTAMP NOT NULL)""",
                    """
                    CREATE TABLE user_roles (
                        user_name VARCHAR(64) NOT NULL REFERENCES users (name) ON DELETE CASCADE,
                        role VARCHAR(16) NOT NULL,
                        PRIMARY KEY (user_name, role))""",
                    """
                    CREATE TABLE groups (
                        name VARCHAR(64) NOT NULL PRIMARY KEY,
                        created TIMESTAMP NOT NULL)""",
                    """
                    CREATE TABLE group_members (
                        group_name VARCHAR(64) NOT NULL REFERENCES groups (name) ON DELETE CASCADE,
                        user_name VARCHAR(64) NOT NULL REFERENCES users (name) ON DELETE CASCADE,
                        PRIMARY KEY (group_name, user_name))"""),
            // an administrator turns an account off without removing it (its folders, groups and history stay)
            Migration.sql(2, "users can be disabled",
                    "ALTER TABLE users ADD COLUMN disabled BOOLEAN DEFAULT FALSE NOT NULL"));

    private Schema() {
    }

    public static int latestVersion() {
        return MIGRATIONS.get(MIGRATIONS.size() - 1).version();
    }
}
