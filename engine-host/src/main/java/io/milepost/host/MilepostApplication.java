package io.milepost.host;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts Milepost: the engine on its store, the Camunda 8 API, workers, plugins and the UI. */
@SpringBootApplication
public class MilepostApplication {

  public static void main(String[] args) {
    SpringApplication.run(MilepostApplication.class, args);
  }
}
