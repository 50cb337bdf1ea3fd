package io.milepost.host.web.rollout;

import io.milepost.host.plugin.PluginRefusedException;
import io.milepost.host.plugin.PluginUploads;
import io.milepost.host.plugin.PluginVersionView;
import io.milepost.host.plugin.PluginVersionViews;
import io.milepost.host.web.PageUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** {@code /plugins}: every plugin version with its checksum, steps and who uploaded it; upload a new one. */
@Controller
final class PluginsPageController {

  private final PluginVersionViews views;
  private final PluginUploads uploads;
  private final PageUsers users;

  PluginsPageController(PluginVersionViews views, PluginUploads uploads, PageUsers users) {
    this.views = views;
    this.uploads = uploads;
    this.users = users;
  }

  @GetMapping("/plugins")
  String plugins(Model model) {
    model.addAttribute("plugins", views.all().stream()
        .sorted(Comparator.comparing(PluginVersionView::pluginId).thenComparing(PluginVersionView::version)).toList());
    return "rollout/plugins";
  }

  @PostMapping("/plugins")
  String upload(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String sha256,
      Model model) {
    try {
      PluginUploads.Uploaded uploaded = uploads.upload(file.getBytes(), sha256 == null || sha256.isBlank() ? null
          : sha256.strip(), users.current().name());
      model.addAttribute("uploaded", views.view(uploaded.version()));
      model.addAttribute("created", uploaded.created());
    } catch (PluginRefusedException refused) {
      model.addAttribute("error", refused.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return plugins(model);
  }
}
