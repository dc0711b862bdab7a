package org.paternoster.replica;

import java.util.List;
import org.paternoster.orders.Sequenced;
import org.paternoster.view.View;

/**
 * Primary → backup: consecutive operations {@code ops} ordered in {@code view}. {@code attempt}
 * identifies the request so a late reply to an abandoned attempt is ignored.
 */
public record Forward(View view, long attempt, List<Sequenced> ops) {}
