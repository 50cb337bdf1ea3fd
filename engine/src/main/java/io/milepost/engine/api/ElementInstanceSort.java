package io.milepost.engine.api;

/** One sort criterion of an element instance search; ties are broken by the key, in the last criterion's direction. */
public record ElementInstanceSort(Field field, boolean descending) {

  /** What an element instance search can sort by (the element's name is not stored, so not by name). */
  public enum Field {
    KEY, PROCESS_INSTANCE_KEY, PROCESS_DEFINITION_KEY, BPMN_PROCESS_ID, ELEMENT_ID, ELEMENT_TYPE, STATE, START_DATE,
    END_DATE, INCIDENT_KEY
  }
}
