package io.milepost.host;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts Milepost: the engine on its store, the Camunda 8 API, workers, plugins and the UI. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MilepostApplication {

  public static void main(String[] args) {
    SpringApplication.run(MilepostApplication.class, args);
  }
}
