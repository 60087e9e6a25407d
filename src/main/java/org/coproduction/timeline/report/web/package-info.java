/** The lifecycle report over HTTP, as HTML or JSON. */
package org.coproduction.timeline.report.web;
