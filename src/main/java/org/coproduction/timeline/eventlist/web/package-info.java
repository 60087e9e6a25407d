/** HTTP adapter for a project's timeline. */
package org.coproduction.timeline.eventlist.web;
