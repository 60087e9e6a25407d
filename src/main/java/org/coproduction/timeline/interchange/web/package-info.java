/** HTTP adapters for importing and exporting a project's history as JSON Lines. */
package org.coproduction.timeline.interchange.web;
