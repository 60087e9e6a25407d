/**
 * How Axon is wired here: the JDBC event store on tables Flyway owns, Jackson with the stable
 * names of the event catalogue, the aggregate cache, and the event id carried over from imports.
 */
package org.coproduction.timeline.platform.axon;
