package io.milepost.host.security;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** The users a password check knows, by name: the configured ones and/or the internal worker. */
final class UserDirectory implements UserDetailsService {

  private final Map<String, MilepostUserDetails> users;

  private UserDirectory(Map<String, MilepostUserDetails> users) {
    this.users = Map.copyOf(users);
  }

  /**
   * @throws IllegalArgumentException when a user has no name, no password, an unknown role or a name
   *     given twice: the host does not start with a user table it cannot honour
   */
  static UserDirectory of(List<SecurityProperties.User> configured) {
    Map<String, MilepostUserDetails> users = new LinkedHashMap<>();
    for (int i = 0; i < configured.size(); i++) {
      SecurityProperties.User user = configured.get(i);
      String where = "milepost.security.users[" + i + "]";
      if (user.username() == null || user.username().isBlank()) {
        throw new IllegalArgumentException("Expected a username at " + where + ", but it was empty");
      }
      if (user.password() == null || user.password().isEmpty()) {
        throw new IllegalArgumentException("Expected a password for user '" + user.username() + "' at " + where
            + ", but it was empty");
      }
      if (users.containsKey(user.username()) || user.username().equals(InternalWorker.USERNAME)) {
        throw new IllegalArgumentException("Expected each username once, but '" + user.username() + "' at " + where
            + " is taken");
      }
      Set<Role> roles = user.roles().stream().map(Role::named).collect(Collectors.toSet());
      MilepostUser milepostUser = new MilepostUser(user.username(), roles, new HashSet<>(user.sites()),
          new HashSet<>(user.regions()));
      users.put(user.username(), new MilepostUserDetails(milepostUser, encoded(user.password())));
    }
    return new UserDirectory(users);
  }

  /** These users and the host's own step workers: the password users of the API under method basic. */
  UserDirectory withInternalWorker(InternalWorker internalWorker) {
    Map<String, MilepostUserDetails> both = new LinkedHashMap<>(users);
    both.put(internalWorker.username(), internalWorker.details());
    return new UserDirectory(both);
  }

  /** Only the internal worker: the password users of method oidc, whose people come with tokens. */
  static UserDirectory internalOnly(InternalWorker internalWorker) {
    return new UserDirectory(Map.of(internalWorker.username(), internalWorker.details()));
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    MilepostUserDetails user = users.get(username);
    if (user == null) {
      throw new UsernameNotFoundException("No user '" + username + "'");
    }
    return user;
  }

  /** A plain password gets the {noop} id; one that names its encoding ({bcrypt}...) stays as it is. */
  private static String encoded(String password) {
    return password.startsWith("{") && password.indexOf('}') > 1 ? password : "{noop}" + password;
  }
}
