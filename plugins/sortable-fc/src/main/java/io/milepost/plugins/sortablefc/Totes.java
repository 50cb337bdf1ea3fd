package io.milepost.plugins.sortablefc;

import io.milepost.network.OrderItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Assigns picked units to totes: first fit, largest unit first. A tote is 60 x 40 x 30 cm; only 85% of
 * its volume is usable (units do not tessellate) and it may weigh at most 15 kg (conveyor and
 * ergonomic limit).
 */
final class Totes {

  static final double USABLE_VOLUME_CM3 = 60 * 40 * 30 * 0.85;
  static final double MAX_WEIGHT_KG = 15.0;

  /** A tote with the units (by sku) it carries. */
  record Tote(String toteId, List<String> skus, double volumeCm3, double weightKg) {}

  private Totes() {}

  static List<Tote> assign(String orderId, List<OrderItem> items) {
    List<OrderItem> units = new ArrayList<>();
    items.forEach(item -> {
      for (int i = 0; i < item.quantity(); i++) {
        units.add(item);
      }
    });
    units.sort(Comparator.comparingDouble(OrderItem::volumeCm3).reversed().thenComparing(OrderItem::sku));
    List<Tote> totes = new ArrayList<>();
    for (OrderItem unit : units) {
      int index = firstToteWithRoom(totes, unit);
      if (index < 0) {
        totes.add(new Tote(orderId + "-T" + (totes.size() + 1), List.of(), 0, 0));
        index = totes.size() - 1;
      }
      Tote tote = totes.get(index);
      List<String> skus = new ArrayList<>(tote.skus());
      skus.add(unit.sku());
      totes.set(index, new Tote(tote.toteId(), List.copyOf(skus),
          tote.volumeCm3() + unit.volumeCm3(), tote.weightKg() + unit.weightKg()));
    }
    return totes;
  }

  private static int firstToteWithRoom(List<Tote> totes, OrderItem unit) {
    for (int i = 0; i < totes.size(); i++) {
      Tote tote = totes.get(i);
      if (tote.volumeCm3() + unit.volumeCm3() <= USABLE_VOLUME_CM3
          && tote.weightKg() + unit.weightKg() <= MAX_WEIGHT_KG) {
        return i;
      }
    }
    return -1;
  }
}
