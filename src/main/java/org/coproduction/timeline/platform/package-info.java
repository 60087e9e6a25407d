/** Plumbing shared by every feature: JSON, the event store, error responses, clocks and ids. */
package org.coproduction.timeline.platform;
