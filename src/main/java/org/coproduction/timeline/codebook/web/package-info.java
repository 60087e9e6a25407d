/** The codebook over HTTP: read it as of a date, and change it. */
package org.coproduction.timeline.codebook.web;
