package io.milepost.host.inventory;

/** What a movement did to a position. */
enum MovementKind {
  /** An import set the units on hand. */
  IMPORT,
  /** Units were sent towards the site. */
  IN_TRANSIT,
  /** Units in transit arrived and are on hand. */
  ARRIVED,
  /** An order reserved units on hand. */
  RESERVED,
  /** The reserved units were picked and left the site. */
  SHIPPED,
  /** A reservation was given back to available stock. */
  RELEASED
}
