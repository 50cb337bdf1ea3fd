package io.milepost.host.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /}: the sections the user's roles open, one card each. */
@Controller
final class HomeController {

  @GetMapping("/")
  String home() {
    return "home";
  }
}
