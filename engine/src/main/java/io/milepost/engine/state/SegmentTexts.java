package io.milepost.engine.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The statement texts one journal segment holds, numbered in the order they were first written to it. A record writes
 * a text whole the first time in its segment and as its number after that: the engine runs the same few dozen
 * statements over and over, and their texts were a third of the journal's bytes (benchmarks/NOTES.md, stop 44). A
 * segment is read from its start, so its reader numbers the texts as they come, as its writer did.
 */
final class SegmentTexts {

  private final Map<String, Integer> numbers = new HashMap<>();
  private final List<String> texts = new ArrayList<>();

  /** The number of {@code text} if the segment holds it already, else -1. */
  int numberOf(String text) {
    return numbers.getOrDefault(text, -1);
  }

  /** The text numbered {@code number}, or null if the segment holds no such text. */
  String text(int number) {
    return number >= 0 && number < texts.size() ? texts.get(number) : null;
  }

  int size() {
    return texts.size();
  }

  /** Takes the next number for {@code text}, written whole. */
  void add(String text) {
    numbers.putIfAbsent(text, texts.size());
    texts.add(text);
  }
}
