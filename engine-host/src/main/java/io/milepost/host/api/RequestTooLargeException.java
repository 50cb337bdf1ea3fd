package io.milepost.host.api;

import java.io.IOException;

/** A request body grew past its limit while being read (a body sent without Content-Length). */
final class RequestTooLargeException extends IOException {

  RequestTooLargeException(String message) {
    super(message);
  }
}
