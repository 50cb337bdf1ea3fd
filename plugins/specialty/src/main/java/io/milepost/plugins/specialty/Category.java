package io.milepost.plugins.specialty;

/**
 * The item categories a specialty building has rules for, and where each is stored and picked.
 * Hazardous materials sit in a locked cage only certified associates may pick from.
 */
enum Category {
  HAZMAT("HAZMAT-CAGE", true),
  APPAREL("GARMENT-MEZZANINE", false),
  FRAGILE("FRAGILE-SHELF", false),
  GENERAL("GENERAL", false);

  final String pickZone;
  final boolean certifiedPickerRequired;

  Category(String pickZone, boolean certifiedPickerRequired) {
    this.pickZone = pickZone;
    this.certifiedPickerRequired = certifiedPickerRequired;
  }

  static Category of(String category) {
    if (category == null) {
      return GENERAL;
    }
    return switch (category.toLowerCase()) {
      case "hazmat" -> HAZMAT;
      case "apparel" -> APPAREL;
      case "fragile" -> FRAGILE;
      default -> GENERAL;
    };
  }
}
