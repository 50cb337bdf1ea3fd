package io.milepost.host.plugin;

import io.milepost.host.api.ApiException;
import io.milepost.host.audit.Actors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/plugins}: upload a plugin version, list and describe versions, withdraw one. */
@RestController
@RequestMapping("/api/plugins")
final class PluginController {

  private final PluginUploads uploads;
  private final PluginVersionViews views;
  private final PluginWithdrawals withdrawals;

  PluginController(PluginUploads uploads, PluginVersionViews views, PluginWithdrawals withdrawals) {
    this.uploads = uploads;
    this.views = views;
    this.withdrawals = withdrawals;
  }

  @PostMapping(consumes = "multipart/form-data")
  ResponseEntity<PluginVersionView> upload(@RequestPart("file") MultipartFile file,
      @RequestParam(value = "sha256", required = false) String sha256, Principal principal) {
    byte[] bytes;
    try {
      bytes = file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the uploaded file", e);
    }
    PluginUploads.Uploaded uploaded;
    try {
      uploaded = uploads.upload(bytes, sha256, Actors.of(principal));
    } catch (PluginRefusedException refused) {
      throw refusal(refused);
    }
    return ResponseEntity.status(uploaded.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(views.view(uploaded.version()));
  }

  @GetMapping
  List<PluginVersionView> all() {
    return views.all();
  }

  @GetMapping("/{pluginId}/versions/{version}")
  PluginVersionView one(@PathVariable String pluginId, @PathVariable String version) {
    PluginCoordinates coordinates = new PluginCoordinates(pluginId, version);
    return views.find(coordinates).orElseThrow(() -> ApiException.notFound("Expected a loaded plugin version "
        + coordinates + ", but there is none"));
  }

  @PostMapping("/{pluginId}/versions/{version}/withdrawal")
  WithdrawalResponse withdraw(@PathVariable String pluginId, @PathVariable String version,
      @RequestBody(required = false) WithdrawalRequest request, Principal principal) {
    WithdrawalRequest body = request == null ? new WithdrawalRequest(false, null) : request;
    try {
      int moved = withdrawals.withdraw(new PluginCoordinates(pluginId, version), Boolean.TRUE.equals(body.rollBack()),
          Actors.of(principal), body.reason());
      return new WithdrawalResponse(pluginId, version, true, moved);
    } catch (PluginRefusedException refused) {
      throw ApiException.notFound(refused.getMessage());
    }
  }

  private static ApiException refusal(PluginRefusedException refused) {
    return refused.conflict()
        ? new ApiException(HttpStatus.CONFLICT, "CONFLICT", refused.getMessage())
        : ApiException.invalidArgument(refused.getMessage());
  }

  record WithdrawalRequest(Boolean rollBack, String reason) {}

  /** @param sitesRolledBack how many site job types went back to their previous version */
  record WithdrawalResponse(String pluginId, String version, boolean withdrawn, int sitesRolledBack) {}
}
