package io.milepost.host.web.operations;

import io.milepost.engine.api.Deployment;
import io.milepost.engine.api.DeploymentRejectedException;
import io.milepost.engine.api.DeploymentResource;
import io.milepost.engine.api.Engine;
import io.milepost.engine.api.RejectionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Deploys uploaded {@code .bpmn} and {@code .form} files. A rejected deployment lists every problem the engine
 * found, each with its file and element id, so all can be fixed in one go.
 */
@Controller
final class DeployController {

  private final Engine engine;

  DeployController(Engine engine) {
    this.engine = engine;
  }

  @GetMapping("/operations/deploy")
  String page() {
    return "operations/deploy";
  }

  @PostMapping("/operations/deploy")
  String deploy(@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model) {
    List<DeploymentResource> resources = new ArrayList<>();
    for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
      if (file.isEmpty()) {
        continue;
      }
      String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
      if (!name.endsWith(".bpmn") && !name.endsWith(".form")) {
        model.addAttribute("error", "Expected .bpmn or .form files, but found '" + name + "'");
        return "operations/deploy";
      }
      resources.add(new DeploymentResource(name, bytes(file)));
    }
    if (resources.isEmpty()) {
      model.addAttribute("error", "Expected at least one .bpmn or .form file, but none was chosen");
      return "operations/deploy";
    }
    try {
      Deployment deployment = engine.deploy(resources);
      model.addAttribute("deployment", deployment);
    } catch (DeploymentRejectedException rejected) {
      model.addAttribute("problems", rejected.problems());
    } catch (RejectionException refused) {
      model.addAttribute("error", refused.getMessage());
    }
    return "operations/deploy";
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
