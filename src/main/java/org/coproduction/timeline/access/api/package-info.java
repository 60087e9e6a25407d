/** The roles an account may hold, as plain values. */
package org.coproduction.timeline.access.api;
