package io.milepost.engine.expression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.valuemapper.ValueMapper;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Turns what the DMN engine hands back (FEEL values, or Scala collections and numbers) into the plain Java
 * values the rest of the engine stores: String, Boolean, Long or Double, List, Map, java.time types.
 */
public final class FeelValues {

  private static final ValueMapper MAPPER = ValueMapper.defaultValueMapper();

  private FeelValues() {}

  public static Object fromVal(Val value) {
    return value == null ? null : fromScala(MAPPER.unpackVal(value));
  }

  public static Object fromScala(Object value) {
    return switch (value) {
      case null -> null;
      case scala.math.BigDecimal number -> ExpressionLanguage.normalize(number.bigDecimal());
      case scala.math.BigInt number -> ExpressionLanguage.normalize(number.bigInteger());
      case scala.Option<?> option -> option.isEmpty() ? null : fromScala(option.get());
      case scala.collection.Map<?, ?> map -> {
        Map<String, Object> copy = new LinkedHashMap<>();
        CollectionConverters.asJava(map).forEach((k, v) -> copy.put(String.valueOf(k), fromScala(v)));
        yield copy;
      }
      case scala.collection.Iterable<?> list -> {
        List<Object> copy = new ArrayList<>();
        CollectionConverters.asJava(list).forEach(v -> copy.add(fromScala(v)));
        yield copy;
      }
      case Map<?, ?> map -> {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), fromScala(v)));
        yield copy;
      }
      case Iterable<?> list -> {
        List<Object> copy = new ArrayList<>();
        list.forEach(v -> copy.add(fromScala(v)));
        yield copy;
      }
      default -> ExpressionLanguage.normalize(value);
    };
  }
}
