package io.milepost.plugins.sortablefc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code package} variable the pack step writes and the SLAM step reads. ({@code package} is a
 * Java keyword, so it is read from the variables map, not mapped onto a record component.)
 *
 * @param packagingWeightKg box tare plus dunnage
 * @param declaredWeightKg  declared item weights plus packaging: the weight on the label
 */
record PackedPackage(String boxCode, double lengthCm, double widthCm, double heightCm, double itemsWeightKg,
    double packagingWeightKg, double declaredWeightKg, String dunnageType, double dunnageLitres, int units) {

  Map<String, Object> toVariable() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("boxCode", boxCode);
    value.put("lengthCm", lengthCm);
    value.put("widthCm", widthCm);
    value.put("heightCm", heightCm);
    value.put("itemsWeightKg", itemsWeightKg);
    value.put("packagingWeightKg", packagingWeightKg);
    value.put("declaredWeightKg", declaredWeightKg);
    value.put("dunnageType", dunnageType);
    value.put("dunnageLitres", dunnageLitres);
    value.put("units", units);
    return value;
  }
}
