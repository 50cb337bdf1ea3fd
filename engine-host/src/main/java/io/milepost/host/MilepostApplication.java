package io.milepost.host;

import io.milepost.host.engine.EmbeddedEngineComponents;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;

/**
 * Starts Milepost: the engine on its store, the Camunda 8 API, workers, plugins and the UI.
 *
 * <p>{@code @SpringBootApplication} spelled out, for one more scan filter: a worker node
 * ({@code milepost.engine.enabled=false}) leaves out the embedded engine's components.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(excludeFilters = {
    @Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
    @Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
    @Filter(type = FilterType.CUSTOM, classes = EmbeddedEngineComponents.class)})
@ConfigurationPropertiesScan
public class MilepostApplication {

  public static void main(String[] args) {
    SpringApplication.run(MilepostApplication.class, args);
  }
}
