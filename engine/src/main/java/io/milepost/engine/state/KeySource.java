package io.milepost.engine.state;

/** Where new keys come from (the store's {@link KeyGenerator}). */
@FunctionalInterface
public interface KeySource {
  long nextKey();
}
