package io.milepost.host.security;

import static io.milepost.host.security.Permission.*;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The roles a user holds ({@code milepost.security.users[i].roles}, or a token's roles claim) and what each may do. */
public enum Role {
  ADMIN(EnumSet.allOf(Permission.class)),
  ENGINEER(EnumSet.of(TOPOLOGY, DEPLOY, CREATE_INSTANCE, OPERATE_INSTANCE, RESOLVE_INCIDENT, UPDATE_JOB,
      READ_INSTANCES, READ_ALL, READ_USER_TASKS, READ_SITES, READ_PLUGINS, READ_ROLLOUTS, READ_INSIGHTS, READ_AUDIT,
      EVALUATE_DECISION)),
  LEADER(EnumSet.of(TOPOLOGY, UPLOAD_PLUGIN, READ_PLUGINS, READ_ROLLOUTS, STEER_ROLLOUTS, READ_SITES, READ_INSIGHTS,
      READ_AUDIT, READ_INSTANCES)),
  ASSOCIATE(EnumSet.of(TOPOLOGY, READ_USER_TASKS, WORK_USER_TASKS)),
  WORKER(EnumSet.of(TOPOLOGY, WORK_JOBS, UPDATE_JOB, PUBLISH_MESSAGE, BROADCAST_SIGNAL, CREATE_INSTANCE,
      EVALUATE_DECISION));

  private final Set<Permission> permissions;

  Role(Set<Permission> permissions) {
    this.permissions = permissions;
  }

  public boolean permits(Permission permission) {
    return permissions.contains(permission);
  }

  /** The name as written in configuration and tokens: lower case. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The role named {@code name} (any case, an optional {@code ROLE_} prefix as some identity providers
   * send it).
   *
   * @throws IllegalArgumentException naming the roles there are
   */
  public static Role named(String name) {
    String plain = name.trim().toUpperCase(Locale.ROOT);
    plain = plain.startsWith("ROLE_") ? plain.substring("ROLE_".length()) : plain;
    try {
      return valueOf(plain);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Expected a role among admin, engineer, leader, associate, worker, but found '"
          + name + "'");
    }
  }
}
