package org.paternoster.orders;

/** A call for a button the building does not have ({@link Building#check}); the HTTP edge answers 400. */
public final class NoSuchButton extends IllegalArgumentException {
  public NoSuchButton(String message) {
    super(message);
  }
}
