/**
 * Coproduction Timeline: an immutable, event-sourced record of how a coproduced research team
 * worked together. Top-level packages are features of the domain; {@code platform} holds the
 * plumbing they share.
 */
package org.coproduction.timeline;
