package io.milepost.host.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form of the pages ({@code templates/login.html}); Spring Security handles its POST. */
@Controller
final class LoginController {

  @GetMapping("/login")
  String login() {
    return "login";
  }
}
