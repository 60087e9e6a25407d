/** The project overview over HTTP. */
package org.coproduction.timeline.history.web;
