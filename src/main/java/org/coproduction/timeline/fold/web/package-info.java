/** The project overview over HTTP. */
package org.coproduction.timeline.fold.web;
