package io.milepost.host.inventory;

import java.util.List;

/** One page of a listing: {@code total} counts every match, {@code items} holds page {@code page} of them. */
record Page<T>(List<T> items, int page, int size, long total) {}
