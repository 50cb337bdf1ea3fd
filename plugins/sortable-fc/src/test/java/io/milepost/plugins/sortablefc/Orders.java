package io.milepost.plugins.sortablefc;

/** Orders the tests share: the README's example order and variations of it. */
final class Orders {
  private Orders() {}

  /** Two books, a cable and a fragile mug for a west customer; weights as the item master knows them. */
  static final String README_ORDER = """
      {"order": {"orderId": "o-1001", "customerRegion": "west", "destinationPostalCode": "94607",
        "items": [
          {"sku": "BK-1001", "quantity": 2, "weightKg": 0.4,  "lengthCm": 20, "widthCm": 13, "heightCm": 3},
          {"sku": "HD-2001", "quantity": 1, "weightKg": 0.1,  "lengthCm": 15, "widthCm": 10, "heightCm": 2},
          {"sku": "MG-4001", "quantity": 1, "weightKg": 0.35, "lengthCm": 12, "widthCm": 9,  "heightCm": 10, "category": "fragile"}
        ]}}""";

  static String withOneItem(String sku, int quantity, double weightKg, int length, int width, int height) {
    return """
        {"order": {"orderId": "o-2002", "customerRegion": "west", "destinationPostalCode": "94607",
          "items": [{"sku": "%s", "quantity": %d, "weightKg": %s, "lengthCm": %d, "widthCm": %d, "heightCm": %d}]}}"""
        .formatted(sku, quantity, weightKg, length, width, height);
  }
}
