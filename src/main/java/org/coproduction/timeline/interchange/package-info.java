/** The JSON Lines interchange of a project's history: import, export, and the schemas every line is checked against. */
package org.coproduction.timeline.interchange;
