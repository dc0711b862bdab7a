package org.paternoster.orders;

/**
 * A button that can be lit: a hall call at a landing or a cab call inside one car. Equal calls
 * are the same button; at most one of each is pending in an {@link OrderBook}.
 */
public sealed interface Call permits HallCall, CabCall {
  int floor();
}
