package io.milepost.host.web;

/** A page about something that does not exist (an unknown instance key, a process never deployed). */
public final class PageNotFoundException extends RuntimeException {

  public PageNotFoundException(String message) {
    super(message);
  }
}
