/**
 * Durable order books (opt-in, {@code --data-dir}): {@link org.paternoster.orders.durable.BookLog}
 * keeps a replica's {@link org.paternoster.orders.OrderBook} in a directory so it survives kill -9
 * and power loss.
 *
 * <p>On-disk format. Every line of both files is a frame {@code <crc> <json>\n}: {@code <crc>} is 8
 * lowercase hex digits of the CRC32C of the UTF-8 bytes of {@code <json>}, a compact JSON object.
 *
 * <ul>
 *   <li>{@code snapshot.json} (absent until the first snapshot): one frame {@code
 *       {"epoch":E,"snapshot":S}}, S in {@link org.paternoster.orders.OrderJson#snapshot} form, E
 *       counting snapshots installed in this directory from 1. Only ever replaced whole, by rename.
 *   <li>{@code log.jsonl}: a header frame {@code {"epoch":E}} naming the snapshot it follows (0:
 *       the empty book), then one frame per operation in {@link
 *       org.paternoster.orders.OrderJson#sequenced} form, seq ascending without gaps, then zero bytes
 *       up to the end of the file (space filled ahead of time, so most commits do not change the
 *       file's size): a zero byte where a line would start ends the log.
 *   <li>{@code writer.json} (absent until the first write of a process that names itself): one
 *       frame {@code {"writer":INCARNATION}}, the process incarnation that last changed the book.
 *       Replaced whole, by rename, before that process's first write to either file above, so the
 *       book on disk is always exactly what the named process made durable (a view service under
 *       {@code --on-total-loss wait} may appoint a replica that recovered it, invariant 9).
 *   <li>{@code lock}: empty; an exclusive lock on it keeps a second process out.
 * </ul>
 *
 * <p>Payloads go through {@code OrderJson} only, so fields added to operations or snapshots are
 * logged without changes here. A snapshot or log header that cannot be read is an error, never an
 * empty book; a bad log record ends the log (a crash tore it) and is cut off.
 */
package org.paternoster.orders.durable;
