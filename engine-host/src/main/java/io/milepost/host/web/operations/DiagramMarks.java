package io.milepost.host.web.operations;

import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** What diagram.js draws on a diagram, as the JSON a page embeds in a script element. */
@Component
final class DiagramMarks {

  private final JsonMapper json;

  DiagramMarks(JsonMapper json) {
    this.json = json;
  }

  /** "</" would end the script element early; "<\/" reads the same as JSON. */
  String json(Map<String, ?> marks) {
    return json.writeValueAsString(marks).replace("</", "<\\/");
  }
}
