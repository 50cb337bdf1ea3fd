package io.milepost.host;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Spring and Spring Security log through Commons Logging, often without asking first whether the level is on
 * (their messages are lazy: the text is built in {@code toString}). commons-logging.properties routes them so
 * that a message of a level that is off is never built (Spring Security's filters build several on every API
 * call), while a message of a level that is on still reaches Logback with its logger and text.
 */
class CommonsLoggingTest {

  private static final String LOGGER = "io.milepost.host.CommonsLoggingTest.probe";

  private final Logger logback = (Logger) LoggerFactory.getLogger(LOGGER);
  private final ListAppender<ILoggingEvent> appended = new ListAppender<>();

  @BeforeEach
  void listen() {
    logback.setLevel(Level.INFO);
    appended.start();
    logback.addAppender(appended);
  }

  @AfterEach
  void stopListening() {
    logback.detachAppender(appended);
    logback.setLevel(null);
  }

  @Test
  void shouldNotBuildTheTextOfAMessageWhoseLevelIsOff() {
    Log log = LogFactory.getLog(LOGGER);
    CountingMessage message = new CountingMessage("checked the request");

    log.trace(message);
    log.debug(message);

    assertThat(message.built).as("times the trace and debug messages were turned into text").hasValue(0);
    assertThat(appended.list).isEmpty();
  }

  @Test
  void shouldHandAMessageWhoseLevelIsOnToLogback() {
    Log log = LogFactory.getLog(LOGGER);

    log.info(new CountingMessage("started"));

    assertThat(appended.list).singleElement().satisfies(event -> {
      assertThat(event.getLoggerName()).isEqualTo(LOGGER);
      assertThat(event.getLevel()).isEqualTo(Level.INFO);
      assertThat(event.getFormattedMessage()).isEqualTo("started");
    });
  }

  /** A lazy message like Spring's {@code LogMessage}: its text is built when asked for. */
  private static final class CountingMessage {

    private final String text;
    private final AtomicInteger built = new AtomicInteger();

    CountingMessage(String text) {
      this.text = text;
    }

    @Override
    public String toString() {
      built.incrementAndGet();
      return text;
    }
  }
}
