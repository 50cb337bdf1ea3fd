package io.milepost.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BusinessIdPathsTest {

  @Test
  void shouldReadAVariableAndTheFieldsDownToTheId() {
    // when
    BusinessIdPaths paths = BusinessIdPaths.parse(List.of("order.orderId", " parcel.label.trackingId "));

    // then
    assertThat(paths.of("parcel")).containsExactly(new BusinessIdPaths.Path("parcel", List.of("label", "trackingId")));
    assertThat(paths.of("shipment")).isEmpty();
    assertThat(paths.rank("parcel.label.trackingId")).isEqualTo(1);
    assertThat(paths.rank("shipment.shipmentId")).isEqualTo(2);
  }

  @Test
  void shouldRefuseAPathWithoutAFieldOrWithAnEmptySegment() {
    for (String bad : List.of("order", "order.", ".orderId", "order..orderId", "")) {
      assertThatThrownBy(() -> BusinessIdPaths.parse(List.of(bad)))
          .hasMessage("Expected a business-id path as <variable>.<field>[.<field>...], like order.orderId, but found '"
              + bad + "'");
    }
  }
}
