/** The list of projects: title, funder, dates, current phase and team size. */
package org.coproduction.timeline.project.query;
