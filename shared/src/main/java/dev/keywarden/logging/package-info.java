/**
 * The functions' logging: a provider of the Log4j API that writes each event as one JSON object per
 * line to standard output, which Lambda sends to CloudWatch Logs.
 *
 * <p>Code everywhere logs through the Log4j API (and the SDK through SLF4J, bridged to it). The
 * command keeps Log4j's core for its terminal output; a function registers {@link
 * JsonLinesProvider} instead, because Log4j's core loads every one of its ~400 plugin classes, its
 * configuration machinery and the JSON template layout at start-up: about 780 classes, 1.35 s of a
 * function's start on a 2-core machine on their own, 0.12 s with this provider. The lines carry the
 * same fields, in the same order, as the JSON template the functions used before.
 */
package dev.keywarden.logging;
