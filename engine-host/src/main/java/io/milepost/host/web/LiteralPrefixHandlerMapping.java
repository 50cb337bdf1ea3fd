package io.milepost.host.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Spring MVC's handler look-up, which compares a request in full only with the mappings whose paths could match it.
 *
 * <p>Spring finds a path without variables in a map, but a path with one ({@code /v2/jobs/{jobKey}/completion}, on
 * every job a worker completes over REST) it compares with each of the host's 120-odd mappings in turn, each time
 * reading the request's method and CORS headers through the request wrappers of the security filters: 14 % of the
 * request threads' CPU in a REST benchmark pass (benchmarks/NOTES.md, stop 31). A mapping can only match a path that
 * starts with the literal part of one of its patterns (up to the first variable or wildcard), so the others are passed
 * over on a string comparison, and Spring's own rules decide among the rest exactly as before.
 *
 * <p>A path with escapes or matrix variables ({@code %}, {@code ;}) is compared with every mapping as Spring does:
 * its patterns match the decoded segments without matrix variables, which the raw path is not.
 */
final class LiteralPrefixHandlerMapping extends RequestMappingHandlerMapping {

  private final Map<RequestMappingInfo, LiteralPrefixes> prefixes = new ConcurrentHashMap<>();

  @Override
  protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
    String path = comparablePath(request);
    if (path != null && !prefixes.computeIfAbsent(info, LiteralPrefixes::of).couldMatch(path)) {
      return null;
    }
    return super.getMatchingMapping(info, request);
  }

  /** The path the patterns are matched against, or null where a prefix of it says nothing (see the class comment). */
  private String comparablePath(HttpServletRequest request) {
    PathPatternParser parser = getPatternParser();
    if (parser == null || !parser.isCaseSensitive() || !ServletRequestPathUtils.hasParsedRequestPath(request)) {
      return null;
    }
    String path = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().value();
    return path.indexOf('%') >= 0 || path.indexOf(';') >= 0 ? null : path;
  }

  /** The literal starts of a mapping's path patterns; a mapping without path patterns could match any path. */
  record LiteralPrefixes(List<String> prefixes) {

    private static final LiteralPrefixes ANY_PATH = new LiteralPrefixes(List.of(""));

    static LiteralPrefixes of(RequestMappingInfo info) {
      PathPatternsRequestCondition condition = info.getPathPatternsCondition();
      if (condition == null || condition.getPatterns().isEmpty()) {
        return ANY_PATH;
      }
      return new LiteralPrefixes(condition.getPatterns().stream()
          .map(PathPattern::getPatternString)
          .map(LiteralPrefixes::literalStart)
          .toList());
    }

    /** The part of a pattern before its first variable or wildcard: any path it matches starts with it. */
    static String literalStart(String pattern) {
      for (int i = 0; i < pattern.length(); i++) {
        char c = pattern.charAt(i);
        if (c == '{' || c == '*' || c == '?') {
          return pattern.substring(0, i);
        }
      }
      return pattern;
    }

    boolean couldMatch(String path) {
      for (String prefix : prefixes) {
        if (path.startsWith(prefix)) {
          return true;
        }
      }
      return false;
    }
  }
}
